using Throughline.Domain.Diagnostics;
using Throughline.Interop.Plan;

namespace Throughline.Interop.Tests.Plan;

/// <summary>
/// One minimal file per diagnostic code. In each text, '»' marks where the diagnostic must point; it is removed before
/// the text is read.
/// </summary>
public class DiagnosticCodeTests
{
    [Fact]
    public void Syntax_error_points_at_the_broken_yaml() =>
        Expect(PlanText.Header + "\nprojects:\n  - id: site\n    name: [unclosed\n»", DiagnosticCodes.Syntax);

    [Fact]
    public void Unknown_field_suggests_the_closest_name() =>
        Expect(PlanText.WithItems("- id: a\n  name: A\n  »estimat: 3d"), DiagnosticCodes.UnknownField, "did you mean 'estimate'?");

    [Fact]
    public void Missing_required_field_points_at_its_entity() =>
        Expect(PlanText.WithItems("- »id: a\n  estimate: 3d"), DiagnosticCodes.MissingField, "needs 'name'");

    [Fact]
    public void Invalid_enum_value_lists_the_accepted_words() =>
        Expect(PlanText.WithItems("- id: a\n  name: A\n  status: »finished"), DiagnosticCodes.InvalidValue, "not-started");

    [Fact]
    public void Negative_duration_is_refused() =>
        Expect(PlanText.WithItems("- id: a\n  name: A\n  estimate: »-3d"), DiagnosticCodes.InvalidDuration, "negative");

    [Fact]
    public void Unreadable_duration_is_refused() =>
        Expect(PlanText.WithItems("- id: a\n  name: A\n  estimate: »three days"), DiagnosticCodes.InvalidDuration, "not a duration");

    [Fact]
    public void Date_out_of_range_is_refused() =>
        Expect(PlanText.WithItems("- id: a\n  name: A\n  committed: »2207-01-01"), DiagnosticCodes.InvalidDate, "out of range");

    [Fact]
    public void Unreadable_date_is_refused() =>
        Expect(PlanText.WithItems("- id: a\n  name: A\n  committed: »2027-02-30"), DiagnosticCodes.InvalidDate, "YYYY-MM-DD");

    [Fact]
    public void Duplicate_id_points_at_the_second_definition() =>
        Expect(PlanText.WithItems("- id: a\n  name: A\n- id: »a\n  name: Again"), DiagnosticCodes.DuplicateId, "duplicate work item id 'a' (the first is at line 17, column 13)");

    [Fact]
    public void A_date_after_2100_is_a_warning() =>
        Expect(PlanText.WithItems("- id: a\n  name: A\n  committed: »2107-01-01"), DiagnosticCodes.FarFutureDate, "the year 2107 is after 2100", Severity.Warning);

    [Fact]
    public void A_status_date_before_the_program_start_is_a_warning() =>
        Expect(PlanText.WithItems("- { id: a, name: A }").Replace("  start: 2027-01-04", "  start: 2027-01-04\n  status-date: »2026-12-01", StringComparison.Ordinal), DiagnosticCodes.StatusDateBeforeStart, "before the program starts", Severity.Warning);

    [Fact]
    public void A_done_item_without_actual_dates_is_a_warning() =>
        Expect(PlanText.WithItems("- id: a\n  name: A\n  estimate: 2d\n  status: »done"), DiagnosticCodes.DoneWithoutActuals, "its slack is not reported", Severity.Warning);

    [Fact]
    public void A_file_that_is_not_utf8_is_refused_at_the_first_bad_byte()
    {
        var bytes = System.Text.Encoding.Latin1.GetBytes("program:\n  id: x\n  name: Ren\u00e9e M\u00fcller\n  start: 2027-01-04\n");

        PlanEncoding.Decode(bytes, "plan.tl.yaml", out var problem).ShouldBeNull();

        problem.ShouldNotBeNull().Code.ShouldBe(DiagnosticCodes.Encoding);
        problem.Location.ShouldBe(new SourceLocation("plan.tl.yaml", 3, 12));
        problem.Message.ShouldContain("0xE9");
    }

