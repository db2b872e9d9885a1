using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Throughline.Reports.Html;

namespace Throughline.Reports.Tests.Html;

public class HtmlStatusReportTests
{
    private static readonly Lazy<string> CloudMigration = new(() => HtmlStatusReport.Write(ReportFixture.Report("cloud-migration.tl.yaml", iterations: 500)));

    [Fact]
    public void The_page_parses_without_a_single_error()
    {
        var errors = new List<string>();
        var parser = new HtmlParser();
        parser.Error += (_, e) => errors.Add(((AngleSharp.Html.Dom.Events.HtmlErrorEvent)e).Message + " at " + ((AngleSharp.Html.Dom.Events.HtmlErrorEvent)e).Position);

        parser.ParseDocument(CloudMigration.Value);

        errors.ShouldBeEmpty();
    }

    [Fact]
    public void The_executive_summary_comes_first_and_holds_every_section()
    {
        var document = new HtmlParser().ParseDocument(CloudMigration.Value);

        var sections = document.QuerySelectorAll("main > section").Select(s => s.Id).ToList();
        sections.ShouldBe(["executive", "schedule-budget", "projects"]);
        var executive = document.GetElementById("executive")!;
        foreach (var id in new[] { "overall-health", "commitment", "next-milestones", "changes", "top-risks", "decisions", "blocked" })
        {
            executive.QuerySelector("#" + id).ShouldNotBeNull($"#{id} is missing from the executive summary");
        }

        document.QuerySelector("#schedule-budget #critical-path").ShouldNotBeNull();
        document.QuerySelector("#schedule-budget #budget").ShouldNotBeNull();
    }

    [Fact]
    public void Every_project_has_its_section_with_roles_health_milestones_and_risks()
    {
        var program = ReportFixture.Example("cloud-migration.tl.yaml");
        var document = new HtmlParser().ParseDocument(CloudMigration.Value);

        var articles = document.QuerySelectorAll("#projects article.project").ToList();
        articles.Select(a => a.Id).ShouldBe(program.Projects.Select(p => "project-" + p.Id.Value));
        foreach (var article in articles)
        {
            article.QuerySelector(".roles")!.TextContent.ShouldContain("TPM");
            article.QuerySelectorAll(".health-list li").Length.ShouldBe(4);
        }

        document.QuerySelectorAll("#projects article.project table").Length.ShouldBeGreaterThanOrEqualTo(program.Projects.Count);
    }

    [Fact]
    public void The_four_charts_are_inline_svg_that_is_well_formed_xml()
    {
        var document = new HtmlParser().ParseDocument(CloudMigration.Value);

        var charts = document.QuerySelectorAll("svg.chart").ToList();
        charts.Select(c => c.ClassList.Last()).Order().ShouldBe(["burn", "gantt", "heat-map", "s-curve"]);
        foreach (var chart in charts)
        {
            Should.NotThrow(() => XDocument.Parse(chart.OuterHtml));
        }
    }

    [Fact]
    public void The_overall_health_names_its_colour_and_reasons()
    {
        var report = ReportFixture.Report("cloud-migration.tl.yaml", iterations: 500);
        var document = new HtmlParser().ParseDocument(HtmlStatusReport.Write(report));

        var overall = document.GetElementById("overall-health")!;
        overall.QuerySelector(".overall-badge .value")!.TextContent.ShouldBe(ReportFormat.Word(report.Health.Program.Overall.Colour));
        var reasons = document.QuerySelectorAll(".areas .area li").Select(li => li.TextContent).ToList();
        reasons.ShouldContain(report.Health.Program.Overall.Reasons[0].Text);
    }

    [Fact]
    public void The_page_prints_each_part_on_its_own_page()
    {
        CloudMigration.Value.ShouldContain("@media print");
        CloudMigration.Value.ShouldContain(".page + .page { break-before: page; }");
    }

    [Fact]
    public void Text_from_the_plan_is_escaped()
    {
        var program = ReportFixture.Example("product-launch.tl.yaml");
        program = program with { Name = "<script>alert(1)</script> & co" };
        var report = StatusReportBuilder.Build(new StatusReportInput(program, Scheduling.ProgramScheduler.Schedule(program), program.StatusDate!.Value));

        var html = HtmlStatusReport.Write(report);

        html.ShouldNotContain("<script>");
        new HtmlParser().ParseDocument(html).QuerySelector("h1")!.TextContent.ShouldStartWith("<script>alert(1)</script> & co");
    }
}
