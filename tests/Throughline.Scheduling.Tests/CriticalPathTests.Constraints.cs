using Throughline.Domain;
using static Throughline.Scheduling.Tests.TestCalendars;

namespace Throughline.Scheduling.Tests;

public partial class CriticalPathTests
{
    [Fact]
    public void Start_no_earlier_than_delays_the_start()
    {
        var net = new Net();
        var a = net.Task(1);
        net.Builder.SetConstraint(a, ConstraintType.StartNoEarlierThan, At(6, 10));

        var result = net.Schedule();

        result.EarlyStartDate(a).ShouldBe(At(6, 10));
        result.Driver(a).ShouldBe(StartDriver.Constraint);
    }

    [Fact]
    public void Start_no_earlier_than_on_a_weekend_starts_on_monday_morning()
    {
        var net = new Net();
        var a = net.Task(1);
        net.Builder.SetConstraint(a, ConstraintType.StartNoEarlierThan, At(9, 12));

        net.Schedule().EarlyStartDate(a).ShouldBe(At(11, 8));
    }

    [Fact]
    public void Start_no_earlier_than_before_the_predecessor_allows_changes_nothing()
    {
        var net = new Net();
        var a = net.Task(2);
        var b = net.Task(1);
        net.Link(a, b);
        net.Builder.SetConstraint(b, ConstraintType.StartNoEarlierThan, At(5, 8));

        var result = net.Schedule();

        result.EarlyStartDate(b).ShouldBe(At(6, 8));
        result.Driver(b).ShouldBe(StartDriver.Predecessor);
    }

    [Fact]
    public void Finish_no_earlier_than_delays_the_finish()
    {
        var net = new Net();
        var a = net.Task(1);
        net.Builder.SetConstraint(a, ConstraintType.FinishNoEarlierThan, At(6, 17));

        var result = net.Schedule();

        result.EarlyStartDate(a).ShouldBe(At(6, 8));
        result.EarlyFinishDate(a).ShouldBe(At(6, 17));
    }

    [Fact]
    public void Start_no_later_than_is_honoured_over_a_link_and_the_predecessor_gets_negative_slack()
    {
        var net = new Net();
        var a = net.Task(3);
        var b = net.Task(1);
        net.Link(a, b);
        net.Builder.SetConstraint(b, ConstraintType.StartNoLaterThan, At(5, 8));

        var result = net.Schedule();

        result.EarlyStartDate(b).ShouldBe(At(5, 8));
        result.TotalSlack(a).ShouldBe(-2 * Net.Day);
        result.IsCritical(a).ShouldBeTrue();
    }

    [Fact]
    public void Start_no_later_than_after_the_early_start_leaves_slack_up_to_the_date()
    {
        var net = new Net();
        var a = net.Task(1);
        var b = net.Task(5);
        net.Builder.SetConstraint(a, ConstraintType.StartNoLaterThan, At(6, 8));

        var result = net.Schedule();

        result.EarlyStartDate(a).ShouldBe(At(4, 8));
        result.TotalSlack(a).ShouldBe(2 * Net.Day);
        result.TotalSlack(b).ShouldBe(0);
    }

    [Fact]
    public void Finish_no_later_than_before_the_early_finish_gives_negative_slack()
    {
        var net = new Net();
        var a = net.Task(2);
        var b = net.Task(2);
        net.Link(a, b);
        net.Builder.SetConstraint(b, ConstraintType.FinishNoLaterThan, At(6, 17));

        var result = net.Schedule();

        result.EarlyFinishDate(b).ShouldBe(At(6, 17));
        result.TotalSlack(a).ShouldBe(-Net.Day);
    }

    [Fact]
    public void Must_start_on_pins_the_start_both_ways()
    {
        var net = new Net();
        var a = net.Task(1);
        var b = net.Task(1);
        var end = net.Task(10);
        net.Builder.SetConstraint(a, ConstraintType.MustStartOn, At(6, 8));
        net.Link(a, b);

        var result = net.Schedule();

        result.EarlyStartDate(a).ShouldBe(At(6, 8));
        result.LateStartDate(a).ShouldBe(At(6, 8));
        result.TotalSlack(a).ShouldBe(0);
        result.TotalSlack(b).ShouldBe(10 * Net.Day - 4 * Net.Day);
        result.TotalSlack(end).ShouldBe(0);
    }

    [Fact]
    public void Must_finish_on_sets_the_finish_even_against_a_predecessor()
    {
        var net = new Net();
        var a = net.Task(3);
        var b = net.Task(1);
        net.Link(a, b);
        net.Builder.SetConstraint(b, ConstraintType.MustFinishOn, At(5, 17));

        var result = net.Schedule();

        result.EarlyFinishDate(b).ShouldBe(At(5, 17));
        result.EarlyStartDate(b).ShouldBe(At(5, 8));
        result.TotalSlack(a).ShouldBe(-2 * Net.Day);
    }

    [Fact]
    public void As_late_as_possible_schedules_at_the_late_dates()
    {
        var net = new Net();
        var a = net.Task(3);
        var b = net.Task(1);
        var c = net.Task(1);
        net.Link(a, c);
        net.Link(b, c);
        net.Builder.SetConstraint(b, ConstraintType.AsLateAsPossible, null);

        var result = net.Schedule();

        result.EarlyStartDate(b).ShouldBe(At(4, 8));
        result.StartDate(b).ShouldBe(At(6, 8));
        result.FinishDate(b).ShouldBe(At(6, 17));
    }

    [Fact]
    public void A_missed_deadline_gives_negative_slack_without_moving_the_task()
    {
        var net = new Net();
        var a = net.Task(3);
        var b = net.Task(1);
        net.Link(a, b);
        net.Builder.SetDeadline(b, At(6, 17));

        var result = net.Schedule();

        result.EarlyFinishDate(b).ShouldBe(At(7, 17));
        result.TotalSlack(b).ShouldBe(-Net.Day);
        result.TotalSlack(a).ShouldBe(-Net.Day);
        result.IsCritical(b).ShouldBeTrue();
    }

    [Fact]
    public void A_met_deadline_on_a_side_branch_limits_its_slack()
    {
        var net = new Net();
        var a = net.Task(5);
        var b = net.Task(1);
        net.Builder.SetDeadline(b, At(6, 17));

        var result = net.Schedule();

        result.TotalSlack(b).ShouldBe(2 * Net.Day);
        result.TotalSlack(a).ShouldBe(0);
    }

    [Fact]
    public void A_given_project_finish_sets_the_late_dates()
    {
        var net = new Net();
        var a = net.Task(3);
        net.Builder.ProjectFinish = At(8, 17);

        var result = net.Schedule();

        result.TotalSlack(a).ShouldBe(2 * Net.Day);
        result.ProjectFinishDate.ShouldBe(At(8, 17));
    }

    [Fact]
    public void Free_slack_is_what_a_task_can_slip_before_moving_a_successor()
    {
        var net = new Net();
        var a = net.Task(1);
        var b = net.Task(3);
        var c = net.Task(1);
        var d = net.Task(6);
        net.Link(a, c);
        net.Link(b, c);

        var result = net.Schedule();

        result.FreeSlack(a).ShouldBe(2 * Net.Day);
        result.FreeSlack(b).ShouldBe(0);
        result.TotalSlack(b).ShouldBe(2 * Net.Day);
        result.FreeSlack(c).ShouldBe(2 * Net.Day);
        result.FreeSlack(d).ShouldBe(0);
    }
}
