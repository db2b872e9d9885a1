using Throughline.Domain;
using Throughline.Domain.Calendars;
using Throughline.Scheduling.Calendars;
using static Throughline.Scheduling.Tests.TestCalendars;

namespace Throughline.Scheduling.Tests.Calendars;

public class CompiledCalendarTests
{
    private readonly CompiledCalendar standard = Standard();

    [Fact]
    public void A_start_and_a_finish_at_the_same_position_differ_across_a_weekend()
    {
        var friday17 = standard.PositionOf(At(8, 17));
        standard.PositionOf(At(11, 8)).ShouldBe(friday17);
        standard.ToStartDate(friday17).ShouldBe(At(11, 8));
        standard.ToFinishDate(friday17).ShouldBe(At(8, 17));
    }

    [Fact]
    public void A_start_and_a_finish_differ_across_the_lunch_break()
    {
        var noon = standard.PositionOf(At(4, 12));
        standard.ToStartDate(noon).ShouldBe(At(4, 13));
        standard.ToFinishDate(noon).ShouldBe(At(4, 12));
    }

    [Fact]
    public void Inside_working_time_start_and_finish_dates_coincide()
    {
        var position = standard.PositionOf(At(5, 10, 17));
        standard.ToStartDate(position).ShouldBe(At(5, 10, 17));
        standard.ToFinishDate(position).ShouldBe(At(5, 10, 17));
    }

    [Fact]
    public void Non_working_time_counts_as_the_working_minutes_before_it()
    {
        standard.WorkingMinutesBetween(At(9, 10), At(10, 23)).ShouldBe(0);
        standard.WorkingMinutesBetween(At(8, 16), At(11, 9)).ShouldBe(120);
        standard.WorkingMinutesBetween(At(11, 9), At(8, 16)).ShouldBe(-120);
    }

    [Fact]
    public void A_working_week_is_2400_minutes()
    {
        standard.WorkingMinutesBetween(At(4, 8), At(11, 8)).ShouldBe(2400);
        standard.MinutesPerWeek.ShouldBe(2400);
    }

    [Theory]
    [InlineData(4, 8, 0, 480, 4, 17, 0)]
    [InlineData(8, 9, 0, 480, 11, 9, 0)]
    [InlineData(4, 11, 0, 60, 4, 12, 0)]
    [InlineData(4, 11, 0, 61, 4, 13, 1)]
    [InlineData(4, 8, 0, 2400, 8, 17, 0)]
    public void Adding_working_minutes_gives_the_finish_date(int day, int hour, int minute, long minutes, int toDay, int toHour, int toMinute) =>
        standard.AddWorkingMinutes(At(day, hour, minute), minutes).ShouldBe(At(toDay, toHour, toMinute));

    [Theory]
    [InlineData(4, 17, 480, 4, 8)]
    [InlineData(11, 9, 120, 8, 16)]
    [InlineData(11, 8, 60, 8, 16)]
    public void Subtracting_working_minutes_gives_the_start_date(int day, int hour, long minutes, int toDay, int toHour) =>
        standard.SubtractWorkingMinutes(At(day, hour), minutes).ShouldBe(At(toDay, toHour));

    [Fact]
    public void A_holiday_is_skipped()
    {
        var calendar = Standard(new DateOnly(2024, 3, 5));
        calendar.AddWorkingMinutes(At(4, 8), 960).ShouldBe(At(6, 17));
        calendar.ToStartDate(calendar.PositionOf(At(4, 17))).ShouldBe(At(6, 8));
        calendar.ToFinishDate(calendar.PositionOf(At(6, 8))).ShouldBe(At(4, 17));
        calendar.IsWorking(At(5, 10)).ShouldBeFalse();
    }

    [Fact]
    public void An_exception_with_working_times_replaces_the_day()
    {
        var saturday = new CalendarException(new DateOnly(2024, 3, 9), new DateOnly(2024, 3, 9), "release", [WorkingTimeRange.FromHours(10, 12)]);
        var halfFriday = new CalendarException(new DateOnly(2024, 3, 8), new DateOnly(2024, 3, 8), "half day", [WorkingTimeRange.FromHours(8, 12)]);
        var calendar = CompiledCalendar.Compile(WorkingCalendar.Standard(new CalendarId("c"), exceptions: [saturday, halfFriday]), [], Origin);

        calendar.WorkingMinutesBetween(At(8, 0), At(10, 0)).ShouldBe(240 + 120);
        calendar.ToFinishDate(calendar.PositionOf(At(8, 12))).ShouldBe(At(8, 12));
        calendar.ToStartDate(calendar.PositionOf(At(8, 12))).ShouldBe(At(9, 10));
        calendar.AddWorkingMinutes(At(9, 10), 180).ShouldBe(At(11, 9));
    }

