using Throughline.Domain;
using Throughline.Domain.Calendars;

namespace Throughline.Scheduling.Calendars;

/// <summary>
/// When one person or team works, day by day, from an origin date on: the working time of their calendar, with its
/// holidays and changed days, and for a person none on their leave. This is what a week of capacity is measured
/// against: <see cref="WeekShare"/> is 1 for a normal week and 0.8 for a five-day week with a weekday holiday.
/// </summary>
/// <remarks>
/// The calendar is the person's, else their team's, else the program's, else <see cref="WorkingCalendar.Standard"/>;
/// an id that names no calendar of the program is passed over (the validator reports it). A team's is the team's,
/// else the program's. Base calendars are followed as the scheduler follows them (<see cref="CompiledCalendar.Compile"/>).
/// </remarks>
public sealed class ResourceCalendar
{
    /// <summary>The name <see cref="TimeOff"/> gives the person's leave.</summary>
    public const string Leave = "leave";

    private static readonly CalendarId StandardId = new("standard");

    private readonly CompiledCalendar compiled;
    private readonly IReadOnlyList<WorkingCalendar> chain;
    private readonly IReadOnlyList<DateRange> leave;
    private readonly double normalDayMinutes;

    private ResourceCalendar(WorkingCalendar definition, IReadOnlyList<WorkingCalendar> library, DateOnly origin, IReadOnlyList<DateRange> leave)
    {
        Definition = definition;
        compiled = CompiledCalendar.Compile(definition, library, origin, horizonDays: 366);
        chain = CompiledCalendar.Chain(definition, library);
        this.leave = leave;
        var workingDays = definition.Week.Count(day => day.Sum(r => r.Minutes) > 0);
        normalDayMinutes = workingDays == 0 ? 0 : compiled.MinutesPerWeek / (double)workingDays;
    }

    /// <summary>The calendar chosen (see the remarks): its normal week and the exceptions it adds to its bases.</summary>
    public WorkingCalendar Definition { get; }

    /// <summary>First date counted; earlier dates have no working time.</summary>
    public DateOnly Origin => compiled.Origin;

    public static ResourceCalendar ForPerson(Program program, Person person, DateOnly origin)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(person);
        var team = person.Team is { } teamId ? program.Teams.FirstOrDefault(t => t.Id == teamId) : null;
        return new ResourceCalendar(Choose(program, person.Calendar, team?.Calendar), program.Calendars, origin, person.Leave);
    }

    public static ResourceCalendar ForTeam(Program program, Team team, DateOnly origin)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(team);
        return new ResourceCalendar(Choose(program, team.Calendar), program.Calendars, origin, []);
    }

    /// <summary>Working minutes on <paramref name="date"/>: the calendar's, none on leave or before <see cref="Origin"/>.</summary>
    public long MinutesOn(DateOnly date) => IsOnLeave(date) ? 0 : CalendarMinutesOn(date);

    /// <summary>
    /// The calendar's working time on <paramref name="date"/> as a share of its normal working day (its normal week
    /// over its working weekdays): 1 on a normal working day, 0 on a weekend or holiday, 0.5 on a half day. Leave is
    /// not taken off: the scheduler does not plan around leave, so work it plans then is still asked of the person
    /// (and shows as over their capacity, from which <see cref="WeekShare"/> takes the leave off).
    /// </summary>
    public double DayShare(DateOnly date) => normalDayMinutes == 0 ? 0 : CalendarMinutesOn(date) / normalDayMinutes;

    /// <summary>
    /// Working time in the seven days from <paramref name="weekStart"/> as a share of the calendar's normal week:
    /// 1 for a normal week, less for holidays and leave, more for an extra working day.
    /// </summary>
    public double WeekShare(DateOnly weekStart)
    {
        if (compiled.MinutesPerWeek == 0)
        {
            return 0;
        }

        var minutes = 0L;
        for (var d = 0; d < 7; d++)
        {
            minutes += MinutesOn(weekStart.AddDays(d));
        }

        return minutes / (double)compiled.MinutesPerWeek;
    }

    /// <summary>
    /// What takes working time off the dates <paramref name="from"/> to <paramref name="to"/> (inclusive) against
    /// the normal week: the names of the calendar's holidays and shortened days, and <see cref="Leave"/>, in date order, each once.
    /// </summary>
    public IReadOnlyList<string> TimeOff(DateOnly from, DateOnly to)
    {
        var names = new List<string>();
        for (var date = from < Origin ? Origin : from; date <= to; date = date.AddDays(1))
        {
            var normal = Definition.Week[(int)date.DayOfWeek].Sum(r => r.Minutes);
            if (normal == 0)
            {
                continue;
            }

            var name = IsOnLeave(date) ? Leave
                : CalendarMinutesOn(date) < normal ? ExceptionOn(date)?.Name
                : null;
            if (name is not null && !names.Contains(name))
            {
                names.Add(name);
            }
        }

        return names;
    }

    private bool IsOnLeave(DateOnly date)
    {
        foreach (var range in leave)
        {
            if (range.Contains(date))
            {
                return true;
            }
        }

        return false;
    }

    private long CalendarMinutesOn(DateOnly date) =>
        compiled.WorkingMinutesBetween(date.ToDateTime(TimeOnly.MinValue), date.AddDays(1).ToDateTime(TimeOnly.MinValue));

    /// <summary>The exception that sets the date, the most derived calendar's first (as the compiled calendar applies them).</summary>
    private CalendarException? ExceptionOn(DateOnly date)
    {
        foreach (var calendar in chain)
        {
            for (var i = calendar.Exceptions.Count - 1; i >= 0; i--)
            {
                if (calendar.Exceptions[i].Covers(date))
                {
                    return calendar.Exceptions[i];
                }
            }
        }

        return null;
    }

    private static WorkingCalendar Choose(Program program, params CalendarId?[] preferred)
    {
        foreach (var id in preferred.Append(program.Calendar))
        {
            if (id is { } wanted && program.Calendars.FirstOrDefault(c => c.Id == wanted) is { } found)
            {
                return found;
            }
        }

        return WorkingCalendar.Standard(StandardId);
    }
}
