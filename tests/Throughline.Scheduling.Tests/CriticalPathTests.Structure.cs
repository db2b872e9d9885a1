using Throughline.Domain;
using static Throughline.Scheduling.Tests.TestCalendars;

namespace Throughline.Scheduling.Tests;

public partial class CriticalPathTests
{
    [Fact]
    public void A_summary_rolls_up_its_earliest_child_start_and_latest_child_finish()
    {
        var net = new Net();
        var summary = net.Task(99);
        var a = net.Task(2);
        var b = net.Task(1);
        net.Builder.SetParent(a, summary);
        net.Builder.SetParent(b, summary);
        net.Link(a, b);

        var result = net.Schedule();

        result.EarlyStartDate(summary).ShouldBe(At(4, 8));
        result.EarlyFinishDate(summary).ShouldBe(At(6, 17));
        result.TotalSlack(summary).ShouldBe(0);
    }

    [Fact]
    public void A_link_into_a_summary_holds_back_every_child()
    {
        var net = new Net();
        var before = net.Task(1);
        var summary = net.Task(0);
        var a = net.Task(2);
        var b = net.Task(1);
        net.Builder.SetParent(a, summary);
        net.Builder.SetParent(b, summary);
        net.Link(before, summary);

        var result = net.Schedule();

        result.EarlyStartDate(a).ShouldBe(At(5, 8));
        result.EarlyStartDate(b).ShouldBe(At(5, 8));
        result.Driver(a).ShouldBe(StartDriver.Parent);
        result.DrivingPredecessor(a).ShouldBe(summary);
        result.DrivingPredecessor(summary).ShouldBe(before);
        result.TotalSlack(b).ShouldBe(Net.Day);
    }

    [Fact]
    public void A_link_from_a_summary_waits_for_its_last_child()
    {
        var net = new Net();
        var summary = net.Task(0);
        var a = net.Task(2);
        var b = net.Task(4);
        var after = net.Task(1);
        net.Builder.SetParent(a, summary);
        net.Builder.SetParent(b, summary);
        net.Link(summary, after);

        var result = net.Schedule();

        result.EarlyStartDate(after).ShouldBe(At(8, 8));
        result.TotalSlack(a).ShouldBe(2 * Net.Day);
        result.CriticalPath.ShouldBe([b, after]);
    }

    [Fact]
    public void Nested_summaries_pass_links_down_to_grandchildren()
    {
        var net = new Net();
        var before = net.Task(2);
        var outer = net.Task(0);
        var inner = net.Task(0);
        var leaf = net.Task(1);
        net.Builder.SetParent(inner, outer);
        net.Builder.SetParent(leaf, inner);
        net.Link(before, outer);

        var result = net.Schedule();

        result.EarlyStartDate(leaf).ShouldBe(At(6, 8));
        result.EarlyStartDate(outer).ShouldBe(At(6, 8));
        result.EarlyFinishDate(outer).ShouldBe(At(6, 17));
        result.CriticalPath.ShouldBe([before, leaf]);
    }

    [Fact]
    public void A_start_constraint_on_a_summary_applies_to_its_children()
    {
        var net = new Net();
        var summary = net.Task(0);
        var a = net.Task(1);
        net.Builder.SetParent(a, summary);
        net.Builder.SetConstraint(summary, ConstraintType.StartNoEarlierThan, At(7, 8));

        net.Schedule().EarlyStartDate(a).ShouldBe(At(7, 8));
    }

    [Fact]
    public void The_critical_path_runs_from_the_project_start_to_the_last_finish()
    {
        var net = new Net();
        var a = net.Task(1);
        var b = net.Task(2);
        var c = net.Task(1);
        var side = net.Task(1);
        net.Link(a, b);
        net.Link(b, c);
        net.Link(a, side);

        var result = net.Schedule();

        result.CriticalPath.ShouldBe([a, b, c]);
        result.IsCritical(side).ShouldBeFalse();
        result.TotalSlack(side).ShouldBe(2 * Net.Day);
    }

    [Fact]
    public void A_cycle_is_reported_with_its_members_in_order_and_the_rest_is_scheduled()
    {
        var net = new Net();
        var a = net.Task(1);
        var b = net.Task(1);
        var c = net.Task(1);
        var d = net.Task(1);
        net.Link(b, c);
        net.Link(c, a);
        net.Link(a, b);
        net.Link(a, d);

        var result = net.Schedule();

        result.Cycles.Count.ShouldBe(1);
        result.Cycles[0].ShouldBe([a, b, c]);
        result.Network.IgnoredLinks.Count.ShouldBe(1);
        result.EarlyStartDate(d).ShouldBeGreaterThan(result.EarlyStartDate(a));
    }

    [Fact]
    public void Two_separate_cycles_are_both_reported()
    {
        var net = new Net();
        var a = net.Task(1);
        var b = net.Task(1);
        var c = net.Task(1);
        var d = net.Task(1);
        net.Link(a, b);
        net.Link(b, a);
        net.Link(c, d);
        net.Link(d, c);

        var cycles = net.Schedule().Cycles;

        cycles.Count.ShouldBe(2);
        cycles.ShouldContain(x => x.SequenceEqual(new[] { a, b }));
        cycles.ShouldContain(x => x.SequenceEqual(new[] { c, d }));
    }

    [Fact]
    public void A_link_from_a_summary_to_its_own_child_is_a_cycle()
    {
        var net = new Net();
        var summary = net.Task(0);
        var a = net.Task(1);
        net.Builder.SetParent(a, summary);
        net.Link(summary, a);

        var result = net.Schedule();

        result.Cycles.Count.ShouldBe(1);
        result.Cycles[0].ShouldBe([summary, a]);
    }
}
