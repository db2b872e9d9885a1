namespace Throughline.Domain.Governance;

public enum Cadence
{
    Weekly,
    Biweekly,
    Monthly,
    Quarterly,
}

/// <summary>A recurring decision forum: the weekly program review, the monthly steering committee.</summary>
public sealed record Forum(ForumId Id, string Name, Cadence Cadence)
{
    /// <summary>The weekday it meets on (for monthly and quarterly: the first such weekday of the month).</summary>
    public DayOfWeek Day { get; init; } = DayOfWeek.Tuesday;

    public TimeOnly Time { get; init; } = new(10, 0);

    public int DurationMinutes { get; init; } = 60;

    public PersonId? Chair { get; init; }

    public IReadOnlyList<PersonId> Members { get; init; } = [];

    public string? Purpose { get; init; }
}
