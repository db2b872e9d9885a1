namespace Throughline.Domain.Health;

/// <summary>
/// The thresholds of the four health rules, as the plan file's <c>health:</c> section sets them (docs/reports.md);
/// each rule keeps its defaults for whatever the plan leaves out.
/// </summary>
public sealed record HealthRules
{
    public static readonly HealthRules Default = new();

    public ScheduleHealth Schedule { get; init; } = ScheduleHealth.Default;

    public BudgetHealth Budget { get; init; } = BudgetHealth.Default;

    public RiskHealth Risk { get; init; } = RiskHealth.Default;

    public GovernanceHealth Governance { get; init; } = GovernanceHealth.Default;
}
