namespace Throughline.Domain;

/// <summary>
/// A team that owns work. Its capacity is the sum of its members' weekly capacity, unless <see cref="Capacity"/>
/// states it directly (for a team whose members are not listed one by one); <see cref="KtloPercent"/> of it goes to
/// keep-the-lights-on work and is not available to the program.
/// </summary>
public sealed record Team(TeamId Id, string Name)
{
    public PersonId? Lead { get; init; }

    public CalendarId? Calendar { get; init; }

    /// <summary>Weekly capacity stated for the whole team, overriding the sum of its members.</summary>
    public WorkDuration? Capacity { get; init; }

    /// <summary>Share of the team's capacity spent on keep-the-lights-on work, 0 to 100.</summary>
    public double KtloPercent { get; init; }

    /// <summary>The forecast distribution for this team's items that do not choose one; null takes the program's.</summary>
    public DurationDistribution? Distribution { get; init; }

    /// <summary>The forecast spread of this team's single-value estimates; null takes the program's.</summary>
    public Uncertainty? Uncertainty { get; init; }
}
