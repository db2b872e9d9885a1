namespace Throughline.Domain;

/// <summary>
/// How long a work item is expected to take, in working time: a single value, or a three-point estimate
/// (optimistic, most likely, pessimistic) that forecasting samples from. The deterministic schedule uses
/// <see cref="MostLikely"/>.
/// </summary>
public sealed record Estimate
{
    public Estimate(WorkDuration optimistic, WorkDuration mostLikely, WorkDuration pessimistic)
    {
        if (optimistic.IsNegative || optimistic > mostLikely || mostLikely > pessimistic)
        {
            throw new ArgumentOutOfRangeException(nameof(mostLikely), "A three-point estimate needs 0 <= optimistic <= most likely <= pessimistic.");
        }

        Optimistic = optimistic;
        MostLikely = mostLikely;
        Pessimistic = pessimistic;
    }

    public WorkDuration Optimistic { get; }

    public WorkDuration MostLikely { get; }

    public WorkDuration Pessimistic { get; }

    /// <summary>
    /// True when the durations are elapsed time rather than working time (Microsoft Project's "1 ed", "4 eh"): the item
    /// works around the clock, whatever its calendar, so 1,440 minutes is one calendar day.
    /// </summary>
    public bool IsElapsed { get; init; }

    public bool IsThreePoint => Optimistic != MostLikely || MostLikely != Pessimistic;

    public static Estimate Single(WorkDuration duration) => new(duration, duration, duration);

    /// <summary>The Beta-PERT mean, (o + 4m + p) / 6.</summary>
    public WorkDuration PertMean => new((Optimistic.Minutes + (4 * MostLikely.Minutes) + Pessimistic.Minutes) / 6);
}
