namespace Throughline.Domain;

public enum DecisionStatus
{
    Open,
    Decided,
    Deferred,
    Cancelled,
}

/// <summary>
/// An entry in the decision log: a question that a named person must settle by a date, in a forum, and the work
/// that waits on it (<see cref="Blocks"/>). An open decision past its due date that blocks critical work is escalated.
/// </summary>
public sealed record Decision(DecisionId Id, string Question)
{
    public IReadOnlyList<string> Options { get; init; } = [];

    public string? Recommendation { get; init; }

    public PersonId? Decider { get; init; }

    public ForumId? Forum { get; init; }

    public DateOnly? Due { get; init; }

    public DecisionStatus Status { get; init; } = DecisionStatus.Open;

    public string? Outcome { get; init; }

    public string? Rationale { get; init; }

    public DateOnly? DecidedOn { get; init; }

    public IReadOnlyList<WorkItemId> Blocks { get; init; } = [];
}
