using static Throughline.Scheduling.Tests.TestCalendars;

namespace Throughline.Scheduling.Tests;

public partial class CriticalPathTests
{
    [Fact]
    public void A_finished_task_keeps_its_actual_dates_and_its_successor_follows_them()
    {
        var net = new Net();
        var a = net.Task(1);
        var b = net.Task(1);
        net.Link(a, b);
        net.Builder.SetProgress(a, At(5, 8), At(6, 12), 100);

        var result = net.Schedule();

        result.EarlyStartDate(a).ShouldBe(At(5, 8));
        result.EarlyFinishDate(a).ShouldBe(At(6, 12));
        result.Driver(a).ShouldBe(StartDriver.Actual);
        result.EarlyStartDate(b).ShouldBe(At(6, 13));
    }

    [Fact]
    public void The_remaining_work_of_a_started_task_is_scheduled_after_the_status_date()
    {
        var net = new Net();
        var a = net.Task(4);
        net.Builder.SetProgress(a, At(4, 8), null, 25);
        net.Builder.StatusDate = At(6, 8);

        var result = net.Schedule();

        result.EarlyStartDate(a).ShouldBe(At(4, 8));
        result.EarlyFinishDate(a).ShouldBe(At(8, 17));
    }

    [Fact]
    public void A_started_task_ahead_of_the_status_date_keeps_its_pace()
    {
        var net = new Net();
        var a = net.Task(4);
        net.Builder.SetProgress(a, At(4, 8), null, 75);
        net.Builder.StatusDate = At(5, 8);

        net.Schedule().EarlyFinishDate(a).ShouldBe(At(7, 17));
    }

    [Fact]
    public void An_explicit_remaining_duration_overrides_the_percent_complete()
    {
        var net = new Net();
        var a = net.Task(4);
        net.Builder.SetProgress(a, At(4, 8), null, 25, remainingMinutes: 2 * Net.Day);
        net.Builder.StatusDate = At(5, 8);

        net.Schedule().EarlyFinishDate(a).ShouldBe(At(6, 17));
    }

    [Fact]
    public void An_unstarted_task_does_not_start_before_the_status_date()
    {
        var net = new Net();
        var a = net.Task(1);
        net.Builder.StatusDate = At(6, 12);

        var result = net.Schedule();

        result.EarlyStartDate(a).ShouldBe(At(6, 13));
        result.Driver(a).ShouldBe(StartDriver.StatusDate);
    }
}
