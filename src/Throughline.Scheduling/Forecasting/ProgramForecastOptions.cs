using Throughline.Domain;

namespace Throughline.Scheduling.Forecasting;

/// <summary>How <see cref="ProgramForecaster"/> turns a program's estimates and risks into a <see cref="ForecastModel"/>, and how long it runs.</summary>
public sealed record ProgramForecastOptions
{
    public static readonly ProgramForecastOptions Default = new();

    public int Iterations { get; init; } = 10_000;

    public ulong Seed { get; init; } = 1;

    public DurationDistribution Distribution { get; init; } = DurationDistribution.BetaPert;

    /// <summary>Correlation between the durations of two items of the same team (see <see cref="ForecastModelBuilder.Correlation"/>).</summary>
    public double TeamCorrelation { get; init; } = 0.3;

    /// <summary>The spread given to a single-value estimate, as factors of it.</summary>
    public Uncertainty DefaultUncertainty { get; init; } = Uncertainty.Default;

    /// <summary>Per-team spreads for single-value estimates, overriding <see cref="DefaultUncertainty"/>.</summary>
    public IReadOnlyDictionary<TeamId, Uncertainty> TeamUncertainty { get; init; } = new Dictionary<TeamId, Uncertainty>();

    public ConvergenceCriterion? StopOnConvergence { get; init; }

    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Whether to rank risks by what they add to P80 (one more run per risk).</summary>
    public bool RankRisks { get; init; } = true;

    /// <summary>Called from worker threads with the share of the work done so far (0 to 1, the risk re-runs included); must be thread-safe.</summary>
    public Action<double>? Progress { get; init; }
}

/// <summary>
/// A three-point spread for a single-value estimate m: optimistic m × <see cref="Optimistic"/>, pessimistic
/// m × <see cref="Pessimistic"/>. The default (0.9, 1.5) is the usual right skew of software estimates.
/// </summary>
public sealed record Uncertainty
{
    public static readonly Uncertainty Default = new(0.9, 1.5);

    public Uncertainty(double optimistic, double pessimistic)
    {
        if (double.IsNaN(optimistic) || double.IsNaN(pessimistic) || optimistic < 0 || optimistic > 1 || pessimistic < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(optimistic), "Needs 0 <= optimistic <= 1 <= pessimistic.");
        }

        Optimistic = optimistic;
        Pessimistic = pessimistic;
    }

    public double Optimistic { get; }

    public double Pessimistic { get; }
}
