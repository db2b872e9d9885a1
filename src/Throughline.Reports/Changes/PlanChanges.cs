using Throughline.Domain;
using Throughline.Domain.Risks;
using Throughline.Scheduling;

namespace Throughline.Reports.Changes;

/// <summary>
/// What changed since a baseline plan (the last report's): commitments and milestones that moved (positive days are
/// slips), the program finish, risks raised and closed, and decisions made.
/// </summary>
public sealed record PlanChanges(
    DateOnly? BaselineStatusDate,
    ItemMove ProgramFinish,
    IReadOnlyList<ItemMove> MilestonesMoved,
    IReadOnlyList<Risk> NewRisks,
    IReadOnlyList<Risk> ClosedRisks,
    IReadOnlyList<Decision> DecisionsMade)
{
    /// <summary>The commitments whose outlook moved, with the input changes that moved them; null when not computed.</summary>
    public CommitmentChanges? Commitments { get; init; }

    /// <summary>What the report says about the commitments that moved, one line each; the teams hurt and a different program last.</summary>
    public IReadOnlyList<string> CommitmentLines
    {
        get
        {
            if (Commitments is not { } changes)
            {
                return [];
            }

            static string Share(double? p) => ReportFormat.Percent(p);
            var lines = changes.Moved
                .Select(c => $"{c.Name}: scheduled {ReportFormat.Date(c.ScheduledBefore)} → {ReportFormat.Date(c.ScheduledAfter)}, P80 {ReportFormat.Date(c.P80Before)} → {ReportFormat.Date(c.P80After)}, chance on time {Share(c.ChanceBefore)} → {Share(c.ChanceAfter)}; moved by {string.Join("; ", c.Causes)}")
                .ToList();
            if (changes.TeamsHurt.Count > 0)
            {
                lines.Add($"Teams whose commitments slipped: {string.Join(", ", changes.TeamsHurt.Select(t => t.Value))}");
            }

            if (changes.DifferentPrograms)
            {
                lines.Add($"Warning: the baseline is a different program ('{changes.OldProgram}', now '{changes.NewProgram}'); items are matched by id regardless.");
            }

            return lines;
        }
    }

    public bool IsEmpty => ProgramFinish.WorkingMinutesMoved == 0 && MilestonesMoved.Count == 0 && CommitmentLines.Count == 0 && NewRisks.Count == 0 && ClosedRisks.Count == 0 && DecisionsMade.Count == 0;

    /// <summary>
    /// Compares <paramref name="current"/> with <paramref name="baseline"/>. A risk is new when the baseline has no risk
    /// with its id (and it is live); closed when it was live in the baseline and is now closed or gone. A decision is
    /// made when it is decided now and was not in the baseline.
    /// </summary>
    public static PlanChanges Compare(Program baseline, ProgramSchedule baselineSchedule, Program current, ProgramSchedule currentSchedule)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        var comparison = ScheduleComparison.Compare(baseline, baselineSchedule, current, currentSchedule);
        var oldRisks = baseline.Risks.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First());
        var newRisks = current.Risks.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First());
        var oldDecisions = baseline.Decisions.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.First());
        return new PlanChanges(
            baseline.StatusDate,
            comparison.ProgramFinish,
            comparison.MilestonesMoved,
            [.. current.Risks.Where(r => !oldRisks.ContainsKey(r.Id) && RiskExposure.IsLive(r))],
            [.. baseline.Risks.Where(r => RiskExposure.IsLive(r) && (!newRisks.TryGetValue(r.Id, out var now) || now.Status == RiskStatus.Closed))],
            [.. current.Decisions.Where(d => d.Status == DecisionStatus.Decided && (!oldDecisions.TryGetValue(d.Id, out var was) || was.Status != DecisionStatus.Decided))]);
    }
}
