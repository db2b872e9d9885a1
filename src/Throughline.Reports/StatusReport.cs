using Throughline.Domain;
using Throughline.Domain.Governance;
using Throughline.Domain.Health;
using Throughline.Reports.Budget;
using Throughline.Reports.Changes;
using Throughline.Reports.Charts;
using Throughline.Reports.Health;
using Throughline.Reports.Outlook;
using Throughline.Reports.Risks;
using Throughline.Scheduling.Forecasting;

namespace Throughline.Reports;

/// <summary>A milestone or committed item due in the report's look-ahead window.</summary>
/// <param name="BufferDays">Working days to the committed date (docs/scheduling.md, "Outlook glossary"); null when not committed.</param>
/// <param name="TotalSlackDays">Total slack in Microsoft Project's sense, in working days.</param>
public sealed record UpcomingMilestone(WorkItemId Id, string Name, ProjectId Project, DateOnly Finish, DateOnly? Committed, double? BufferDays, double TotalSlackDays, bool IsCritical)
{
    public bool IsLate => Committed is { } c && (Finish > c || BufferDays < 0);
}

/// <summary>Work that cannot proceed, and what holds it: open decisions, a blocked status, risks that occurred.</summary>
public sealed record BlockedWork(WorkItemId Id, string Name, ProjectId Project, bool IsCritical, IReadOnlyList<string> Blockers);

/// <summary>A project's milestone or committed item in its section of the report.</summary>
/// <param name="BufferDays">Working days to the committed date; null when not committed.</param>
/// <param name="TotalSlackDays">Total slack in Microsoft Project's sense, in working days.</param>
public sealed record ProjectMilestone(WorkItemId Id, string Name, DateOnly Finish, DateOnly? Committed, double? BufferDays, double TotalSlackDays, bool IsDone)
{
    public DateOnly? ForecastP80 { get; init; }

    /// <summary>The outlook's chance on time (for a pinned commitment, that of the work driving it).</summary>
    public double? ProbabilityOnTime { get; init; }

    public bool Pinned { get; init; }
}

/// <summary>One project's section: its three roles, health, milestones, risks and budget.</summary>
public sealed record ProjectSection(Project Project, string ProductManager, string EngineeringManager, string Tpm, string? Team, AreaHealth Health, IReadOnlyList<ProjectMilestone> Milestones, IReadOnlyList<RiskAssessment> Risks, ProjectBudget? Budget);

/// <summary>
/// Everything the status report says, computed once (by <see cref="StatusReportBuilder"/>) and rendered as Markdown or
/// HTML. Dates are the report's: <see cref="Today"/> is the date it is written for.
/// </summary>
public sealed record StatusReport
{
    public required Program Program { get; init; }

    public required DateOnly Today { get; init; }

    /// <summary>The outlook the report's commitments, headline, decisions, budget and health come from.</summary>
    public required ProgramOutlook Outlook { get; init; }

    public required ProgramHealth Health { get; init; }

    /// <summary>Every commitment, in committed-date order.</summary>
    public required IReadOnlyList<CommitmentOutlook> Commitments { get; init; }

    /// <summary>The commitment that closes the program (the latest committed date), or null when nothing is committed.</summary>
    public CommitmentOutlook? FinalCommitment => Commitments.Count == 0 ? null : Commitments[^1];

    /// <summary>The headline: the commitment least likely to hold (<see cref="ProgramOutlook.WorstCommitment"/>).</summary>
    public CommitmentOutlook? WorstCommitment => Outlook.WorstCommitment;

    public required DateOnly ScheduledFinish { get; init; }

    /// <summary>The forecast, when one was run.</summary>
    public ProgramForecast? Forecast { get; init; }

    public required int LookAheadDays { get; init; }

    public required IReadOnlyList<UpcomingMilestone> NextMilestones { get; init; }

    /// <summary>Changes since the baseline plan, when one was given; <see cref="BaselineName"/> names it.</summary>
    public PlanChanges? Changes { get; init; }

    public string? BaselineName { get; init; }

    /// <summary>The whole register, live risks first by exposure; numbered from 1 in this order on the heat map.</summary>
    public required IReadOnlyList<RiskAssessment> Risks { get; init; }

    public IReadOnlyList<RiskAssessment> TopRisks => [.. Risks.Where(r => r.IsLive).Take(5)];

    /// <summary>Open decisions, by due date (overdue first).</summary>
    public required IReadOnlyList<DecisionFinding> DecisionsNeeded { get; init; }

    public required IReadOnlyList<BlockedWork> Blocked { get; init; }

    public required ProgramBudget Budget { get; init; }

    public required IReadOnlyList<ProjectSection> Projects { get; init; }

    public required GanttChart CriticalPath { get; init; }

    public SCurve? ForecastCurve { get; init; }

    public BurnChart? Burn { get; init; }

    public required IReadOnlyList<HeatMapRisk> HeatMap { get; init; }

    public string PersonName(PersonId? id) => id is { } p ? Program.People.FirstOrDefault(x => x.Id == p)?.Name ?? p.Value : "nobody";

    public string ProjectName(ProjectId id) => Program.Projects.FirstOrDefault(p => p.Id == id)?.Name ?? id.Value;

    public string ItemName(WorkItemId id) => Program.WorkItems.FirstOrDefault(i => i.Id == id)?.Name ?? id.Value;
}
