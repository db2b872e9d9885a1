namespace Throughline.Domain;

/// <summary>
/// Who works on an item: a team or a person (exactly one), with <see cref="Units"/> in percent of one full-time
/// person (100 = one person full time, 250 = two and a half people from a team).
/// </summary>
public sealed record Assignment
{
    private Assignment(TeamId? team, PersonId? person, double units)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(units);
        Team = team;
        Person = person;
        Units = units;
    }

    public TeamId? Team { get; }

    public PersonId? Person { get; }

    public double Units { get; }

    public static Assignment ToTeam(TeamId team, double units = 100) => new(team, null, units);

    public static Assignment ToPerson(PersonId person, double units = 100) => new(null, person, units);
}
