using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Throughline.Domain.Diagnostics;
using Throughline.Storage.Rows;

namespace Throughline.Storage.Plans;

/// <summary>
/// One kind of plan entity as the API serves it (<c>teams</c>, <c>work-items</c>, ...): where its rows live, how a row
/// becomes the JSON the API returns (its plan-format fields, plus the structural ones a file expresses by nesting),
/// and how a request body becomes a row.
/// </summary>
public abstract partial class PlanResource
{
    private protected PlanResource(string name, string singular, EntityKind kind, bool numbered)
    {
        Name = name;
        Singular = singular;
        Kind = kind;
        Numbered = numbered;
    }

    /// <summary>The resource's path segment: <c>work-items</c>.</summary>
    public string Name { get; }

    /// <summary>What one is called in messages: <c>work item</c>.</summary>
    public string Singular { get; }

    /// <summary>The kind diagnostics use for these entities.</summary>
    public EntityKind Kind { get; }

    /// <summary>Whether the server numbers new entities (budget lines and dependencies have no id in a plan).</summary>
    public bool Numbered { get; }

    public abstract Task<List<PlanEntityRow>> ListAsync(ThroughlineDb db, long programId, CancellationToken cancellationToken);

    /// <summary>The entity's rows in a whole plan, as this resource sees them (milestones see only milestones).</summary>
    public abstract IEnumerable<PlanEntityRow> In(PlanRows plan);

    public abstract PlanEntityRow NewRow();

    /// <summary>Puts <paramref name="row"/> in the plan, replacing the row with its key or appending it.</summary>
    public abstract void Put(PlanRows plan, PlanEntityRow row);

    public abstract void Remove(PlanRows plan, string key);

    /// <summary>The row as the API shows it: its plan-format fields, its id, and its structural fields.</summary>
    public virtual JsonObject ToApi(PlanEntityRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var fields = YamlJson.ParseObject(row.Fields);
        if (!Numbered)
        {
            return fields;
        }

        var api = new JsonObject { ["id"] = row.Key };
        foreach (var (key, value) in fields)
        {
            api[key] = value?.DeepClone();
        }

        return api;
    }

    /// <summary>The row as the API shows it, with its version.</summary>
    public JsonObject ToApiWithVersion(PlanEntityRow row)
    {
        var api = ToApi(row);
        api["version"] = row!.Version;
        return api;
    }

    /// <summary>
    /// Sets <paramref name="row"/>'s fields from a request body, or returns what is wrong with the body's shape. The
    /// values themselves are checked by reading the whole plan afterwards, as a file would be.
    /// </summary>
    public Dictionary<string, string[]> Apply(JsonObject body, PlanEntityRow row, string? key)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(row);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var fields = (JsonObject)body.DeepClone();

        // The version a GET shows travels in If-Match, not in the body.
        fields.Remove("version");
        var id = fields["id"];
        if (Numbered)
        {
            fields.Remove("id");
            if (id is not null && key is not null && id.ToString() != key)
            {
                errors["id"] = [$"the id is {key}; it cannot be changed"];
            }
        }
        else if (id is not JsonValue || id.GetValueKind() != System.Text.Json.JsonValueKind.String || !IdPattern().IsMatch(id.ToString()))
        {
            if (id is null && key is not null)
            {
                var withId = new JsonObject { ["id"] = key };
                foreach (var (name, value) in fields)
                {
                    withId[name] = value?.DeepClone();
                }

                fields = withId;
            }
            else
            {
                errors["id"] = ["an id is required: letters, digits, '-', '_' and '.', at most 200 characters"];
            }
        }
        else if (key is not null && id.ToString() != key)
        {
            errors["id"] = [$"the id is {key}; to rename, create a new {Singular} and delete this one"];
        }

        Shape(fields, row, errors);
        if (errors.Count == 0)
        {
            row.Fields = fields.ToJsonString();
            row.Key = Numbered ? key ?? row.Key : fields["id"]!.ToString();
        }

