namespace Throughline.Storage.Rows;

/// <summary>
/// One entity of a program's plan, stored as the plan-format fields it has in a <c>*.tl.yaml</c> file
/// (docs/plan-format.md), as a JSON object. The plan format is the one vocabulary for files, the API and the
/// database, so a program stored here reads back through <see cref="Interop.Plan.PlanReader"/> with the same
/// validation a file gets. Columns beside <see cref="Fields"/> are what the plan's structure needs (the project an
/// item belongs to, its parent) and what queries filter on.
/// </summary>
public abstract class PlanEntityRow
{
    public long Id { get; set; }

    public long ProgramId { get; set; }

    /// <summary>The entity's id in the plan (<c>idm-build</c>); for budget lines and dependencies, which have no id in a plan file, a number given on creation.</summary>
    public string Key { get; set; } = "";

    /// <summary>Position in the plan: entities are written in this order, which keeps exports stable.</summary>
    public int Ordinal { get; set; }

    /// <summary>Concurrency token: incremented on every change; the API's ETag.</summary>
    public int Version { get; set; } = 1;

    /// <summary>The plan-format fields as a JSON object, without the structural ones kept in columns.</summary>
    public string Fields { get; set; } = "{}";
}

/// <summary>A strategic objective with its key results (under <c>program.objectives</c> in a plan).</summary>
public sealed class ObjectiveRow : PlanEntityRow;

/// <summary>A team (<c>teams</c>).</summary>
public sealed class TeamRow : PlanEntityRow;

/// <summary>A person (<c>people</c>).</summary>
public sealed class PersonRow : PlanEntityRow;

/// <summary>A project without its items (<c>projects</c>).</summary>
public sealed class ProjectRow : PlanEntityRow;

/// <summary>A risk (<c>risks</c>).</summary>
public sealed class RiskRow : PlanEntityRow;

/// <summary>A decision (<c>decisions</c>).</summary>
public sealed class DecisionRow : PlanEntityRow;
