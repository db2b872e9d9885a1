using System.Xml.Linq;
using Throughline.Domain.Budget;
using Throughline.Reports.Charts;

namespace Throughline.Reports.Tests.Charts;

public class ChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly GanttChart Chart = new(
        "Path <to> launch",
        [
            new GanttRow("a", "Design & build", new DateTime(2027, 3, 1, 8, 0, 0, DateTimeKind.Unspecified), new DateTime(2027, 3, 5, 17, 0, 0, DateTimeKind.Unspecified), false, true) { Done = 0.5 },
            new GanttRow("m", "Launch: day one", new DateTime(2027, 3, 5, 17, 0, 0, DateTimeKind.Unspecified), new DateTime(2027, 3, 5, 17, 0, 0, DateTimeKind.Unspecified), true, false) { Committed = new DateOnly(2027, 3, 10) },
        ],
        [new GanttLink(0, 1)])
    { Today = new DateOnly(2027, 3, 3) };

    [Fact]
    public void The_gantt_draws_a_row_per_item_with_critical_bars_links_and_today()
    {
        var svg = XDocument.Parse(GanttSvg.Render(Chart)).Root!;

        svg.Name.ShouldBe(Svg + "svg");
        svg.Descendants(Svg + "title").First().Value.ShouldBe("Path <to> launch");
        svg.Descendants(Svg + "rect").Count(r => (string?)r.Attribute("fill") == ChartColours.Red).ShouldBe(2);   // the bar and its done share
        svg.Descendants(Svg + "path").Count(p => (string?)p.Attribute("fill") == ChartColours.Bar).ShouldBe(1);  // the milestone diamond
        svg.Descendants(Svg + "text").Select(t => t.Value).ShouldContain("today Mar 3");
        svg.Descendants(Svg + "text").Select(t => t.Value).ShouldContain("Design & build");
    }

    [Fact]
    public void The_mermaid_gantt_marks_critical_work_and_milestones_and_cleans_names()
    {
        var text = MermaidGantt.Render(Chart);

        text.ShouldStartWith("```mermaid\ngantt\n".ReplaceLineEndings());
        text.ShouldContain("    Design & build :crit, active, t1, 2027-03-01, 2027-03-06");
        text.ShouldContain("    Launch- day one :milestone, t2, 2027-03-05, 0d");
    }

    [Fact]
    public void The_other_charts_are_well_formed_with_or_without_data()
    {
        var burn = new BurnChart("Burn", [new BurnPoint(new DateOnly(2027, 1, 1), 0, 0, null), new BurnPoint(new DateOnly(2027, 2, 1), 100, 90, 90), new BurnPoint(new DateOnly(2027, 3, 1), 200, null, 190)], 200, new DateOnly(2027, 2, 1), "USD");
        var curve = new SCurve("Launch", [(new DateOnly(2027, 3, 1), 0.4), (new DateOnly(2027, 3, 4), 1.0)], new DateOnly(2027, 3, 2), new DateOnly(2027, 3, 4)) { Committed = new DateOnly(2027, 3, 3), ProbabilityOnTime = 0.4 };
        string[] charts =
        [
            BurnChartSvg.Render(burn),
            BurnChartSvg.Render(burn with { Points = [] }),
            SCurveSvg.Render(curve),
            SCurveSvg.Render(curve with { Points = [] }),
            RiskHeatMapSvg.Render("Risks", [new HeatMapRisk(1, "A", 0.9, 25), new HeatMapRisk(2, "B", 0.05, 0.5)]),
            GanttSvg.Render(Chart with { Rows = [], Links = [] }),
        ];

        foreach (var chart in charts)
        {
            XDocument.Parse(chart).Root!.Name.ShouldBe(Svg + "svg");
        }
    }

    [Fact]
    public void The_heat_map_puts_each_risk_in_its_probability_and_impact_cell()
    {
        var svg = XDocument.Parse(RiskHeatMapSvg.Render("Risks", [new HeatMapRisk(1, "Likely and big", 0.9, 25), new HeatMapRisk(2, "Unlikely and small", 0.05, 0.5)])).Root!;

        var dots = svg.Descendants(Svg + "circle").Select(c => (X: double.Parse((string)c.Attribute("cx")!, System.Globalization.CultureInfo.InvariantCulture), Y: double.Parse((string)c.Attribute("cy")!, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        dots.Count.ShouldBe(2);
        dots[0].X.ShouldBeGreaterThan(dots[1].X);   // more impact: further right
        dots[0].Y.ShouldBeLessThan(dots[1].Y);      // more likely: higher up
    }
}