        return errors;
    }

    /// <summary>Moves structural fields from the body to the row's columns and rejects fields this resource does not take.</summary>
    private protected virtual void Shape(JsonObject fields, PlanEntityRow row, Dictionary<string, string[]> errors)
    {
    }

    /// <summary>The next free number for a numbered resource, or the next position for any.</summary>
    public int NextOrdinal(PlanRows plan) => In(plan).Select(r => r.Ordinal).DefaultIfEmpty(0).Max() + 1;

    /// <summary>The next number for a numbered entity: one past the largest number used.</summary>
    public string NextKey(PlanRows plan) =>
        (In(plan).Select(r => int.TryParse(r.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1)
        .ToString(CultureInfo.InvariantCulture);

    /// <summary>Every resource, in plan order.</summary>
    public static readonly IReadOnlyList<PlanResource> All =
    [
        new Keyed<ObjectiveRow>("objectives", "objective", EntityKind.Objective, db => db.Objectives, p => p.Objectives),
        new Keyed<TeamRow>("teams", "team", EntityKind.Team, db => db.Teams, p => p.Teams),
        new Keyed<PersonRow>("people", "person", EntityKind.Person, db => db.People, p => p.People),
        new Projects(),
        new WorkItems("work-items", "work item", milestonesOnly: false),
        new WorkItems("milestones", "milestone", milestonesOnly: true),
        new Dependencies(),
        new Keyed<RiskRow>("risks", "risk", EntityKind.Risk, db => db.Risks, p => p.Risks),
        new Keyed<DecisionRow>("decisions", "decision", EntityKind.Decision, db => db.Decisions, p => p.Decisions),
        new BudgetLines(),
    ];

    /// <summary>Ids as the plan format allows them, and short enough for an index and a URL.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,200}$", RegexOptions.CultureInvariant)]
    internal static partial Regex IdPattern();

    private protected static string? Text(JsonObject fields, string name) =>
        fields[name] is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.ToString() : null;

    private class Typed<T>(string name, string singular, EntityKind kind, bool numbered, Func<ThroughlineDb, DbSet<T>> set, Func<PlanRows, List<T>> list)
        : PlanResource(name, singular, kind, numbered)
        where T : PlanEntityRow, new()
    {
        public override Task<List<PlanEntityRow>> ListAsync(ThroughlineDb db, long programId, CancellationToken cancellationToken) =>
            Filter(set(db).AsNoTracking().Where(r => r.ProgramId == programId)).OrderBy(r => r.Ordinal).Cast<PlanEntityRow>().ToListAsync(cancellationToken);

        public override IEnumerable<PlanEntityRow> In(PlanRows plan) => list(plan).Where(Includes);

        public override PlanEntityRow NewRow() => new T();

        public override void Put(PlanRows plan, PlanEntityRow row)
        {
            var rows = list(plan);
            var index = rows.FindIndex(r => r.Key == row.Key);
            if (index >= 0)
            {
                rows[index] = (T)row;
            }
            else
            {
                rows.Add((T)row);
            }
        }

        public override void Remove(PlanRows plan, string key) => list(plan).RemoveAll(r => r.Key == key);

        private protected virtual IQueryable<T> Filter(IQueryable<T> rows) => rows;

        private protected virtual bool Includes(T row) => true;
    }

    private sealed class Keyed<T>(string name, string singular, EntityKind kind, Func<ThroughlineDb, DbSet<T>> set, Func<PlanRows, List<T>> list)
        : Typed<T>(name, singular, kind, numbered: false, set, list)
        where T : PlanEntityRow, new();

    private sealed class Projects() : Typed<ProjectRow>("projects", "project", EntityKind.Project, numbered: false, db => db.Projects, p => p.Projects)
    {
        private protected override void Shape(JsonObject fields, PlanEntityRow row, Dictionary<string, string[]> errors)
        {
            if (fields.ContainsKey("items"))
            {
                errors["items"] = ["a project's items are work items of their own: create them under /work-items with this project"];
            }
        }
    }

    private sealed class WorkItems(string name, string singular, bool milestonesOnly)
        : Typed<WorkItemRow>(name, singular, EntityKind.WorkItem, numbered: false, db => db.WorkItems, p => p.WorkItems)
    {
        public override JsonObject ToApi(PlanEntityRow row)
        {
            var item = (WorkItemRow)row;
            var api = base.ToApi(row);
            api.Insert(Math.Min(2, api.Count), "project", item.ProjectKey);
            if (item.ParentKey is { } parent)
            {
                api.Insert(Math.Min(3, api.Count), "parent", parent);
            }

            return api;
        }

        private protected override IQueryable<WorkItemRow> Filter(IQueryable<WorkItemRow> rows) => milestonesOnly ? rows.Where(r => r.IsMilestone) : rows;

        private protected override bool Includes(WorkItemRow row) => !milestonesOnly || row.IsMilestone;

        private protected override void Shape(JsonObject fields, PlanEntityRow row, Dictionary<string, string[]> errors)
        {
            var item = (WorkItemRow)row;
            if (Text(fields, "project") is { } project)
            {
                item.ProjectKey = project;
            }
            else
            {
                errors["project"] = ["the project the item belongs to is required"];
            }

            item.ParentKey = fields["parent"] is null ? null : Text(fields, "parent");
            if (fields["parent"] is not null && item.ParentKey is null)
            {
                errors["parent"] = ["the parent is the id of another work item"];
            }

            fields.Remove("project");
            fields.Remove("parent");
            if (fields.ContainsKey("items"))
            {
                errors["items"] = ["child items are work items of their own, with this item as their parent"];
            }

            if (fields.ContainsKey("depends-on"))
            {
                errors["depends-on"] = ["dependencies are a resource of their own: create them under /dependencies"];
            }

            if (milestonesOnly)
            {
                fields["milestone"] = true;
            }

            item.IsMilestone = PlanRows.IsMilestone(fields);
        }
    }

    private sealed class Dependencies() : Typed<DependencyRow>("dependencies", "dependency", EntityKind.Dependency, numbered: true, db => db.Dependencies, p => p.Dependencies)
    {
        private static readonly string[] Known = ["predecessor", "successor", "type", "lag"];

        private protected override void Shape(JsonObject fields, PlanEntityRow row, Dictionary<string, string[]> errors)
        {
            var dependency = (DependencyRow)row;
            foreach (var name in new[] { "predecessor", "successor" })
            {
                if (Text(fields, name) is null)
                {
                    errors[name] = [$"the {name}'s work item id is required"];
                }
            }

            foreach (var (name, _) in fields)
            {
                if (!Known.Contains(name))
                {
                    errors[name] = [$"unknown field '{name}' in a dependency; a dependency has: {string.Join(", ", Known)}"];
                }
            }

            dependency.PredecessorKey = Text(fields, "predecessor") ?? "";
            dependency.SuccessorKey = Text(fields, "successor") ?? "";
        }
    }

    private sealed class BudgetLines() : Typed<BudgetLineRow>("budget-lines", "budget line", EntityKind.BudgetLine, numbered: true, db => db.BudgetLines, p => p.BudgetLines)
    {
        private protected override void Shape(JsonObject fields, PlanEntityRow row, Dictionary<string, string[]> errors) =>
            ((BudgetLineRow)row).ProjectKey = Text(fields, "project") ?? "";
    }
}
