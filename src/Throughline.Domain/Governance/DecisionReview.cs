namespace Throughline.Domain.Governance;

/// <summary>
/// Where one decision stands as of a status date: the work it holds up (its <see cref="Decision.Blocks"/> and the items
/// that say they wait on it), which of that work is critical, and whether it is overdue and escalated.
/// </summary>
public sealed record DecisionFinding(Decision Decision, IReadOnlyList<WorkItemId> Blocks, IReadOnlyList<WorkItemId> BlocksCritical, int DaysOverdue)
{
    /// <summary>Open (not decided, deferred or cancelled) and past its due date.</summary>
    public bool IsOverdue => DaysOverdue > 0;

    public bool IsOpen => Decision.Status == DecisionStatus.Open;

    /// <summary>The escalation level an overdue decision that blocks critical work has reached; null when not escalated.</summary>
    public EscalationLevel? EscalatedTo { get; init; }

    public bool IsEscalated => EscalatedTo is not null || (IsOverdue && BlocksCritical.Count > 0);
}

/// <summary>
/// Reviews the decision log against the schedule: an open decision past its due date that blocks an item on the
/// critical path (zero or negative slack) is escalated to the level its days overdue reach on the program's escalation
/// path (<see cref="EscalationLadder"/>). Deferred decisions were put off on purpose and are not overdue.
/// </summary>
public static class DecisionReview
{
    public static IReadOnlyList<DecisionFinding> Review(Program program, DateOnly statusDate, IReadOnlySet<WorkItemId> critical)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(critical);
        var findings = new List<DecisionFinding>();
        foreach (var decision in program.Decisions)
        {
            var blocks = decision.Blocks
                .Concat(program.WorkItems.Where(i => i.WaitsOn.Contains(decision.Id)).Select(i => i.Id))
                .Distinct()
                .ToList();
            var overdue = decision.Status == DecisionStatus.Open && decision.Due is { } due ? Math.Max(0, statusDate.DayNumber - due.DayNumber) : 0;
            var blocksCritical = blocks.Where(critical.Contains).ToList();
            var finding = new DecisionFinding(decision, blocks, blocksCritical, overdue);
            if (finding.IsOverdue && blocksCritical.Count > 0)
            {
                finding = finding with { EscalatedTo = EscalationLadder.LevelAfter(program.EscalationPath, decision.Due!.Value, statusDate) };
            }

            findings.Add(finding);
        }

        return findings;
    }
}
