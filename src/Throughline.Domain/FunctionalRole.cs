namespace Throughline.Domain;

/// <summary>What a person does in the organisation, whatever project they are on.</summary>
public enum FunctionalRole
{
    /// <summary>Owns what and why: objectives, requirements, roadmap, product metrics.</summary>
    ProductManager,

    /// <summary>Owns how and who: the team, staffing, technical decisions, quality, on-call.</summary>
    EngineeringManager,

    /// <summary>Owns how and when across teams: dependencies, milestones, risks, governance, status.</summary>
    ProgramManager,

    Engineer,
    Designer,
    Executive,
    Other,
}
