using Throughline.Domain;
using Throughline.Domain.Diagnostics;

namespace Throughline.Scheduling.Leveling;

/// <summary>Options for <see cref="ProgramLeveler.Level"/>.</summary>
public sealed record ProgramLevelingOptions
{
    public static readonly ProgramLevelingOptions Default = new();

    /// <summary>Schedules the search may generate; a program is small next to PSPLIB's j120, so this is ample.</summary>
    public long Schedules { get; init; } = 3_000;

    public int Seed { get; init; } = 1;

    /// <summary>One by default, so that a plan levels the same on every machine.</summary>
    public int Threads { get; init; } = 1;

    public ProgramScheduleOptions Schedule { get; init; } = ProgramScheduleOptions.Default;
}

/// <summary>
/// A leveled program: the plan with a start-no-earlier-than on every item leveling delayed (what Microsoft
/// Project calls a leveling delay), its schedule, and what changed and why.
/// </summary>
public sealed record ProgramLeveling(
    Program Leveled,
    ProgramSchedule Before,
    ProgramSchedule After,
    IReadOnlyList<LevelingResource> Resources,
    IReadOnlyList<LevelingDelay> Delays,
    IReadOnlyList<OverAllocation> OverAllocationsBefore,
    IReadOnlyList<OverAllocation> OverAllocationsAfter,
    RcpspResult? Search,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Working days the program's finish moves (positive: later).</summary>
    public int FinishDelayDays { get; init; }

    /// <summary>
    /// The day model the plan was leveled on, its instance, and the solver's start day of each leaf (the priority
    /// order a capacity-aware forecast re-runs); null when nothing was leveled (no capacity data, or a cycle).
    /// </summary>
    internal (LevelingModel Model, RcpspInstance Instance, int[] PriorityDays)? Capacity { get; init; }
}