    [Fact]
    public void Undefined_reference_points_at_the_reference() =>
        Expect(PlanText.WithItems("- id: a\n  name: A\n  team: »webb"), DiagnosticCodes.UndefinedReference, "undefined team 'webb'; did you mean 'web'?");

    [Fact]
    public void Dependency_cycle_names_every_member_in_order() =>
        Expect(
            PlanText.WithItems("- id: a\n  name: A\n  depends-on: [»c]\n- id: b\n  name: B\n  depends-on: [a]\n- id: c\n  name: C\n  depends-on: [b]"),
            DiagnosticCodes.DependencyCycle,
            "dependency cycle: a -> b -> c -> a");

    [Fact]
    public void Work_for_a_team_without_capacity_is_an_error() =>
        Expect(
            PlanText.WithItems("- id: a\n  name: A\n  team: »empty").Replace("teams:", "teams:\n  - id: empty\n    name: Empty", StringComparison.Ordinal),
            DiagnosticCodes.TeamWithoutCapacity,
            "team 'empty', which has no capacity");

    [Fact]
    public void Linking_a_summary_to_its_own_child_is_an_error() =>
        Expect(
            PlanText.WithItems("- id: s\n  name: S\n  items:\n    - id: c\n      name: C\n      depends-on: [»s]"),
            DiagnosticCodes.SummaryLinkedToDescendant);

    [Fact]
    public void Milestone_with_an_estimate_is_a_warning() =>
        Expect(PlanText.WithItems("- id: m\n  name: M\n  milestone: true\n  estimate: »3d"), DiagnosticCodes.MilestoneWithDuration, severity: Severity.Warning);

    [Fact]
    public void Allocation_over_100_percent_is_a_warning() =>
        Expect(
            PlanText.WithItems("- { id: a, name: A }").Replace("    team: web", "    team: web\n    allocations: »{ site: 80%, other: 40% }", StringComparison.Ordinal) + "  - { id: other, name: Other }\n",
            DiagnosticCodes.OverAllocated,
            "120%",
            Severity.Warning);

    [Fact]
    public void Calendar_base_cycle_is_an_error() =>
        Expect(
            PlanText.Header.Replace("teams:", "calendars:\n  - { id: x, base: »y }\n  - { id: y, base: x }\nteams:", StringComparison.Ordinal),
            DiagnosticCodes.CalendarBaseCycle,
            "x -> y -> x");

    [Fact]
    public void Duplicate_dependency_is_a_warning() =>
        Expect(PlanText.WithItems("- { id: a, name: A }\n- { id: b, name: B, depends-on: [a, »a] }"), DiagnosticCodes.DuplicateDependency, severity: Severity.Warning);

    [Fact]
    public void Work_category_no_budget_line_uses_is_a_warning() =>
        Expect(
            PlanText.WithItems("- { id: a, name: A }") + "budget:\n  - { project: site, period: 2027-01, category: labour, planned: 1000 }\nearned-value:\n  work-categories: [»labor]\n",
            DiagnosticCodes.UnusedWorkCategory,
            "no budget line has category 'labor'; did you mean 'labour'?",
            Severity.Warning);

    [Theory]
    [InlineData("estimate: »1000000w")]
    [InlineData("estimate: »{ optimistic: 1d, likely: 2d, pessimistic: 9999999w }")]
    [InlineData("effort: »100000000h")]
    public void Duration_longer_than_the_plan_range_is_refused(string field) =>
        Expect(PlanText.WithItems("- id: a\n  name: A\n  " + field), DiagnosticCodes.OutOfRange, "the longest a plan can hold is 60,631 days");

    [Theory]
    [InlineData("a FS+2000000w")]
    [InlineData("a FS+99999999ed")]
    [InlineData("a SS-99999999ed")]
    [InlineData("a FS+1000000%")]
    public void Lag_longer_than_the_plan_range_is_refused(string dependency) =>
        Expect(PlanText.WithItems($"- {{ id: a, name: A, estimate: 1d }}\n- {{ id: b, name: B, depends-on: [»\"{dependency}\"] }}"), DiagnosticCodes.OutOfRange, "lag of");

