using Throughline.Domain;

namespace Throughline.Scheduling.Tests;

public class ScheduleComparisonTests
{
    private static readonly ProjectId Project = new("p");

    private static WorkItem Item(string id, double days) => new(new WorkItemId(id), id, Project)
    {
        Estimate = days > 0 ? Estimate.Single(new WorkDuration((long)(days * 480))) : null,
    };

    private static WorkItem Milestone(string id, DateOnly? committed = null) => Item(id, 0) with { Kind = WorkItemKind.Milestone, Committed = committed };

    private static Dependency Link(string from, string to) => Dependency.FinishToStart(new WorkItemId(from), new WorkItemId(to));

    // Mon 2024-03-04: a (2d) -> b (3d) -> launch, committed Fri 03-08; side (1d) -> launch.
    private static Program Plan(double a = 2, double b = 3, bool extra = false, bool side = true)
    {
        List<WorkItem> items = [Item("a", a), Item("b", b), Milestone("launch", new DateOnly(2024, 3, 8))];
        List<Dependency> links = [Link("a", "b"), Link("b", "launch")];
        if (side)
        {
            items.Add(Item("side", 1));
            links.Add(Link("side", "launch"));
        }

        if (extra)
        {
            items.Add(Item("extra", 1));
        }

        return new(new ProgramId("prog"), "Program", new DateOnly(2024, 3, 4)) { WorkItems = items, Dependencies = links };
    }

    private static ScheduleComparison Compare(Program old, Program @new) =>
        ScheduleComparison.Compare(old, ProgramScheduler.Schedule(old), @new, ProgramScheduler.Schedule(@new));

    [Fact]
    public void The_same_plan_has_no_impact()
    {
        var comparison = Compare(Plan(), Plan());

        comparison.HasImpact.ShouldBeFalse();
        comparison.ItemsMoved.ShouldBeEmpty();
        comparison.ProgramFinish.WorkingMinutesMoved.ShouldBe(0);
    }

    [Fact]
    public void A_longer_critical_item_moves_the_milestone_by_working_days_across_the_weekend_and_makes_it_late()
    {
        var comparison = Compare(Plan(), Plan(b: 5));

        var launch = comparison.MilestonesMoved.ShouldHaveSingleItem();
        launch.Id.ShouldBe(new WorkItemId("launch"));
        launch.OldFinish.ShouldBe(new DateTime(2024, 3, 8, 17, 0, 0));
        launch.NewFinish.ShouldBe(new DateTime(2024, 3, 12, 17, 0, 0));
        launch.WorkingDaysMoved.ShouldBe(2);
        launch.WasLate.ShouldBeFalse();
        launch.IsLate.ShouldBeTrue();
        launch.BecameLate.ShouldBeTrue();
        comparison.ProgramFinish.WorkingDaysMoved.ShouldBe(2);
        comparison.ItemsMoved.Select(m => m.Id.Value).ShouldBe(["b", "launch"]);
    }

    [Fact]
    public void Moves_are_ordered_by_magnitude_and_earlier_is_negative()
    {
        var comparison = Compare(Plan(), Plan(a: 1, b: 1));

        comparison.ItemsMoved.Select(m => (m.Id.Value, m.WorkingDaysMoved)).ShouldBe([("b", -3d), ("launch", -3d), ("a", -1d)]);
        comparison.MilestonesMoved.ShouldHaveSingleItem().IsLate.ShouldBeFalse();
    }

    [Fact]
    public void Reports_added_and_removed_items_and_critical_path_changes()
    {
        // With a and b at a quarter day each, side (1 day) drives the launch.
        var comparison = Compare(Plan(side: false), Plan(a: 0.25, b: 0.25, extra: true));

        comparison.Added.ShouldBe([new WorkItemId("side"), new WorkItemId("extra")]);
        comparison.Removed.ShouldBeEmpty();
        comparison.JoinedCriticalPath.ShouldBe([new WorkItemId("side")]);
        comparison.LeftCriticalPath.ShouldBe([new WorkItemId("a"), new WorkItemId("b")]);
        comparison.ProgramFinish.WorkingDaysMoved.ShouldBe(-4);

        var back = Compare(Plan(a: 0.25, b: 0.25, extra: true), Plan(side: false));
        back.Removed.ShouldBe([new WorkItemId("side"), new WorkItemId("extra")]);
        back.Added.ShouldBeEmpty();
    }
}
