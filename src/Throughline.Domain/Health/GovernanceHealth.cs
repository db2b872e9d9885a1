using Throughline.Domain.Governance;

namespace Throughline.Domain.Health;

/// <summary>
/// The governance rule (plan file: <c>health.governance</c>): open decisions past their due date (amber from
/// <see cref="AmberOverdueDecisions"/>, red from <see cref="RedOverdueDecisions"/>; any one that blocks critical work
/// is red), and stale status (the plan's status date more than <see cref="AmberStaleDays"/> calendar days before the
/// report date is amber, more than <see cref="RedStaleDays"/> red; no status date at all is amber).
/// </summary>
public sealed record GovernanceHealth
{
    public static readonly GovernanceHealth Default = new();

    public int AmberOverdueDecisions { get; init; } = 1;

    public int RedOverdueDecisions { get; init; } = 3;

    public int AmberStaleDays { get; init; } = 7;

    public int RedStaleDays { get; init; } = 14;

    public HealthVerdict Assess(IReadOnlyCollection<DecisionFinding> decisions, DateOnly? statusDate, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        var reasons = new List<HealthReason>();
        var overdue = decisions.Where(d => d.IsOverdue).OrderByDescending(d => d.DaysOverdue).ThenBy(d => d.Decision.Id.Value, StringComparer.Ordinal).ToList();
        var count = overdue.Count >= RedOverdueDecisions ? HealthColour.Red : overdue.Count >= AmberOverdueDecisions ? HealthColour.Amber : HealthColour.Green;
        foreach (var d in overdue)
        {
            var critical = d.BlocksCritical.Count > 0;
            var escalated = d.EscalatedTo is { } level ? $"; escalated to {level.Name}" : string.Empty;
            var blocks = critical ? $", blocking critical work ({string.Join(", ", d.BlocksCritical.Select(i => i.Value))}){escalated}" : string.Empty;
            var text = $"Decision overdue by {d.DaysOverdue} days: {d.Decision.Question}{blocks}";
            reasons.Add(new HealthReason(HealthArea.Governance, critical ? HealthColour.Red : count, text.EndsWith('.') || text.EndsWith('?') ? text : text + "."));
        }

        if (overdue.Count > 0 && count == HealthColour.Red)
        {
            reasons.Add(new HealthReason(HealthArea.Governance, HealthColour.Red, $"{overdue.Count} decisions overdue (red from {RedOverdueDecisions})."));
        }

        if (statusDate is not { } reported)
        {
            reasons.Add(new HealthReason(HealthArea.Governance, HealthColour.Amber, "The plan has no status date: progress may not be current."));
        }
        else
        {
            var age = today.DayNumber - reported.DayNumber;
            var colour = age > RedStaleDays ? HealthColour.Red : age > AmberStaleDays ? HealthColour.Amber : HealthColour.Green;
            if (colour != HealthColour.Green)
            {
                reasons.Add(new HealthReason(HealthArea.Governance, colour, $"Status is {age} days old (last reported {ScheduleHealth.Date(reported)})."));
            }
        }

        if (reasons.Count == 0)
        {
            reasons.Add(new HealthReason(HealthArea.Governance, HealthColour.Green, "No decision overdue; status is current."));
        }

        return new HealthVerdict(reasons);
    }
}
