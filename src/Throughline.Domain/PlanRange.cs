namespace Throughline.Domain;

/// <summary>
/// The dates and lengths of time a plan can hold: dates from 1984-01-01 to 2149-12-31 (Microsoft Project's range,
/// which our files, exports and database share), and so no duration or lag longer than that whole span. A value
/// outside is a diagnostic when it is read; a schedule that runs past the last date is one when it is computed.
/// </summary>
public static class PlanRange
{
    public static readonly DateOnly MinDate = new(1984, 1, 1);

    public static readonly DateOnly MaxDate = new(2149, 12, 31);

    /// <summary>
    /// The longest duration or lag in minutes: every minute of the range, so longer than any calendar can fit in it
    /// (a standard 40-hour week fits about a quarter of this).
    /// </summary>
    public static readonly long MaxMinutes = (MaxDate.DayNumber - MinDate.DayNumber + 1) * 1440L;

    /// <summary>The largest lag written as a percentage of the predecessor's duration (a hundred times it).</summary>
    public const long MaxPercentLag = 10_000;

    /// <summary>The first minute after the range: a schedule that finishes later cannot be shown or stored.</summary>
    public static DateTime End => MaxDate.AddDays(1).ToDateTime(TimeOnly.MinValue);

    /// <summary>Whether a length of time in minutes (either sign) fits in the range.</summary>
    public static bool Fits(long minutes) => minutes >= -MaxMinutes && minutes <= MaxMinutes;
}
