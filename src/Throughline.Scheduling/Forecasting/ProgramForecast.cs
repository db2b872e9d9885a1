using Throughline.Domain;
using Throughline.Domain.Diagnostics;

namespace Throughline.Scheduling.Forecasting;

/// <summary>What <see cref="ProgramForecaster.Forecast"/> computes for a program. Days are working days of the program's units.</summary>
public sealed record ProgramForecast(
    int Iterations,
    bool Converged,
    IReadOnlyList<MilestoneForecast> Milestones,
    IReadOnlyList<ItemCriticality> Criticality,
    IReadOnlyList<RiskDriver> Drivers,
    IReadOnlyList<MergePoint> MergePoints,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The program end (always the last of <see cref="Milestones"/>).</summary>
    public MilestoneForecast ProgramEnd => Milestones[^1];

    /// <summary>The program cost with the risks' cost impacts simulated, or null when the plan has no budget or risk cost.</summary>
    public CostForecast? Cost { get; init; }

    /// <summary>Whether the forecast respects capacity (the plan has capacity data and the unleveled view was not asked for).</summary>
    public bool Leveled { get; init; }
}

/// <summary>
/// The program's cost: <see cref="Planned"/> (the budget lines' planned amounts, else the projects' budgets) plus, in
/// each iteration, the cost impact of every open or mitigating risk that occurred in it. P10 to P95 are nearest-rank
/// percentiles of that total; <see cref="ProbabilityWithinPlan"/> is the share of iterations in which no risk cost
/// was incurred, so the plan held. Cost impacts in another currency than the plan's are left out (see <see cref="Risks"/>).
/// </summary>
public sealed record CostForecast(
    string Currency,
    decimal Planned,
    decimal Expected,
    decimal P10,
    decimal P50,
    decimal P80,
    decimal P90,
    decimal P95,
    double ProbabilityWithinPlan,
    IReadOnlyList<RiskId> Risks);

/// <summary>
/// The forecast finish of a committed work item, or of the whole program (<see cref="Id"/> null). Percentile dates are
/// the day by which that share of iterations had finished; <see cref="ProbabilityOnTime"/> is the share finished by
/// the end of <see cref="Committed"/> (null without a commitment).
/// </summary>
public sealed record MilestoneForecast(
    WorkItemId? Id,
    string Name,
    DateOnly Deterministic,
    DateOnly? Committed,
    DateOnly P10,
    DateOnly P50,
    DateOnly P80,
    DateOnly P90,
    DateOnly P95,
    double? ProbabilityOnTime,
    double ProbabilityByDeterministic,
    IReadOnlyList<HistogramBin> Histogram)
{
    /// <summary>
    /// A hard constraint on the item (must start or finish on, start or finish no later than), or null. The engine
    /// honours constraints over links, as Microsoft Project does, so a pinned item keeps its date in every iteration
    /// however late its predecessors run: its forecast then says nothing about whether the date is achievable.
    /// </summary>
    public ConstraintType? PinnedBy { get; init; }

    /// <summary>
    /// For a pinned item, the item that drives it (its driving chain's step before it in the deterministic schedule):
    /// the percentiles and <see cref="ProbabilityOnTime"/> are then that item's finish against the committed date, the
    /// chance the work is ready by the pinned date, since the pinned finish itself never moves. Null otherwise, and for
    /// a pinned item that nothing drives (its figures are then its own).
    /// </summary>
    public WorkItemId? DrivenBy { get; init; }

    /// <summary>Merge bias in calendar days: how much later the median is than the single critical-path date.</summary>
    public int MergeBiasDays => P50.DayNumber - Deterministic.DayNumber;
}

/// <summary>One day of a finish histogram: iterations finishing on <see cref="Date"/>, and the share finished by its end (the S-curve).</summary>
public sealed record HistogramBin(DateOnly Date, int Count, double Cumulative);

/// <summary>A work item's criticality index (share of iterations on the driving path to the program end) and sensitivity index (correlation of its duration with the program end).</summary>
public sealed record ItemCriticality(WorkItemId Id, double Index, double Sensitivity);

/// <summary>
/// A risk and the working days (on the program calendar) it adds to the program end's P80: the P80 with it minus the
/// P80 without it, with the same random numbers for everything else. <see cref="DaysAtP80ByMilestone"/> holds the
/// same figure for each of <see cref="ProgramForecast.Milestones"/>, in their order.
/// </summary>
public sealed record RiskDriver(RiskId Id, string Title, double Probability, double DaysAtP80, double Occurrence)
{
    public IReadOnlyList<double> DaysAtP80ByMilestone { get; init; } = [];
}

/// <summary>A work item where two or more links join, with the chance it finishes by its deterministic date; the lower, the more the single-date plan overstates.</summary>
public sealed record MergePoint(WorkItemId Id, int Predecessors, DateOnly Deterministic, double ProbabilityByDeterministic);
