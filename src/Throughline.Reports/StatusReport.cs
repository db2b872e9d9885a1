using Throughline.Domain;
using Throughline.Domain.Governance;
using Throughline.Domain.Health;
using Throughline.Reports.Budget;
using Throughline.Reports.Changes;
using Throughline.Reports.Charts;
using Throughline.Reports.Health;
using Throughline.Reports.Risks;
using Throughline.Scheduling.Forecasting;

namespace Throughline.Reports;

/// <summary>A milestone or committed item due in the report's look-ahead window.</summary>
public sealed record UpcomingMilestone(WorkItemId Id, string Name, ProjectId Project, DateOnly Finish, DateOnly? Committed, double SlackDays, bool IsCritical)
{
    public bool IsLate => Committed is { } c && (Finish > c || SlackDays < 0);
}

/// <summary>Work that cannot proceed, and what holds it: open decisions, a blocked status, risks that occurred.</summary>
public sealed record BlockedWork(WorkItemId Id, string Name, ProjectId Project, bool IsCritical, IReadOnlyList<string> Blockers);

/// <summary>A project's milestone or committed item in its section of the report.</summary>
public sealed record ProjectMilestone(WorkItemId Id, string Name, DateOnly Finish, DateOnly? Committed, double SlackDays, bool IsDone)
{
    public DateOnly? ForecastP80 { get; init; }

    public double? ProbabilityOnTime { get; init; }
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

    public required ProgramHealth Health { get; init; }

    /// <summary>Every commitment, in committed-date order.</summary>
    public required IReadOnlyList<CommitmentOutlook> Commitments { get; init; }

    /// <summary>The commitment that closes the program (the latest committed date), or null when nothing is committed.</summary>
    public CommitmentOutlook? FinalCommitment => Commitments.Count == 0 ? null : Commitments[^1];

    /// <summary>
    /// The commitment, other than the final one, least likely to hold (lowest chance on time, else least slack), when
    /// it is in doubt (below 80% on time, or less slack than the schedule rule's amber line); else null.
    /// </summary>
    public CommitmentOutlook? MostAtRisk
    {
        get
        {
            var amber = Program.Health.Schedule.AmberSlackDays;
            return Commitments.Take(Commitments.Count - 1)
                .Where(c => (c.ProbabilityOnTime is { } p && !c.Pinned) ? p < 0.8 : c.SlackDays < amber)
                .OrderBy(c => c.Pinned ? 1 : c.ProbabilityOnTime ?? 1)
                .ThenBy(c => c.SlackDays)
                .ThenBy(c => c.Committed)
                .FirstOrDefault();
        }
    }

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
