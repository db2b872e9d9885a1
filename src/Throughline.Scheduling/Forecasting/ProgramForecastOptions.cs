using Throughline.Domain;

namespace Throughline.Scheduling.Forecasting;

/// <summary>How <see cref="ProgramForecaster"/> turns a program's estimates and risks into a <see cref="ForecastModel"/>, and how long it runs.</summary>
public sealed record ProgramForecastOptions
{
    /// <summary>The correlation used when neither the options nor the plan set one.</summary>
    public const double DefaultCorrelation = 0.3;

    public static readonly ProgramForecastOptions Default = new();

    public int Iterations { get; init; } = 10_000;

    public ulong Seed { get; init; } = 1;

    /// <summary>
    /// Overrides every distribution choice in the plan (item, team and <c>forecast.distribution</c>) when set; null
    /// uses the plan's, whose fallback is Beta-PERT.
    /// </summary>
    public DurationDistribution? Distribution { get; init; }

    /// <summary>
    /// Overrides the plan's <c>forecast.correlation</c> when set: the correlation between the durations of two items
    /// sharing a driver (team or correlated tag; see <see cref="ForecastModelBuilder.Correlation"/>). Null uses the
    /// plan's, else <see cref="DefaultCorrelation"/>.
    /// </summary>
    public double? Correlation { get; init; }

    /// <summary>The spread of a single-value estimate when no category, team or <c>forecast.uncertainty</c> in the plan gives one.</summary>
    public Uncertainty DefaultUncertainty { get; init; } = Uncertainty.Default;

    public ConvergenceCriterion? StopOnConvergence { get; init; }

    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>
    /// The pure critical-path view: every item starts when its links allow, whoever is busy. Off (the default), a
    /// plan with capacity data (teams and people to level against, docs/leveling.md) is forecast leveled: the
    /// deterministic dates are the leveled schedule's and every iteration respects the same capacity. A plan without
    /// capacity data gives the same numbers either way.
    /// </summary>
    public bool Unleveled { get; init; }

    /// <summary>Whether to rank risks by what they add to P80 (one more run per risk).</summary>
    public bool RankRisks { get; init; } = true;

    /// <summary>Called from worker threads with the share of the work done so far (0 to 1, the risk re-runs included); must be thread-safe.</summary>
    public Action<double>? Progress { get; init; }
}
