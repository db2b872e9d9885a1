using Throughline.Domain;
using Throughline.Domain.Calendars;
using Throughline.Interop.Plan;

namespace Throughline.Interop.Tests.Plan;

public class PlanReaderTests
{
    [Fact]
    public void Reads_nested_items_with_parents_in_document_order()
    {
        var result = PlanReader.Read(PlanText.WithItems("""
            - id: build
              name: Build
              items:
                - id: api
                  name: API
                  estimate: 3d
                - id: ui
                  name: UI
                  estimate: 2d
            - id: launch
              name: Launch
              milestone: true
              depends-on: [build]
            """), "plan.tl.yaml");

        result.Diagnostics.ShouldBeEmpty();
        var items = result.Program!.WorkItems;
        items.Select(i => i.Id.Value).ShouldBe(["build", "api", "ui", "launch"]);
        items[1].Parent.ShouldBe(new WorkItemId("build"));
        items[3].IsMilestone.ShouldBeTrue();
        items[3].Project.ShouldBe(new ProjectId("site"));
    }

    [Fact]
    public void Dependency_short_and_long_forms_give_type_and_lag()
    {
        var result = PlanReader.Read(PlanText.WithItems("""
            - { id: p1, name: P1, estimate: 4d }
            - { id: p2, name: P2, estimate: 4d }
            - { id: p3, name: P3, estimate: 4d }
            - { id: p4, name: P4, estimate: 4d }
            - { id: p5, name: P5, estimate: 4d }
            - { id: p6, name: P6, estimate: 4d }
            - id: b
              name: B
              estimate: 2d
              depends-on:
                - p1
                - "p2 SS+2d"
                - "p3 FF -1d"
                - "p4 SF+3ed"
                - "p5 FS+50%"
                - { item: p6, type: ss, lag: 4h }
            """), "plan.tl.yaml");

        result.Diagnostics.ShouldBeEmpty();
        var dependencies = result.Program!.Dependencies;
        dependencies.Select(d => (d.Type, d.Lag)).ShouldBe(
        [
            (DependencyType.FinishToStart, Lag.None),
            (DependencyType.StartToStart, new Lag(960, LagKind.Working)),
            (DependencyType.FinishToFinish, new Lag(-480, LagKind.Working)),
            (DependencyType.StartToFinish, new Lag(3 * 1440, LagKind.Elapsed)),
            (DependencyType.FinishToStart, new Lag(50, LagKind.PercentOfPredecessor)),
            (DependencyType.StartToStart, new Lag(240, LagKind.Working)),
        ]);
        dependencies.Select(d => d.Predecessor.Value).ShouldBe(["p1", "p2", "p3", "p4", "p5", "p6"]);
        dependencies.ShouldAllBe(d => d.Successor == new WorkItemId("b"));
    }

    [Fact]
    public void Three_point_estimate_keeps_all_three_points()
    {
        var result = PlanReader.Read(PlanText.WithItems("""
            - id: a
              name: A
              estimate: { optimistic: 2d, likely: 3d, pessimistic: 1.5w }
            """), "plan.tl.yaml");

        var estimate = result.Program!.WorkItems[0].Estimate!;
        estimate.Optimistic.ShouldBe(new WorkDuration(2 * 480));
        estimate.MostLikely.ShouldBe(new WorkDuration(3 * 480));
        estimate.Pessimistic.ShouldBe(new WorkDuration(3600));
    }

    [Fact]
    public void Hours_per_day_changes_what_a_day_means()
    {
        var text = PlanText.WithItems("- { id: a, name: A, estimate: 2d }").Replace("start: 2027-01-04", "start: 2027-01-04\n  hours-per-day: 7.5", StringComparison.Ordinal);

        var result = PlanReader.Read(text, "plan.tl.yaml");

        result.Diagnostics.ShouldBeEmpty();
        result.Program!.WorkItems[0].Estimate!.MostLikely.Minutes.ShouldBe(900);
    }

