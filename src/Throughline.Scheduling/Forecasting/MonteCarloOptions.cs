namespace Throughline.Scheduling.Forecasting;

/// <summary>How a <see cref="MonteCarlo"/> run is carried out. The result depends on the seed and the iteration count, never on the parallelism.</summary>
public sealed record MonteCarloOptions
{
    public static readonly MonteCarloOptions Default = new();

    /// <summary>Iterations to run; with <see cref="StopOnConvergence"/> the cap.</summary>
    public int Iterations
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "At least one iteration is needed.");
    } = 10_000;

    public ulong Seed { get; init; } = 1;

    /// <summary>Threads to use; -1 for every core.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>When set, the run stops early once the last target's P80 has settled.</summary>
    public ConvergenceCriterion? StopOnConvergence { get; init; }

    /// <summary>Whether to gather criticality, sensitivity and merge statistics (not needed for a re-run that only wants percentiles).</summary>
    public bool Statistics { get; init; } = true;

    /// <summary>Risks left out of the run (by index), for measuring what each one adds.</summary>
    public IReadOnlySet<int> DisabledRisks { get; init; } = new HashSet<int>();

    /// <summary>
    /// Whether a network that allows it runs eight iterations per pass (<see cref="BatchPass"/>); off, every iteration
    /// runs the engine's <see cref="CriticalPath.ForwardPass"/>. The result is the same either way (tested).
    /// </summary>
    internal bool Batched { get; init; } = true;

    /// <summary>Called from worker threads with the iterations of each finished block; must be thread-safe.</summary>
    public Action<int>? Progress { get; init; }
}

/// <summary>
/// Stop when the P80 of the last target (the project finish, conventionally) has moved by at most
/// <see cref="ThresholdMinutes"/> working minutes (on the first calendar) over the last <see cref="Window"/> blocks of
/// <see cref="MonteCarlo.BlockSize"/> iterations, and at least <see cref="MinimumIterations"/> have run.
/// </summary>
public sealed record ConvergenceCriterion(long ThresholdMinutes = 240, int Window = 3, int MinimumIterations = 4096);
