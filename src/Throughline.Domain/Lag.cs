namespace Throughline.Domain;

/// <summary>How a dependency's lag is measured.</summary>
public enum LagKind
{
    /// <summary>Working time on the successor's calendar ("2d": two working days).</summary>
    Working,

    /// <summary>Elapsed calendar time, weekends and holidays included ("2ed": 48 hours).</summary>
    Elapsed,

    /// <summary>A percentage of the predecessor's duration ("50%").</summary>
    PercentOfPredecessor,
}

/// <summary>
/// The delay (positive) or lead (negative) on a dependency. <see cref="Amount"/> is minutes for
/// <see cref="LagKind.Working"/> and <see cref="LagKind.Elapsed"/>, and a percentage for
/// <see cref="LagKind.PercentOfPredecessor"/> (50 means half the predecessor's duration).
/// </summary>
public readonly record struct Lag(long Amount, LagKind Kind)
{
    public static readonly Lag None = new(0, LagKind.Working);

    public static Lag Working(WorkDuration duration) => new(duration.Minutes, LagKind.Working);

    public static Lag Elapsed(long minutes) => new(minutes, LagKind.Elapsed);

    public static Lag Percent(long percent) => new(percent, LagKind.PercentOfPredecessor);

    public bool IsZero => Amount == 0;
}
