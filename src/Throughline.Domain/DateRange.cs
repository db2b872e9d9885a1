namespace Throughline.Domain;

/// <summary>A span of calendar dates, both ends included (a leave from Monday to Friday is 5 days).</summary>
public readonly record struct DateRange
{
    public DateRange(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), $"A date range ends on or after its start: {from:yyyy-MM-dd}..{to:yyyy-MM-dd}.");
        }

        From = from;
        To = to;
    }

    public DateOnly From { get; }

    public DateOnly To { get; }

    public int Days => To.DayNumber - From.DayNumber + 1;

    public bool Contains(DateOnly date) => date >= From && date <= To;
}
