namespace Throughline.Domain;

public enum TechDecisionStatus
{
    Proposed,
    Accepted,
    Rejected,
    Superseded,
    Deprecated,
}

/// <summary>
/// A technical decision record (an ADR): the <see cref="Context"/> that forced a choice, the <see cref="Outcome"/>
/// taken, and its <see cref="Consequences"/>, linked to the work items it shapes. Unlike a <see cref="Decision"/> in
/// the decision log (a question someone must settle by a date), a record documents a choice engineering has made, so
/// that the next person knows why things are as they are.
/// </summary>
public sealed record TechnicalDecisionRecord(TechDecisionId Id, string Title)
{
    public TechDecisionStatus Status { get; init; } = TechDecisionStatus.Accepted;

    public DateOnly? Date { get; init; }

    public PersonId? Author { get; init; }

    public string? Context { get; init; }

    /// <summary>What was decided (the "Decision" section of an ADR).</summary>
    public string? Outcome { get; init; }

    public string? Consequences { get; init; }

    /// <summary>The record this one replaces, if any.</summary>
    public TechDecisionId? Supersedes { get; init; }

    public IReadOnlyList<WorkItemId> Items { get; init; } = [];
}
