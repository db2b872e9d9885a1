namespace Throughline.Scheduling.Leveling;

/// <summary>
/// Budget and seed of one solver run. The search stops at whichever budget is reached first, or as soon as the
/// lower bound is met (a proof of optimality). With <see cref="TimeLimit"/> unset the run is deterministic for a
/// given seed and schedule budget, whatever the thread count.
/// </summary>
public sealed record RcpspSolverOptions
{
    /// <summary>Maximum number of generated schedules (the literature's unit of effort); null for no limit.</summary>
    public long? MaxSchedules { get; init; } = 5_000;

    /// <summary>Wall-time limit; null for none. A time limit makes the result depend on machine speed.</summary>
    public TimeSpan? TimeLimit { get; init; }

    public int Seed { get; init; } = 1;

    /// <summary>Worker threads; defaults to the processor count.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;
}
