namespace Throughline.Domain.Calendars;

/// <summary>
/// When work can happen: the working hours of each weekday, and the exceptions (holidays, shutdowns, changed days).
/// A calendar may derive from a <see cref="BaseCalendar"/>, inheriting its week and its exceptions and adding its own:
/// a team calendar adds the team's local holidays to the program's.
/// This is the definition; the scheduling engine compiles it into a fast lookup.
/// </summary>
public sealed record WorkingCalendar
{
    public WorkingCalendar(CalendarId id, string name, IReadOnlyList<IReadOnlyList<WorkingTimeRange>> week, IReadOnlyList<CalendarException> exceptions, CalendarId? baseCalendar = null)
    {
        ArgumentNullException.ThrowIfNull(week);
        if (week.Count != 7)
        {
            throw new ArgumentException("A week has seven days, Sunday first (DayOfWeek order).", nameof(week));
        }

        Id = id;
        Name = name;
        Week = week;
        Exceptions = exceptions;
        BaseCalendar = baseCalendar;
    }

    public CalendarId Id { get; }

    public string Name { get; }

    /// <summary>Working ranges for each day, indexed by <see cref="DayOfWeek"/> (Sunday = 0).</summary>
    public IReadOnlyList<IReadOnlyList<WorkingTimeRange>> Week { get; }

    public IReadOnlyList<CalendarException> Exceptions { get; }

    public CalendarId? BaseCalendar { get; }

    /// <summary>The standard calendar: Monday to Friday, 08:00-12:00 and 13:00-17:00, as in Microsoft Project.</summary>
    public static WorkingCalendar Standard(CalendarId id, string name = "Standard", IReadOnlyList<CalendarException>? exceptions = null)
    {
        IReadOnlyList<WorkingTimeRange> day = [WorkingTimeRange.FromHours(8, 12), WorkingTimeRange.FromHours(13, 17)];
        return new WorkingCalendar(id, name, [[], day, day, day, day, day, []], exceptions ?? []);
    }

    /// <summary>Working minutes in a normal week, which sets what "a week of capacity" means on this calendar.</summary>
    public int MinutesPerWeek => Week.Sum(day => day.Sum(r => r.Minutes));
}