    [Fact]
    public void Risk_impact_longer_than_the_plan_range_is_refused() =>
        Expect(PlanText.WithItems("- { id: a, name: A }") + "risks:\n  - { id: r, title: R, probability: 10%, impact: »3000000w }\n", DiagnosticCodes.OutOfRange, "impact");

    [Fact]
    public void Schedule_past_the_plan_range_points_at_the_first_item_finishing_after_it() =>
        Expect(
            PlanText.WithItems("- { id: a, name: A, estimate: 5000w }\n- { id: b, name: B, estimate: »5000w, depends-on: [a] }"),
            DiagnosticCodes.ScheduleOutOfRange,
            "'b' would finish in 22",
            scheduled: true);

    [Fact]
    public void Project_budget_that_disagrees_with_its_lines_is_a_warning() =>
        Expect(
            PlanText.WithItems("- { id: a, name: A }").Replace("name: Site", "name: Site\n    budget: »1000", StringComparison.Ordinal) + "budget:\n  - { project: site, period: 2027-01, planned: 600 }\n  - { project: site, period: 2027-02, planned: 300 }\n",
            DiagnosticCodes.BudgetDisagreesWithLines,
            "has budget 1,000 USD but its budget lines plan 900 USD",
            Severity.Warning);

    [Fact]
    public void Every_problem_in_a_file_is_reported_at_once()
    {
        var result = PlanReader.Read(PlanText.WithItems("- id: a\n  name: A\n  estimat: 3d\n  team: webb\n- id: b\n  name: B\n  estimate: -1d"), "plan.tl.yaml");

        result.Diagnostics.Select(d => d.Code).ShouldBe([DiagnosticCodes.UnknownField, DiagnosticCodes.UndefinedReference, DiagnosticCodes.InvalidDuration]);
    }

    [Fact]
    public void Every_code_has_a_test_and_a_row_in_the_docs()
    {
        var codes = typeof(DiagnosticCodes).GetFields().Select(f => (string)f.GetValue(null)!).ToList();
        var source = string.Concat(Directory.GetFiles(Path.Combine(Testing.RepoPaths.Root, "tests"), "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText));
        var documented = File.ReadAllText(Path.Combine(Testing.RepoPaths.Root, "docs", "diagnostics.md"));
        foreach (var field in typeof(DiagnosticCodes).GetFields())
        {
            source.ShouldContain("DiagnosticCodes." + field.Name, customMessage: $"no test for {field.Name}");
        }

        foreach (var code in codes)
        {
            documented.ShouldContain(code, customMessage: $"{code} is not in docs/diagnostics.md");
        }
    }

    /// <param name="scheduled">Also schedule the plan, for a code the scheduler reports, located through the file's source map.</param>
    private static void Expect(string markedText, string code, string? messagePart = null, Severity severity = Severity.Error, bool scheduled = false)
    {
        var marker = markedText.IndexOf('»', StringComparison.Ordinal);
        marker.ShouldBeGreaterThanOrEqualTo(0, "the test text needs a » marker");
        var before = markedText[..marker];
        var line = before.Count(c => c == '\n') + 1;
        var column = marker - (before.LastIndexOf('\n') + 1) + 1;
        var text = markedText.Remove(marker, 1);

        var result = PlanReader.Read(text, "plan.tl.yaml");
        IReadOnlyList<Diagnostic> diagnostics = scheduled
            ? [.. result.Diagnostics, .. Scheduling.ProgramScheduler.Schedule(result.Program!).Diagnostics.Select(result.Locate)]
            : result.Diagnostics;

        var diagnostic = diagnostics.FirstOrDefault(d => d.Code == code);
        diagnostic.ShouldNotBeNull($"expected {code}; got: {string.Join(" | ", diagnostics)}");
        diagnostic.Severity.ShouldBe(severity);
        diagnostic.Location.ShouldBe(new SourceLocation("plan.tl.yaml", line, column), diagnostic.ToString());
        if (messagePart is not null)
        {
            diagnostic.Message.ShouldContain(messagePart);
        }

        diagnostic.ToString().ShouldStartWith($"plan.tl.yaml:{line}:{column}: {(severity == Severity.Error ? "error" : "warning")} {code}: ");
    }
}
