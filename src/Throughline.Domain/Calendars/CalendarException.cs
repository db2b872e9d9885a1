namespace Throughline.Domain.Calendars;

/// <summary>
/// A change to the normal week for the dates <see cref="From"/> to <see cref="To"/> inclusive:
/// no work at all (a holiday, a shutdown) when <see cref="WorkingTimes"/> is empty, otherwise exactly those hours
/// on each of the dates (a half day before a holiday, a Saturday release).
/// </summary>
public sealed record CalendarException(DateOnly From, DateOnly To, string Name, IReadOnlyList<WorkingTimeRange> WorkingTimes)
{
    public bool IsNonWorking => WorkingTimes.Count == 0;

    public static CalendarException Holiday(DateOnly date, string name) => new(date, date, name, []);

    public bool Covers(DateOnly date) => date >= From && date <= To;
}