    [Fact]
    public void A_derived_calendar_keeps_its_own_week_and_adds_its_exceptions_to_its_bases()
    {
        IReadOnlyList<WorkingTimeRange> day = [WorkingTimeRange.FromHours(9, 15)];
        var baseCalendar = WorkingCalendar.Standard(new CalendarId("base"), exceptions: [CalendarException.Holiday(new DateOnly(2024, 3, 5), "base holiday")]);
        var team = new WorkingCalendar(new CalendarId("team"), "team", [[], day, day, day, day, day, []], [CalendarException.Holiday(new DateOnly(2024, 3, 7), "team holiday")], new CalendarId("base"));

        var calendar = CompiledCalendar.Compile(team, [baseCalendar, team], Origin);

        calendar.WorkingMinutesBetween(At(4, 0), At(9, 0)).ShouldBe(3 * 360);
        calendar.IsWorking(At(5, 10)).ShouldBeFalse();
        calendar.IsWorking(At(7, 10)).ShouldBeFalse();
        calendar.IsWorking(At(6, 8)).ShouldBeFalse();
        calendar.IsWorking(At(6, 9)).ShouldBeTrue();
    }

    [Fact]
    public void A_derived_exception_wins_over_its_base_on_the_same_date()
    {
        var baseCalendar = WorkingCalendar.Standard(new CalendarId("base"), exceptions: [CalendarException.Holiday(new DateOnly(2024, 3, 5), "holiday")]);
        var derived = WorkingCalendar.Standard(new CalendarId("derived"), exceptions: [new CalendarException(new DateOnly(2024, 3, 5), new DateOnly(2024, 3, 5), "on call", [WorkingTimeRange.FromHours(8, 10)])]) with { };
        var withBase = new WorkingCalendar(derived.Id, derived.Name, derived.Week, derived.Exceptions, baseCalendar.Id);

        CompiledCalendar.Compile(withBase, [baseCalendar], Origin).WorkingMinutesBetween(At(5, 0), At(6, 0)).ShouldBe(120);
    }

    [Fact]
    public void A_base_cycle_does_not_loop()
    {
        var a = new WorkingCalendar(new CalendarId("a"), "a", WorkingCalendar.Standard(new CalendarId("x")).Week, [], new CalendarId("b"));
        var b = new WorkingCalendar(new CalendarId("b"), "b", a.Week, [CalendarException.Holiday(new DateOnly(2024, 3, 5), "h")], new CalendarId("a"));

        CompiledCalendar.Compile(a, [a, b], Origin).IsWorking(At(5, 10)).ShouldBeFalse();
    }

    [Fact]
    public void Conversions_beyond_the_tabulated_horizon_follow_the_weekly_pattern()
    {
        var calendar = CompiledCalendar.Compile(WorkingCalendar.Standard(new CalendarId("s")), [], Origin, horizonDays: 30);
        var monday = new DateTime(2031, 6, 2, 8, 0, 0);

        calendar.ToStartDate(calendar.PositionOf(monday)).ShouldBe(monday);
        calendar.ToFinishDate(calendar.PositionOf(monday)).ShouldBe(new DateTime(2031, 5, 30, 17, 0, 0));
        calendar.WorkingMinutesBetween(monday, monday.AddDays(7)).ShouldBe(2400);
        calendar.PositionOf(monday).ShouldBe(Standard().PositionOf(monday));
    }

    [Fact]
    public void Every_start_date_maps_back_to_its_position()
    {
        var calendar = Standard(new DateOnly(2024, 3, 5), new DateOnly(2024, 12, 25));
        var start = calendar.PositionOf(At(1, 0));
        for (var position = start; position < start + (480 * 400); position += 37)
        {
            calendar.PositionOf(calendar.ToStartDate(position)).ShouldBe(position);
            calendar.PositionOf(calendar.ToFinishDate(position)).ShouldBe(position);
            calendar.IsWorking(calendar.ToStartDate(position)).ShouldBeTrue();
        }
    }

    [Fact]
    public void An_instant_round_trips_through_a_date()
    {
        var calendar = Standard();
        calendar.DateOf(calendar.InstantOf(At(9, 13, 45))).ShouldBe(At(9, 13, 45));
        calendar.InstantOf(Origin.ToDateTime(TimeOnly.MinValue)).ShouldBe(0);
    }
}
