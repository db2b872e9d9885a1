using Throughline.Domain;
using static Throughline.Scheduling.Tests.TestCalendars;

namespace Throughline.Scheduling.Tests;

public partial class CriticalPathTests
{
    [Fact]
    public void Finish_to_start_starts_the_successor_at_the_next_working_minute_after_the_predecessor_finishes()
    {
        var net = new Net();
        var a = net.Task(5);
        var b = net.Task(1);
        net.Link(a, b);

        var result = net.Schedule();

        result.EarlyFinishDate(a).ShouldBe(At(8, 17));
        result.EarlyStartDate(b).ShouldBe(At(11, 8));
        result.EarlyFinishDate(b).ShouldBe(At(11, 17));
    }

    [Theory]
    [InlineData(1.0, 7, 8)]
    [InlineData(0.5, 6, 13)]
    [InlineData(-0.5, 5, 13)]
    [InlineData(-3.0, 4, 8)]
    public void Finish_to_start_working_lag_moves_the_successor_in_working_time(double lagDays, int day, int hour)
    {
        var net = new Net();
        var a = net.Task(2);
        var b = net.Task(1);
        net.Link(a, b, DependencyType.FinishToStart, Net.Days(lagDays));

        net.Schedule().EarlyStartDate(b).ShouldBe(At(day, hour));
    }

    [Theory]
    [InlineData(0.0, 6, 8)]
    [InlineData(0.5, 6, 13)]
    [InlineData(-1.0, 5, 8)]
    public void Start_to_start_follows_the_predecessor_start(double lagDays, int day, int hour)
    {
        var net = new Net();
        var first = net.Task(2);
        var a = net.Task(3);
        var b = net.Task(1);
        net.Link(first, a);
        net.Link(a, b, DependencyType.StartToStart, Net.Days(lagDays));

        net.Schedule().EarlyStartDate(b).ShouldBe(At(day, hour));
    }

    [Theory]
    [InlineData(0.0, 6, 8, 6, 17)]
    [InlineData(1.0, 7, 8, 7, 17)]
    [InlineData(-1.0, 5, 8, 5, 17)]
    public void Finish_to_finish_sets_the_successor_finish_and_counts_its_duration_back(double lagDays, int startDay, int startHour, int finishDay, int finishHour)
    {
        var net = new Net();
        var a = net.Task(3);
        var b = net.Task(1);
        net.Link(a, b, DependencyType.FinishToFinish, Net.Days(lagDays));

        var result = net.Schedule();

        result.EarlyStartDate(b).ShouldBe(At(startDay, startHour));
        result.EarlyFinishDate(b).ShouldBe(At(finishDay, finishHour));
    }

    [Theory]
    [InlineData(0.0, 5, 8, 6, 8)] // shown at the predecessor's start (Wednesday 08:00), as mspdirelations.xml UID 5
    [InlineData(0.5, 5, 13, 6, 12)]
    [InlineData(-1.0, 4, 8, 4, 17)]
    public void Start_to_finish_finishes_the_successor_when_the_predecessor_starts(double lagDays, int startDay, int startHour, int finishDay, int finishHour)
    {
        var net = new Net();
        var first = net.Task(2);
        var a = net.Task(1);
        var b = net.Task(1);
        net.Link(first, a);
        net.Link(a, b, DependencyType.StartToFinish, Net.Days(lagDays));

        var result = net.Schedule();

        result.EarlyStartDate(b).ShouldBe(At(startDay, startHour));
        result.EarlyFinishDate(b).ShouldBe(At(finishDay, finishHour));
    }

    [Theory]
    [InlineData(5, 2 * 1440, 11, 8)]
    [InlineData(4, 12 * 60, 8, 8)]
    [InlineData(1, 15 * 60, 5, 8)]
    [InlineData(1, 17 * 60, 5, 10)]
    [InlineData(3, -1440, 6, 8)]
    public void Elapsed_lag_counts_calendar_time_from_the_predecessor_finish(int predecessorDays, long lagMinutes, int day, int hour)
    {
        var net = new Net();
        var a = net.Task(predecessorDays);
        var b = net.Task(1);
        net.Link(a, b, DependencyType.FinishToStart, Lag.Elapsed(lagMinutes));

        net.Schedule().EarlyStartDate(b).ShouldBe(At(day, hour));
    }

    [Theory]
    [InlineData(DependencyType.FinishToStart, 50, 7, 8)]
    [InlineData(DependencyType.StartToStart, 50, 5, 8)]
    [InlineData(DependencyType.StartToStart, 25, 4, 13)]
    [InlineData(DependencyType.FinishToStart, -50, 5, 8)]
    public void Percent_lag_is_a_share_of_the_predecessor_duration(DependencyType type, long percent, int day, int hour)
    {
        var net = new Net();
        var a = net.Task(2);
        var b = net.Task(1);
        net.Link(a, b, type, Lag.Percent(percent));

        net.Schedule().EarlyStartDate(b).ShouldBe(At(day, hour));
    }

    [Fact]
    public void A_successor_on_a_round_the_clock_calendar_starts_when_the_predecessor_finishes()
    {
        var net = new Net(Standard(), TwentyFourSeven());
        var a = net.Task(5);
        var b = net.Builder.AddTask(600, calendar: 1);
        net.Link(a, b);

        var result = net.Schedule();

        result.EarlyStartDate(b).ShouldBe(At(8, 17));
        result.EarlyFinishDate(b).ShouldBe(At(9, 3));
    }

    [Fact]
    public void Lag_on_a_link_between_calendars_is_counted_on_the_successor_calendar()
    {
        var net = new Net(TwentyFourSeven(), Standard());
        var a = net.Task(1);
        var b = net.Builder.AddTask(480, calendar: 1);
        net.Link(a, b, DependencyType.FinishToStart, new Lag(120, LagKind.Working));

        // a: Mon 08:00 + 8h = Mon 16:00 (round the clock); b: 2 working hours later on the standard calendar.
        net.Schedule().EarlyStartDate(b).ShouldBe(At(5, 9));
    }

    [Fact]
    public void The_driving_predecessor_is_the_link_that_set_the_start()
    {
        var net = new Net();
        var a = net.Task(1);
        var b = net.Task(3);
        var c = net.Task(1);
        net.Link(a, c);
        var driving = net.Link(b, c);

        var result = net.Schedule();

        result.Driver(c).ShouldBe(StartDriver.Predecessor);
        result.DrivingPredecessor(c).ShouldBe(b);
        result.DrivingLink(c).ShouldBe(driving);
        result.Driver(a).ShouldBe(StartDriver.ProjectStart);
        result.DrivingPredecessor(a).ShouldBe(-1);
    }

    [Fact]
    public void A_milestone_after_a_task_sits_at_the_task_finish()
    {
        var net = new Net();
        var a = net.Task(5);
        var m = net.Milestone();
        net.Link(a, m);

        var result = net.Schedule();

        result.StartDate(m).ShouldBe(At(8, 17));
        result.FinishDate(m).ShouldBe(At(8, 17));
    }

    [Fact]
    public void A_milestone_at_the_project_start_sits_at_the_first_working_minute()
    {
        var net = new Net();
        var m = net.Milestone();

        var result = net.Schedule();

        result.StartDate(m).ShouldBe(At(4, 8));
        result.FinishDate(m).ShouldBe(At(4, 8));
    }
}
