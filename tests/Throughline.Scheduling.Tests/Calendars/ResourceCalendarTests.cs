using Throughline.Domain;
using Throughline.Domain.Calendars;
using Throughline.Scheduling.Calendars;

namespace Throughline.Scheduling.Tests.Calendars;

public class ResourceCalendarTests
{
    // Monday 1 March 2027; the program calendar has a holiday on Wednesday 10 March, the team's calendar (based on
    // it) adds a half day on Friday 19 March.
    private static readonly DateOnly Week1 = new(2027, 3, 1);
    private static readonly DateOnly Week2 = new(2027, 3, 8);
    private static readonly DateOnly Week3 = new(2027, 3, 15);

    private static Program Program(Person person, CalendarId? teamCalendar = null) =>
        new(new ProgramId("p"), "P", Week1)
        {
            Calendar = new CalendarId("office"),
            Calendars =
            [
                WorkingCalendar.Standard(new CalendarId("office"), "Office", [CalendarException.Holiday(new DateOnly(2027, 3, 10), "Founders' Day")]),
                new WorkingCalendar(new CalendarId("berlin"), "Berlin", WorkingCalendar.Standard(new CalendarId("x")).Week,
                    [new CalendarException(new DateOnly(2027, 3, 19), new DateOnly(2027, 3, 19), "Half day", [WorkingTimeRange.FromHours(8, 12)])],
                    new CalendarId("office")),
            ],
            Teams = [new Team(new TeamId("t"), "T") { Calendar = teamCalendar }],
            People = [person],
        };

    private static Person Dee => new(new PersonId("p-dee"), "Dee", FunctionalRole.Engineer) { Team = new TeamId("t") };

    [Fact]
    public void A_weekday_holiday_leaves_four_fifths_of_the_week_and_is_named()
    {
        var calendar = ResourceCalendar.ForPerson(Program(Dee), Dee, Week1);

        calendar.WeekShare(Week1).ShouldBe(1);
        calendar.WeekShare(Week2).ShouldBe(0.8);
        calendar.DayShare(new DateOnly(2027, 3, 10)).ShouldBe(0);
        calendar.DayShare(new DateOnly(2027, 3, 11)).ShouldBe(1);
        calendar.DayShare(new DateOnly(2027, 3, 13)).ShouldBe(0);
        calendar.TimeOff(Week1, Week1.AddDays(6)).ShouldBeEmpty();
        calendar.TimeOff(Week2, Week2.AddDays(6)).ShouldBe(["Founders' Day"]);
    }

    [Fact]
    public void A_person_without_a_calendar_works_on_their_teams_with_the_bases_holidays()
    {
        var program = Program(Dee, teamCalendar: new CalendarId("berlin"));
        var calendar = ResourceCalendar.ForPerson(program, Dee, Week1);

        calendar.Definition.Id.ShouldBe(new CalendarId("berlin"));
        calendar.WeekShare(Week2).ShouldBe(0.8);
        calendar.WeekShare(Week3).ShouldBe(0.9);
        calendar.DayShare(new DateOnly(2027, 3, 19)).ShouldBe(0.5);
        calendar.TimeOff(Week3, Week3.AddDays(6)).ShouldBe(["Half day"]);
        ResourceCalendar.ForTeam(program, program.Teams[0], Week1).WeekShare(Week3).ShouldBe(0.9);
    }

    [Fact]
    public void A_persons_own_calendar_wins_and_an_unknown_one_falls_back_to_the_next()
    {
        var own = Dee with { Calendar = new CalendarId("berlin") };
        ResourceCalendar.ForPerson(Program(own), own, Week1).Definition.Id.ShouldBe(new CalendarId("berlin"));

        var unknown = Dee with { Calendar = new CalendarId("nowhere") };
        ResourceCalendar.ForPerson(Program(unknown), unknown, Week1).Definition.Id.ShouldBe(new CalendarId("office"));
    }

    [Fact]
    public void Leave_takes_whole_days_off_the_week_and_is_named_once()
    {
        var away = Dee with { Leave = [new DateRange(new DateOnly(2027, 3, 15), new DateOnly(2027, 3, 16))] };
        var calendar = ResourceCalendar.ForPerson(Program(away), away, Week1);

        calendar.WeekShare(Week3).ShouldBe(0.6);
        calendar.MinutesOn(new DateOnly(2027, 3, 15)).ShouldBe(0);
        calendar.DayShare(new DateOnly(2027, 3, 15)).ShouldBe(1);   // the calendar's day: work planned then is still asked
        calendar.TimeOff(Week1, Week3.AddDays(6)).ShouldBe(["Founders' Day", ResourceCalendar.Leave]);
    }

    [Fact]
    public void Without_any_calendar_the_standard_week_counts()
    {
        var program = Program(Dee) with { Calendar = null, Calendars = [] };
        var calendar = ResourceCalendar.ForPerson(program, Dee, Week1);

        calendar.Definition.MinutesPerWeek.ShouldBe(40 * 60);
        calendar.WeekShare(Week2).ShouldBe(1);
        calendar.MinutesOn(Week1.AddDays(-1)).ShouldBe(0);
    }
}
