namespace Throughline.Domain.Governance;

/// <summary>
/// One step of the escalation path: who (a person or a forum) takes an issue at this level, and how fast they are
/// expected to respond, in elapsed hours.
/// </summary>
public sealed record EscalationLevel(int Level, string Name)
{
    public PersonId? Contact { get; init; }

    public ForumId? Forum { get; init; }

    public int ResponseHours { get; init; } = 48;
}
