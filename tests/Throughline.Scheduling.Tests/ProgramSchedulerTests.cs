using Throughline.Domain;
using Throughline.Domain.Calendars;
using Throughline.Domain.Diagnostics;
using static Throughline.Scheduling.Tests.TestCalendars;

namespace Throughline.Scheduling.Tests;

public class ProgramSchedulerTests
{
    private static readonly ProjectId Project = new("p");

    private static WorkItem Item(string id, double days, string? parent = null) => new(new WorkItemId(id), id, Project)
    {
        Estimate = days > 0 ? Estimate.Single(new WorkDuration((long)(days * 480))) : null,
        Parent = parent is null ? null : new WorkItemId(parent),
    };

    private static Dependency Link(string from, string to) => Dependency.FinishToStart(new WorkItemId(from), new WorkItemId(to));

    private static Program Plan(IReadOnlyList<WorkItem> items, IReadOnlyList<Dependency> links) =>
        new(new ProgramId("prog"), "Program", new DateOnly(2024, 3, 4)) { WorkItems = items, Dependencies = links };

    [Fact]
    public void Schedules_items_by_id_from_the_first_working_minute_of_the_program_start()
    {
        var program = Plan([Item("design", 2), Item("build", 3), Item("launch", 0) with { Kind = WorkItemKind.Milestone }], [Link("design", "build"), Link("build", "launch")]);

        var schedule = ProgramScheduler.Schedule(program);

        schedule.ProjectStart.ShouldBe(At(4, 8));
        schedule[new("design")].Start.ShouldBe(At(4, 8));
        schedule[new("build")].Start.ShouldBe(At(6, 8));
        schedule[new("build")].Finish.ShouldBe(At(8, 17));
        schedule[new("launch")].Start.ShouldBe(At(8, 17));
        schedule[new("build")].DrivingPredecessor.ShouldBe(new WorkItemId("design"));
        schedule.ProjectFinish.ShouldBe(At(8, 17));
        schedule.CriticalPath.ShouldBe([new("design"), new("build"), new("launch")]);
        schedule.Diagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void A_project_start_time_in_the_options_replaces_midnight_of_the_program_start()
    {
        var program = Plan([Item("a", 1)], []);

        var schedule = ProgramScheduler.Schedule(program, new ProgramScheduleOptions { ProjectStart = At(4, 9) });

        schedule.ProjectStart.ShouldBe(At(4, 9));
        schedule[new("a")].Start.ShouldBe(At(4, 9));
        schedule[new("a")].Finish.ShouldBe(At(5, 9));
    }

    [Fact]
    public void Uses_the_program_calendar_and_item_calendars()
    {
        var holiday = WorkingCalendar.Standard(new CalendarId("company"), exceptions: [CalendarException.Holiday(new DateOnly(2024, 3, 5), "holiday")]);
        IReadOnlyList<WorkingTimeRange> all = [new WorkingTimeRange(0, 1440)];
        var ops = new WorkingCalendar(new CalendarId("ops"), "ops", [all, all, all, all, all, all, all], []);
        var program = Plan([Item("a", 2), Item("b", 1) with { Calendar = new CalendarId("ops") }], [Link("a", "b")]) with
        {
            Calendars = [holiday, ops],
            Calendar = new CalendarId("company"),
        };

        var schedule = ProgramScheduler.Schedule(program);

        schedule[new("a")].Finish.ShouldBe(At(6, 17));
        schedule[new("b")].Start.ShouldBe(At(6, 17));
        schedule[new("b")].Finish.ShouldBe(At(7, 1));
    }

    [Fact]
    public void Rolls_up_parents_and_reports_slack_in_minutes()
    {
        var program = Plan([Item("epic", 0), Item("a", 1, "epic"), Item("b", 3, "epic")], []);

        var schedule = ProgramScheduler.Schedule(program);

        schedule[new("epic")].Start.ShouldBe(At(4, 8));
        schedule[new("epic")].Finish.ShouldBe(At(6, 17));
        schedule[new("a")].TotalSlackMinutes.ShouldBe(960);
        schedule[new("a")].IsCritical.ShouldBeFalse();
    }

    [Fact]
    public void Schedules_remaining_work_after_the_status_date()
    {
        var program = Plan(
            [Item("a", 4) with { Progress = new Progress { ActualStart = At(4, 8), PercentComplete = 25 } }, Item("b", 1)],
            []) with
        {
            StatusDate = new DateOnly(2024, 3, 5),
        };

        var schedule = ProgramScheduler.Schedule(program);

        schedule[new("a")].Finish.ShouldBe(At(8, 17));
        schedule[new("b")].Start.ShouldBe(At(6, 8));
    }

    [Fact]
    public void Reports_a_cycle_as_a_diagnostic_naming_its_members_in_order()
    {
        var program = Plan([Item("a", 1), Item("b", 1), Item("c", 1)], [Link("a", "b"), Link("b", "c"), Link("c", "a")]);

        var schedule = ProgramScheduler.Schedule(program);

        var cycle = schedule.Diagnostics.ShouldHaveSingleItem();
        cycle.Code.ShouldBe(DiagnosticCodes.DependencyCycle);
        cycle.Severity.ShouldBe(Severity.Error);
        cycle.Message.ShouldContain("a -> b -> c -> a");
        schedule.Items.Count.ShouldBe(3);
    }

    [Fact]
    public void Reports_a_dependency_on_an_unknown_item_and_ignores_it()
    {
        var program = Plan([Item("a", 1)], [Link("ghost", "a")]);

        var schedule = ProgramScheduler.Schedule(program);

        schedule.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe(DiagnosticCodes.UndefinedReference);
        schedule[new("a")].Start.ShouldBe(At(4, 8));
    }

    [Fact]
    public void Maps_constraints_and_deadlines()
    {
        var program = Plan(
            [
                Item("a", 2) with { Constraint = new Constraint(ConstraintType.StartNoEarlierThan, At(5, 8)) },
                Item("b", 1) with { Deadline = At(6, 17) },
            ],
            [Link("a", "b")]);

        var schedule = ProgramScheduler.Schedule(program);

        schedule[new("a")].Start.ShouldBe(At(5, 8));
        schedule[new("a")].Driver.ShouldBe(StartDriver.Constraint);
        schedule[new("b")].TotalSlackMinutes.ShouldBe(-480);
    }

    [Fact]
    public void An_elapsed_duration_runs_around_the_clock()
    {
        // Two elapsed days from Monday 08:00 end on Wednesday 08:00, nights included; the successor then starts at once.
        var soak = Item("soak", 0) with { Estimate = Estimate.Single(new WorkDuration(2 * 1440)) with { IsElapsed = true } };
        var program = Plan([soak, Item("after", 1)], [Link("soak", "after")]);

        var schedule = ProgramScheduler.Schedule(program);

        schedule[new("soak")].Finish.ShouldBe(At(6, 8));
        schedule[new("after")].Start.ShouldBe(At(6, 8));
        schedule[new("after")].Finish.ShouldBe(At(6, 17));
    }

    [Fact]
    public void A_cancelled_item_and_its_children_are_left_out_of_the_schedule()
    {
        var program = Plan(
            [Item("a", 1), Item("gone", 0) with { Status = WorkItemStatus.Cancelled }, Item("child", 5, parent: "gone"), Item("c", 1)],
            [Link("a", "child"), Link("child", "c")]);

        var schedule = ProgramScheduler.Schedule(program);

        schedule.Items.Keys.ShouldBe([new("a"), new("c")], ignoreOrder: true);
        schedule[new("c")].Start.ShouldBe(At(4, 8));
        schedule.ProjectFinish.ShouldBe(At(4, 17));
    }
}