    [Fact]
    public void Finish_constraint_on_a_date_means_the_end_of_that_day()
    {
        var result = PlanReader.Read(PlanText.WithItems("""
            - { id: a, name: A, estimate: 1d, constraint: fnlt 2027-02-05, deadline: 2027-02-10 }
            - { id: b, name: B, estimate: 1d, constraint: { type: snet, date: 2027-02-01 } }
            - { id: c, name: C, estimate: 1d, constraint: alap }
            """), "plan.tl.yaml");

        result.Diagnostics.ShouldBeEmpty();
        var items = result.Program!.WorkItems;
        items[0].Constraint.ShouldBe(new Constraint(ConstraintType.FinishNoLaterThan, new DateTime(2027, 2, 5, 23, 59, 0)));
        items[0].Deadline.ShouldBe(new DateTime(2027, 2, 10, 23, 59, 0));
        items[1].Constraint.ShouldBe(new Constraint(ConstraintType.StartNoEarlierThan, new DateTime(2027, 2, 1)));
        items[2].Constraint.Type.ShouldBe(ConstraintType.AsLateAsPossible);
    }

    [Fact]
    public void Calendar_without_a_week_inherits_its_base_week_and_keeps_its_own_holidays()
    {
        var text = PlanText.Header.Replace("teams:", """
            calendars:
              - id: india
                base: short
                holidays: ["2027-01-26 Republic Day"]
              - id: short
                week: { mon: "09:00-13:00", tue: "09:00-13:00" }
                holidays:
                  - { date: 2027-12-24, to: 2027-12-31, name: Shutdown }
            teams:
            """, StringComparison.Ordinal);

        var result = PlanReader.Read(text, "plan.tl.yaml");

        result.Diagnostics.ShouldBeEmpty();
        var india = result.Program!.Calendars[0];
        india.BaseCalendar.ShouldBe(new CalendarId("short"));
        india.Week[(int)DayOfWeek.Monday].ShouldBe([new WorkingTimeRange(540, 780)]);
        india.Week[(int)DayOfWeek.Wednesday].ShouldBeEmpty();
        india.Exceptions.ShouldHaveSingleItem().Name.ShouldBe("Republic Day");
        result.Program.Calendars[1].Exceptions[0].To.ShouldBe(new DateOnly(2027, 12, 31));
    }

    [Fact]
    public void Assignments_take_units_from_the_short_form()
    {
        var result = PlanReader.Read(PlanText.WithItems("""
            - { id: a, name: A, estimate: 1d, team: "web 200%", people: [p-a, "p-a 50%"] }
            """), "plan.tl.yaml");

        result.Diagnostics.ShouldBeEmpty();
        var assignments = result.Program!.WorkItems[0].Assignments;
        assignments[0].Team.ShouldBe(new TeamId("web"));
        assignments[0].Units.ShouldBe(200);
        assignments[1].Person.ShouldBe(new PersonId("p-a"));
        assignments[1].Units.ShouldBe(100);
        assignments[2].Units.ShouldBe(50);
    }

    [Fact]
    public void Budget_periods_accept_months_quarters_and_ranges()
    {
        var text = PlanText.WithItems("- { id: a, name: A, estimate: 1d }") + """
            budget:
              - { project: site, period: 2027-02, planned: 1000, actual: 900 }
              - { project: site, period: 2027-Q2, planned: "5000 EUR" }
              - { project: site, period: { from: 2027-07-01, to: 2027-07-15 }, planned: 10 }
            """;

        var result = PlanReader.Read(text, "plan.tl.yaml");

        result.Diagnostics.ShouldBeEmpty();
        var budget = result.Program!.Budget;
        budget[0].Period.ShouldBe(new DateRange(new DateOnly(2027, 2, 1), new DateOnly(2027, 2, 28)));
        budget[0].Actual.ShouldBe(new Money(900, "USD"));
        budget[1].Period.ShouldBe(new DateRange(new DateOnly(2027, 4, 1), new DateOnly(2027, 6, 30)));
        budget[1].Planned.ShouldBe(new Money(5000, "EUR"));
        budget[2].Period.Days.ShouldBe(15);
    }

    [Fact]
    public void An_empty_file_is_an_error_not_an_exception()
    {
        var result = PlanReader.Read(string.Empty, "empty.tl.yaml");

        result.Program.ShouldBeNull();
        result.HasErrors.ShouldBeTrue();
    }

    [Fact]
    public void A_missing_file_is_a_diagnostic()
    {
        var result = PlanReader.ReadFile(Path.Combine(Path.GetTempPath(), "no-such-plan-" + Guid.NewGuid() + ".tl.yaml"));

        result.Diagnostics.ShouldHaveSingleItem().Message.ShouldStartWith("file not found");
    }
}
