namespace Throughline.Domain.Roles;

/// <summary>
/// Something a program needs someone to do. Each responsibility has one owning role (see
/// <see cref="Responsibilities.OwnerOf"/>): the product manager owns what and why, the engineering manager how and
/// who, the TPM how and when across teams. The order is the order reports list them in.
/// </summary>
public enum Responsibility
{
    Objectives,
    Requirements,
    Priorities,
    ProductMetrics,
    Staffing,
    TechnicalDecisions,
    QualityAndOnCall,
    Dependencies,
    Milestones,
    Schedule,
    Risks,
    StatusReporting,
}

/// <summary>The fixed mapping from responsibility to owning role, and the words used to show them.</summary>
public static class Responsibilities
{
    /// <summary>The three roles that own responsibilities, in the order they are shown.</summary>
    public static readonly IReadOnlyList<FunctionalRole> OwningRoles = [FunctionalRole.ProductManager, FunctionalRole.EngineeringManager, FunctionalRole.ProgramManager];

    public static IReadOnlyList<Responsibility> All { get; } = Enum.GetValues<Responsibility>();

    public static FunctionalRole OwnerOf(Responsibility responsibility) => responsibility switch
    {
        Responsibility.Objectives or Responsibility.Requirements or Responsibility.Priorities or Responsibility.ProductMetrics => FunctionalRole.ProductManager,
        Responsibility.Staffing or Responsibility.TechnicalDecisions or Responsibility.QualityAndOnCall => FunctionalRole.EngineeringManager,
        Responsibility.Dependencies or Responsibility.Milestones or Responsibility.Schedule or Responsibility.Risks or Responsibility.StatusReporting => FunctionalRole.ProgramManager,
    };

    public static IEnumerable<Responsibility> OwnedBy(FunctionalRole role) => All.Where(r => OwnerOf(r) == role);

    public static string Describe(Responsibility responsibility) => responsibility switch
    {
        Responsibility.Objectives => "objectives",
        Responsibility.Requirements => "requirements",
        Responsibility.Priorities => "priorities",
        Responsibility.ProductMetrics => "product metrics",
        Responsibility.Staffing => "staffing",
        Responsibility.TechnicalDecisions => "technical decisions",
        Responsibility.QualityAndOnCall => "quality and on-call",
        Responsibility.Dependencies => "cross-team dependencies",
        Responsibility.Milestones => "milestones",
        Responsibility.Schedule => "schedule",
        Responsibility.Risks => "risks",
        Responsibility.StatusReporting => "status reporting",
    };

    /// <summary>"product manager", "engineering manager", "TPM", or the role's plain name for the others.</summary>
    public static string RoleName(FunctionalRole role) => role switch
    {
        FunctionalRole.ProductManager => "product manager",
        FunctionalRole.EngineeringManager => "engineering manager",
        FunctionalRole.ProgramManager => "TPM",
        FunctionalRole.Engineer => "engineer",
        FunctionalRole.Designer => "designer",
        FunctionalRole.Executive => "executive",
        FunctionalRole.Other => "person",
    };

    /// <summary>The short form used in tables: PM, EM, TPM.</summary>
    public static string RoleAbbreviation(FunctionalRole role) => role switch
    {
        FunctionalRole.ProductManager => "PM",
        FunctionalRole.EngineeringManager => "EM",
        FunctionalRole.ProgramManager => "TPM",
        _ => RoleName(role),
    };
}
