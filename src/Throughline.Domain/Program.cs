using Throughline.Domain.Calendars;
using Throughline.Domain.Governance;

namespace Throughline.Domain;

/// <summary>
/// A program: related projects owned by different teams that together reach one strategic outcome. This is the
/// aggregate everything else hangs from; a plan file holds exactly one. It is an immutable value: edits produce a new
/// program.
/// </summary>
public sealed record Program(ProgramId Id, string Name, DateOnly Start)
{
    public string? Scope { get; init; }

    public PersonId? Sponsor { get; init; }

    /// <summary>The date progress was last reported to; remaining work is scheduled after it.</summary>
    public DateOnly? StatusDate { get; init; }

    public string Currency { get; init; } = "USD";

    public WorkTimeUnits Units { get; init; } = WorkTimeUnits.Standard;

    /// <summary>The program's default calendar; teams, people and items may override it.</summary>
    public CalendarId? Calendar { get; init; }

    public IReadOnlyList<Objective> Objectives { get; init; } = [];

    public IReadOnlyList<Forum> Forums { get; init; } = [];

    public IReadOnlyList<EscalationLevel> EscalationPath { get; init; } = [];

    public IReadOnlyList<WorkingCalendar> Calendars { get; init; } = [];

    public IReadOnlyList<Team> Teams { get; init; } = [];

    public IReadOnlyList<Person> People { get; init; } = [];

    public IReadOnlyList<OnCallRotation> Rotations { get; init; } = [];

    public IReadOnlyList<Project> Projects { get; init; } = [];

    /// <summary>Every work item and milestone of every project, parents before their children.</summary>
    public IReadOnlyList<WorkItem> WorkItems { get; init; } = [];

    public IReadOnlyList<Dependency> Dependencies { get; init; } = [];

    public IReadOnlyList<Risk> Risks { get; init; } = [];

    public IReadOnlyList<Decision> Decisions { get; init; } = [];

    public IReadOnlyList<BudgetLine> Budget { get; init; } = [];

    /// <summary>Product outcome metrics (adoption, retention, revenue) and the projects expected to move them.</summary>
    public IReadOnlyList<ProductMetric> ProductMetrics { get; init; } = [];

    /// <summary>Technical decision records (ADRs) linked to the work they shape.</summary>
    public IReadOnlyList<TechnicalDecisionRecord> TechDecisions { get; init; } = [];

    /// <summary>Forecasting defaults: distribution, spread of single-value estimates, correlation and its drivers.</summary>
    public ForecastSettings Forecast { get; init; } = ForecastSettings.None;

    /// <summary>Which budget lines earned value counts as work (the plan's <c>earned-value:</c> section); every line when absent.</summary>
    public Budget.EarnedValueSettings EarnedValue { get; init; } = Throughline.Domain.Budget.EarnedValueSettings.Default;

    /// <summary>The thresholds of the red/amber/green health rules (the plan's <c>health:</c> section); defaults when absent.</summary>
    public Health.HealthRules Health { get; init; } = Throughline.Domain.Health.HealthRules.Default;
}
