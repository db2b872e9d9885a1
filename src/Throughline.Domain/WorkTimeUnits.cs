namespace Throughline.Domain;

/// <summary>
/// How long a working "day" and "week" are when a duration is written in those units.
/// This is a unit convention, not a calendar: a calendar says <em>when</em> work happens; these say how many
/// minutes "1d" means. Microsoft Project's defaults are 480 minutes a day and 2,400 a week.
/// </summary>
public sealed record WorkTimeUnits
{
    public static readonly WorkTimeUnits Standard = new(480, 2400);

    public WorkTimeUnits(int minutesPerDay, int minutesPerWeek)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minutesPerDay);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minutesPerWeek);
        MinutesPerDay = minutesPerDay;
        MinutesPerWeek = minutesPerWeek;
    }

    public int MinutesPerDay { get; }

    public int MinutesPerWeek { get; }

    /// <summary>Twenty working days, as Microsoft Project counts a month.</summary>
    public int MinutesPerMonth => MinutesPerDay * 20;
}
