namespace Throughline.Domain;

/// <summary>
/// A project in the program, owned by one team, judged on time, scope and budget. The three role holders may be
/// missing (a project with no product manager is common, and <c>tl roles</c> flags it) or the same person.
/// </summary>
public sealed record Project(ProjectId Id, string Name)
{
    public string? Description { get; init; }

    /// <summary>The problem the project solves, in the product manager's words.</summary>
    public string? Problem { get; init; }

    /// <summary>A link to the product requirements document.</summary>
    public string? Prd { get; init; }

    public TeamId? OwningTeam { get; init; }

    /// <summary>Owns what and why.</summary>
    public PersonId? ProductManager { get; init; }

    /// <summary>Owns how and who.</summary>
    public PersonId? EngineeringManager { get; init; }

    /// <summary>Owns how and when across teams.</summary>
    public PersonId? ProgramManager { get; init; }

    /// <summary>The objectives this project is expected to move.</summary>
    public IReadOnlyList<ObjectiveId> Objectives { get; init; } = [];

    /// <summary>Total approved budget, if one was set; budget lines break it down by period.</summary>
    public Money? Budget { get; init; }
}
