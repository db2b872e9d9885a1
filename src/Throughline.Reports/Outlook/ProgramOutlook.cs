using Throughline.Domain;
using Throughline.Domain.Governance;
using Throughline.Domain.Health;
using Throughline.Reports.Budget;
using Throughline.Reports.Health;
using Throughline.Scheduling;
using Throughline.Scheduling.Forecasting;

namespace Throughline.Reports.Outlook;

/// <summary>
/// The one answer to "are we on track?" for one plan revision (docs/scheduling.md, "Outlook"): every commitment with
/// its buffer, total slack, forecast, health and driving teams; the open decisions with their decide-by dates; and the
/// headline, which is the worst commitment, not the last. Every surface (<c>tl status</c>, <c>tl schedule</c>,
/// <c>tl forecast</c>, <c>tl report</c>, <c>tl diff</c>, the API and the web pages) reads its numbers from here.
/// </summary>
public sealed record ProgramOutlook
{
    /// <summary>The date the outlook is for: overdue decisions and stale status are judged against it.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>Every commitment, in committed-date order (then id).</summary>
    public required IReadOnlyList<CommitmentOutlook> Commitments { get; init; }

    /// <summary>Each commitment's health (the schedule rule's verdict on it), by id.</summary>
    public required IReadOnlyDictionary<WorkItemId, HealthVerdict> CommitmentHealth { get; init; }

    /// <summary>The program end: its scheduled finish and, with a forecast, its percentiles.</summary>
    public required ProgramEndOutlook ProgramEnd { get; init; }

    /// <summary>Open decisions (and decided ones that still gate unstarted work), by due date.</summary>
    public required IReadOnlyList<DecisionOutlook> Decisions { get; init; }

    /// <summary>Every decision as the governance rule reviews it, as of <see cref="AsOf"/>.</summary>
    public required IReadOnlyList<DecisionFinding> DecisionFindings { get; init; }

    public required ProgramBudget Budget { get; init; }

    /// <summary>Budget lines that do not fit the plan's dates (<see cref="BudgetNotes"/>).</summary>
    public IReadOnlyList<string> BudgetNotes { get; init; } = [];

    /// <summary>The health of the program and of each project (a project is also judged on the commitments its work drives).</summary>
    public required ProgramHealth Health { get; init; }

    /// <summary>The forecast the figures come from, or null when none was run (commitments are then judged on buffer).</summary>
    public ProgramForecast? Forecast { get; init; }

    /// <summary>
    /// The commitment least likely to hold: the lowest chance on time, else (without a forecast) the least
    /// <see cref="CommitmentOutlook.PressureDays"/>; the earlier committed date, then the id, among equals. Null when
    /// nothing is committed.
    /// </summary>
    public CommitmentOutlook? WorstCommitment => Commitments
        .OrderBy(c => c.ProbabilityOnTime ?? 2)
        .ThenBy(c => c.PressureDays)
        .ThenBy(c => c.Committed)
        .ThenBy(c => c.Id.Value, StringComparer.Ordinal)
        .FirstOrDefault();

    /// <summary>The headline's chance on time: the worst commitment's (null without a forecast or a commitment).</summary>
    public double? ProbabilityOnTime => WorstCommitment?.ProbabilityOnTime;

    /// <summary>The overall health: the worst of the four rules over the program, with every reason.</summary>
    public HealthVerdict OverallHealth => Health.Program.Overall;

    /// <summary>
    /// Computes the outlook of <paramref name="program"/> from its schedule and (optionally) its forecast, as of
    /// <paramref name="asOf"/>. No I/O, no clock: the same inputs give the same outlook.
    /// </summary>
    public static ProgramOutlook Compute(Program program, ProgramSchedule schedule, ProgramForecast? forecast, DateOnly asOf, ProgramScheduleOptions? scheduleOptions = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(schedule);
        var critical = schedule.Items.Values.Where(s => s.IsCritical).Select(s => s.Id).ToHashSet();
        var findings = DecisionReview.Review(program, asOf, critical);
        var budget = ProgramBudget.Compute(program, schedule, program.StatusDate ?? asOf);
        var commitments = Reports.Health.Commitments.Of(program, schedule, forecast);
        var health = ProgramHealth.Assess(program, commitments, budget, findings, asOf);
        var end = forecast?.ProgramEnd;
        return new ProgramOutlook
        {
            AsOf = asOf,
            Commitments = commitments,
            CommitmentHealth = commitments.ToDictionary(c => c.Id, c => new HealthVerdict([program.Health.Schedule.Judge(c)])),
            ProgramEnd = new ProgramEndOutlook(DateOnly.FromDateTime(schedule.ProjectFinish), end?.P50, end?.P80, end?.P95),
            Decisions = DecideBy.Of(program, schedule, findings, scheduleOptions),
            DecisionFindings = findings,
            Budget = budget,
            BudgetNotes = Reports.Budget.BudgetNotes.Of(program, schedule, program.StatusDate ?? asOf),
            Health = health,
            Forecast = forecast,
        };
    }
}

/// <summary>The program end in the outlook: its scheduled finish, and its forecast percentiles when one was run.</summary>
public sealed record ProgramEndOutlook(DateOnly Scheduled, DateOnly? P50, DateOnly? P80, DateOnly? P95);

/// <summary>
/// An open decision in the outlook: its due date, the work it gates, and its <see cref="DecideBy"/> date, the latest
/// start of what it gates that keeps every commitment's buffer at zero or more (null when it gates no committed work).
/// </summary>
public sealed record DecisionOutlook(DecisionId Id, string Question, DateOnly? Due, DateOnly? DecideBy, IReadOnlyList<WorkItemId> Gates)
{
    /// <summary>Days past its due date as of the outlook's date (0 when not overdue).</summary>
    public int DaysOverdue { get; init; }
}
