namespace Throughline.Domain;

/// <summary>
/// What has happened on a work item so far. Dates are local date-times on the item's calendar.
/// <see cref="Remaining"/>, when given, overrides what <see cref="PercentComplete"/> implies.
/// </summary>
public sealed record Progress
{
    public static readonly Progress None = new();

    public DateTime? ActualStart { get; init; }

    public DateTime? ActualFinish { get; init; }

    /// <summary>0 to 100.</summary>
    public double PercentComplete { get; init; }

    public WorkDuration? Remaining { get; init; }
}
