namespace Throughline.Domain;

/// <summary>Whether an item is work or a zero-duration marker of something reached.</summary>
public enum WorkItemKind
{
    Task,
    Milestone,
}

/// <summary>
/// A unit of work or a milestone in a project. Items nest through <see cref="Parent"/>: an item with children is a
/// summary whose dates roll up from them. <see cref="Estimate"/> is duration in working time; <see cref="Effort"/>
/// is person-time of work (2 people for 5 days is 10d of effort), which leveling and capacity use.
/// </summary>
public sealed record WorkItem(WorkItemId Id, string Name, ProjectId Project)
{
    public WorkItemKind Kind { get; init; } = WorkItemKind.Task;

    public WorkItemId? Parent { get; init; }

    public string? Description { get; init; }

    public Estimate? Estimate { get; init; }

    public WorkDuration? Effort { get; init; }

    public IReadOnlyList<Assignment> Assignments { get; init; } = [];

    public WorkItemStatus Status { get; init; } = WorkItemStatus.NotStarted;

    public Progress Progress { get; init; } = Progress.None;

    /// <summary>The date promised to someone outside the team; slipping past it is what a TPM reports.</summary>
    public DateOnly? Committed { get; init; }

    public Constraint Constraint { get; init; } = Constraint.AsSoonAsPossible;

    /// <summary>The directly responsible individual: the person to ask about this item.</summary>
    public PersonId? Owner { get; init; }

    /// <summary>A link to the item's ticket or document (an absolute URL).</summary>
    public string? Link { get; init; }

    /// <summary>A target finish that does not move the schedule but shows as negative slack when missed.</summary>
    public DateTime? Deadline { get; init; }

    public CalendarId? Calendar { get; init; }

    /// <summary>Decisions this item waits on.</summary>
    public IReadOnlyList<DecisionId> WaitsOn { get; init; } = [];

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The forecast distribution of this item's duration; null takes its team's or the program's.</summary>
    public DurationDistribution? Distribution { get; init; }

    /// <summary>The problem this work solves, in the product manager's words.</summary>
    public string? Problem { get; init; }

    /// <summary>A link to the product requirements document.</summary>
    public string? Prd { get; init; }

    /// <summary>Requirements the work must meet, one sentence each.</summary>
    public IReadOnlyList<string> Requirements { get; init; } = [];

    public RiceScore? Rice { get; init; }

    public WsjfScore? Wsjf { get; init; }

    public bool IsMilestone => Kind == WorkItemKind.Milestone;

    /// <summary>Done, but without an actual start and finish: its dates are guessed from the plan, so its slack means nothing and is not reported.</summary>
    public bool IsDoneWithoutActuals => Status == WorkItemStatus.Done && !IsMilestone && (Progress.ActualStart is null || Progress.ActualFinish is null);
}
