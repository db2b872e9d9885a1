namespace Throughline.Domain.Engineering;

/// <summary>The kinds of team health signal <see cref="TeamHealthAnalyzer"/> raises.</summary>
public enum HealthSignalKind
{
    /// <summary>Work in progress asks for more people than the team has after KTLO and on-call.</summary>
    LoadOverCapacity,

    /// <summary>Members' allocations plus KTLO plus on-call add up to more than their time.</summary>
    CommittedOverCapacity,

    /// <summary>A person allocated to projects for more than 100% of their time.</summary>
    OverAllocated,

    /// <summary>A person working on many projects at once.</summary>
    ContextSwitching,

    /// <summary>A rotation that puts each member on duty too often.</summary>
    FrequentOnCall,

    /// <summary>A team whose people are spread over many projects.</summary>
    SharedTeam,
}

/// <summary>One finding about a team's health, with the figures behind it in the message.</summary>
public sealed record HealthSignal(HealthSignalKind Kind, TeamId Team, string Message)
{
    public PersonId? Person { get; init; }
}

/// <summary>
/// A team's load and capacity this week, and what looks unhealthy. <see cref="Demand"/> and <see cref="Supply"/> are in
/// people (full-time equivalents of the program's working week), so that "asks for 6.5, has 4.2" reads at a glance.
/// </summary>
public sealed record TeamHealth(TeamId Team, TeamCapacity Capacity, double Demand, double Supply)
{
    /// <summary>Demand over supply; above 1 the team is overloaded. Zero when the team has no supply.</summary>
    public double LoadRatio => Supply <= 0 ? 0 : Demand / Supply;

    /// <summary>The most projects any member works on at once.</summary>
    public int MaxConcurrentProjects { get; init; }

    /// <summary>Projects the team's people work on (allocations and work in progress).</summary>
    public IReadOnlyList<ProjectId> Projects { get; init; } = [];

    /// <summary>How often the most-loaded rotation puts a member on duty, in weeks; null without a rotation.</summary>
    public double? OnCallEveryWeeks { get; init; }

    public IReadOnlyList<HealthSignal> Signals { get; init; } = [];
}
