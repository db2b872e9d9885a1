namespace Throughline.Domain.Roles;

/// <summary>How a responsibility came to be covered, or that it is not.</summary>
public enum CoverageSource
{
    /// <summary>The project names someone in the owning role (product-manager, engineering-manager, tpm).</summary>
    RoleHolder,

    /// <summary>Nobody in the role, but someone else does it de facto: the owner of the project's objectives, or the owning team's lead.</summary>
    StandIn,

    /// <summary>Nobody covers it.</summary>
    Uncovered,
}

/// <summary>Who covers one responsibility of one project; <see cref="Person"/> is null when nobody does.</summary>
public sealed record ResponsibilityCoverage(Responsibility Responsibility, PersonId? Person, CoverageSource Source, string? Note = null)
{
    public FunctionalRole OwningRole => Responsibilities.OwnerOf(Responsibility);

    public bool IsCovered => Person is not null;
}

/// <summary>Every responsibility of one project, in <see cref="Responsibilities.All"/> order.</summary>
public sealed record ProjectCoverage(ProjectId Project, IReadOnlyList<ResponsibilityCoverage> Responsibilities)
{
    public ResponsibilityCoverage this[Responsibility responsibility] => Responsibilities.First(r => r.Responsibility == responsibility);
}

/// <summary>
/// One responsibility across the whole program: who covers it in which projects, and the projects where nobody does.
/// </summary>
public sealed record ProgramResponsibilityCoverage(Responsibility Responsibility, IReadOnlyList<PersonId> People, IReadOnlyList<ProjectId> UncoveredIn);

/// <summary>The kinds of role gap <see cref="RoleCoverageAnalyzer"/> reports.</summary>
public enum RoleGapKind
{
    /// <summary>A project without a product manager: nobody owns what and why.</summary>
    NoProductManager,

    /// <summary>A project without an engineering manager.</summary>
    NoEngineeringManager,

    /// <summary>A project without a TPM (and no cross-team dependencies, else <see cref="UnownedCrossTeamDependencies"/>).</summary>
    NoProgramManager,

    /// <summary>A project with dependencies to or from other projects, and no TPM to own them.</summary>
    UnownedCrossTeamDependencies,

    /// <summary>The same person is engineering manager and TPM of a project, or an engineering manager by role acts as a TPM.</summary>
    EngineeringManagerActsAsProgramManager,

    /// <summary>One person holds two of the three roles on a project (other than EM and TPM, which has its own kind).</summary>
    TwoRolesOnePerson,

    /// <summary>One person holds all three roles, on one project or across the program.</summary>
    ThreeRolesOnePerson,
}

/// <summary>Someone already in the program who could cover a gap for a while, and why them.</summary>
public sealed record CoverSuggestion(PersonId Person, IReadOnlyList<string> Reasons);

/// <summary>A role gap: what is missing (or doubled up), where, and who could cover it.</summary>
public sealed record RoleGap(RoleGapKind Kind, ProjectId? Project, string Message)
{
    /// <summary>The person the gap is about, when it is about one (the person covering two or three roles).</summary>
    public PersonId? Person { get; init; }

    /// <summary>The role the suggestions are for.</summary>
    public FunctionalRole? MissingRole { get; init; }

    public IReadOnlyList<CoverSuggestion> Suggestions { get; init; } = [];
}

/// <summary>What <c>tl roles</c> shows: coverage per project, per responsibility across the program, and the gaps.</summary>
public sealed record CoverageReport(IReadOnlyList<ProjectCoverage> Projects, IReadOnlyList<ProgramResponsibilityCoverage> Program, IReadOnlyList<RoleGap> Gaps);
