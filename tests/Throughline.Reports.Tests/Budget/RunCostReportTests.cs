using AngleSharp.Html.Parser;
using Throughline.Domain.Health;
using Throughline.Interop.Plan;
using Throughline.Reports.Html;
using Throughline.Reports.Markdown;
using Throughline.Scheduling;

namespace Throughline.Reports.Tests.Budget;

/// <summary>
/// A small plan with labour (work) and cloud (run cost) lines through the status report: earned value and the budget
/// health over the work only, the run costs beside it, and the whole forecast against the whole budget.
/// </summary>
public class RunCostReportTests
{
    // Status 2027-01-20. Work: a 10d done, b 10d half done, c 20d not started: 37.5%.
    // Labour: January 31,000 (12,000 spent), February 28,000. Cloud: January 10,000 (9,000 spent), February 10,000,
    // Q2 30,000.
    private const string Plan = """
        program:
          id: x
          name: X
          start: 2027-01-04
          status-date: 2027-01-20
        projects:
          - id: site
            name: Site
            items:
              - { id: a, name: A, estimate: 10d, status: done, actual-start: 2027-01-04, actual-finish: 2027-01-15 }
              - { id: b, name: B, estimate: 10d, status: in-progress, actual-start: 2027-01-11, percent-complete: 50% }
              - { id: c, name: C, estimate: 20d, depends-on: [b] }
        budget:
          - { project: site, period: 2027-01, category: labour, planned: 31000, actual: 12000 }
          - { project: site, period: 2027-02, category: labour, planned: 28000 }
          - { project: site, period: 2027-01, category: cloud, planned: 10000, actual: 9000 }
          - { project: site, period: 2027-02, category: cloud, planned: 10000 }
          - { project: site, period: 2027-Q2, category: cloud, planned: 30000 }
        """;

    private const string Setting = "\nearned-value:\n  work-categories: [labour]\n";

    private static StatusReport Report(string text)
    {
        var read = PlanReader.Read(text, "plan.tl.yaml");
        read.Diagnostics.ShouldBeEmpty(string.Join(Environment.NewLine, read.Diagnostics));
        var program = read.Program!;
        return StatusReportBuilder.Build(new StatusReportInput(program, ProgramScheduler.Schedule(program), program.StatusDate!.Value));
    }

    [Fact]
    public void Earned_value_and_budget_health_count_the_work_lines_only()
    {
        var report = Report(Plan + Setting);

        // Labour: EV 59,000 × 37.5% = 22,125 against AC 12,000: CPI 1.84375, EAC 59,000 × 12,000 / 22,125 = 32,000.
        var total = report.Budget.Total!;
        total.BudgetAtCompletion.ShouldBe(59_000m);
        total.CostPerformanceIndex!.Value.ShouldBe(1.84375, 1e-9);
        ((double)total.EstimateAtCompletion!.Value).ShouldBe(32_000, 1e-6);
        var reason = report.Health.Program.Budget.Reasons.ShouldHaveSingleItem();
        reason.Colour.ShouldBe(HealthColour.Green);
        reason.Text.ShouldStartWith("CPI 1.84: 22,125 USD of work done for 12,000 USD spent");
    }

    [Fact]
    public void Run_costs_and_the_whole_forecast_are_reported_beside_earned_value()
    {
        var report = Report(Plan + Setting);

        // Cloud: planned to date 10,000 × 20/31 = 6,452; forecast 9,000 + 50,000 − 6,452 = 52,548; variance −2,548.
        // Total: budget 59,000 + 50,000 = 109,000; forecast 32,000 + 52,548 = 84,548; variance 24,452.
        var markdown = MarkdownStatusReport.Write(report);

        markdown.ShouldContain("Earned value counts the work (labour); cloud is a run cost, which does not follow the work: its forecast");
        markdown.ShouldContain("| Work | BAC | PV | EV | AC |");
        markdown.ShouldContain("| Site | 50,000 | 6,452 | 9,000 | 52,548 | -2,548 |");
        markdown.ShouldContain("| Work (EAC) | 59,000 | 32,000 | 27,000 |");
        markdown.ShouldContain("| Run costs | 50,000 | 52,548 | -2,548 |");
        markdown.ShouldContain("| **Total** | 109,000 | 84,548 | 24,452 |");
        markdown.ShouldContain("Total forecast at completion 84,548 against a budget of 109,000.");
        report.Burn!.BudgetAtCompletion.ShouldBe(109_000m);
        ((double)report.Burn.Points[^1].Forecast!.Value).ShouldBe(84_548, 1);
    }

    [Fact]
    public void The_html_page_shows_the_split_in_figures_and_tables()
    {
        var document = new HtmlParser().ParseDocument(HtmlStatusReport.Write(Report(Plan + Setting)));

        var budget = document.GetElementById("budget")!;
        var figures = budget.QuerySelectorAll(".figure").ToDictionary(f => f.QuerySelector("dt")!.TextContent, f => f.QuerySelector("dd")!.TextContent);
        figures["Total budget"].ShouldBe("109,000 USD");
        figures["Total forecast"].ShouldBe("84,548 USD");
        figures["Work forecast (EAC)"].ShouldBe("32,000 USD");
        figures["CPI"].ShouldBe("1.84");
        var heads = budget.QuerySelectorAll("table thead th:first-child").Select(th => th.TextContent).ToList();
        heads.ShouldBe(["Work", "Run costs", "At completion"]);
        budget.QuerySelectorAll("table tr.total").Last().TextContent.ShouldBe("Total109,00084,54824,452");
    }

    [Fact]
    public void Without_the_setting_every_line_is_earned_and_no_run_costs_are_shown()
    {
        var report = Report(Plan);

        // 109,000 × 37.5% = 40,875 earned for 21,000 spent: CPI 1.95, EAC 56,000.
        report.Budget.RunCosts.ShouldBeNull();
        report.Budget.Total!.BudgetAtCompletion.ShouldBe(109_000m);
        ((double)report.Budget.Total.EstimateAtCompletion!.Value).ShouldBe(56_000, 1e-6);
        var markdown = MarkdownStatusReport.Write(report);
        markdown.ShouldNotContain("Run costs");
        markdown.ShouldContain("| | BAC | PV | EV | AC |");
        report.Burn!.Title.ShouldBe("Budget burn (cumulative)");
    }
}
