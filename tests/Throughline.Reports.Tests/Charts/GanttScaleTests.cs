using System.Xml.Linq;
using Throughline.Domain;
using Throughline.Reports.Charts;

namespace Throughline.Reports.Tests.Charts;

public class GanttScaleTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly GanttChart Chart = new(
        "Plan",
        [
            new GanttRow("p", "Project", new DateTime(2027, 3, 1, 8, 0, 0, DateTimeKind.Unspecified), new DateTime(2027, 3, 19, 17, 0, 0, DateTimeKind.Unspecified), false, false) { IsSummary = true, ToggleHref = "?collapse=p" },
            new GanttRow("a", "Build", new DateTime(2027, 3, 1, 8, 0, 0, DateTimeKind.Unspecified), new DateTime(2027, 3, 12, 17, 0, 0, DateTimeKind.Unspecified), false, true) { Level = 1, BaselineStart = new DateTime(2027, 3, 1, 8, 0, 0, DateTimeKind.Unspecified), BaselineFinish = new DateTime(2027, 3, 5, 17, 0, 0, DateTimeKind.Unspecified), Href = "/items/a" },
            new GanttRow("b", "Test", new DateTime(2027, 3, 8, 8, 0, 0, DateTimeKind.Unspecified), new DateTime(2027, 3, 19, 17, 0, 0, DateTimeKind.Unspecified), false, false) { Level = 1 },
        ],
        [new GanttLink(1, 2) { Type = DependencyType.StartToStart, IsCrossTeam = true }])
    { Today = new DateOnly(2027, 3, 3) };

    private static double Width(string svg) => double.Parse((string)XDocument.Parse(svg).Root!.Attribute("width")!, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_finer_scale_makes_a_wider_chart_with_its_own_axis_labels()
    {
        var days = GanttSvg.Render(Chart with { Scale = GanttScale.Days });
        var quarters = GanttSvg.Render(Chart with { Scale = GanttScale.Quarters });

        Width(days).ShouldBeGreaterThan(Width(GanttSvg.Render(Chart with { Scale = GanttScale.Weeks })));
        Width(GanttSvg.Render(Chart with { Scale = GanttScale.Weeks })).ShouldBeGreaterThan(Width(GanttSvg.Render(Chart with { Scale = GanttScale.Months })));
        XDocument.Parse(days).Descendants(Svg + "text").Select(t => t.Value).ShouldContain("Mar 8");
        XDocument.Parse(quarters).Descendants(Svg + "text").Select(t => t.Value).ShouldContain("Q1 2027");
        XDocument.Parse(GanttSvg.Render(Chart with { Scale = GanttScale.Months })).Descendants(Svg + "text").Select(t => t.Value).ShouldContain("Mar '27");
    }

    [Fact]
    public void Summaries_get_a_keyboard_reachable_toggle_and_items_their_baseline_bar_and_typed_links()
    {
        var svg = XDocument.Parse(GanttSvg.Render(Chart with { Scale = GanttScale.Weeks })).Root!;

        var links = svg.Descendants(Svg + "a").ToList();
        links.Select(a => (string?)a.Attribute("href")).ShouldBe(["?collapse=p", "/items/a"]);
        links[0].Attribute("aria-label")!.Value.ShouldBe("Collapse Project");
        svg.Descendants(Svg + "rect").Count(r => (string?)r.Attribute("class") == "baseline").ShouldBe(1);
        svg.Descendants(Svg + "path").Count(p => (string?)p.Attribute("class") == "summary").ShouldBe(1);
        var link = svg.Descendants(Svg + "path").Single(p => ((string?)p.Attribute("class"))?.StartsWith("link", StringComparison.Ordinal) == true);
        link.Attribute("class")!.Value.ShouldBe("link cross-team");
        link.Attribute("stroke")!.Value.ShouldBe(ChartColours.Amber);
    }
}
