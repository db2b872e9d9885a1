using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Throughline.Interop.Plan;
using Throughline.Storage.Rows;
using YamlDotNet.RepresentationModel;

namespace Throughline.Storage.Plans;

/// <summary>
/// A whole program as rows, in memory: what a program is split into to be stored, and what is put back together into
/// plan YAML to be read (and validated) by <see cref="PlanReader"/> as a domain <see cref="Domain.Program"/>.
/// </summary>
/// <remarks>
/// Going through the plan format both ways means one reader and one writer define the model's meaning for files, the
/// API and the database; there is no second mapping to drift. A domain program becomes rows by
/// <see cref="PlanWriter"/>'s YAML split at entity boundaries; rows become a domain program by joining them into
/// that YAML again.
/// </remarks>
public sealed partial class PlanRows
{
    public JsonObject Program { get; set; } = [];

    public JsonObject Sections { get; set; } = [];

    public List<ObjectiveRow> Objectives { get; } = [];

    public List<TeamRow> Teams { get; } = [];

    public List<PersonRow> People { get; } = [];

    public List<ProjectRow> Projects { get; } = [];

    /// <summary>Items of every project in plan order: parents before children.</summary>
    public List<WorkItemRow> WorkItems { get; } = [];

    public List<DependencyRow> Dependencies { get; } = [];

    public List<RiskRow> Risks { get; } = [];

    public List<DecisionRow> Decisions { get; } = [];

    public List<BudgetLineRow> BudgetLines { get; } = [];

    public string ProgramKey => Program["id"]?.ToString() ?? "";

    /// <summary>Splits a domain program into rows (not yet in any database).</summary>
    public static PlanRows FromProgram(Domain.Program program)
    {
        ArgumentNullException.ThrowIfNull(program);
        var stream = new YamlStream();
        stream.Load(new StringReader(PlanWriter.Write(program)));
        return FromYaml((YamlMappingNode)stream.Documents[0].RootNode);
    }

    /// <summary>Reads every row of a stored program, untracked.</summary>
    public static async Task<PlanRows> LoadAsync(ThroughlineDb db, ProgramRow program, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(program);
        var rows = new PlanRows { Program = YamlJson.ParseObject(program.Fields), Sections = YamlJson.ParseObject(program.Sections) };
        var id = program.Id;
        rows.Objectives.AddRange(await db.Objectives.AsNoTracking().Where(r => r.ProgramId == id).OrderBy(r => r.Ordinal).ToListAsync(cancellationToken));
        rows.Teams.AddRange(await db.Teams.AsNoTracking().Where(r => r.ProgramId == id).OrderBy(r => r.Ordinal).ToListAsync(cancellationToken));
        rows.People.AddRange(await db.People.AsNoTracking().Where(r => r.ProgramId == id).OrderBy(r => r.Ordinal).ToListAsync(cancellationToken));
        rows.Projects.AddRange(await db.Projects.AsNoTracking().Where(r => r.ProgramId == id).OrderBy(r => r.Ordinal).ToListAsync(cancellationToken));
        rows.WorkItems.AddRange(await db.WorkItems.AsNoTracking().Where(r => r.ProgramId == id).OrderBy(r => r.Ordinal).ToListAsync(cancellationToken));
        rows.Dependencies.AddRange(await db.Dependencies.AsNoTracking().Where(r => r.ProgramId == id).OrderBy(r => r.Ordinal).ToListAsync(cancellationToken));
        rows.Risks.AddRange(await db.Risks.AsNoTracking().Where(r => r.ProgramId == id).OrderBy(r => r.Ordinal).ToListAsync(cancellationToken));
        rows.Decisions.AddRange(await db.Decisions.AsNoTracking().Where(r => r.ProgramId == id).OrderBy(r => r.Ordinal).ToListAsync(cancellationToken));
        rows.BudgetLines.AddRange(await db.BudgetLines.AsNoTracking().Where(r => r.ProgramId == id).OrderBy(r => r.Ordinal).ToListAsync(cancellationToken));
        return rows;
    }

    /// <summary>Every entity row, in the order they are written.</summary>
    public IEnumerable<PlanEntityRow> AllRows() =>
        [.. Objectives, .. Teams, .. People, .. Projects, .. WorkItems, .. Dependencies, .. Risks, .. Decisions, .. BudgetLines];

    /// <summary>Adds every row to <paramref name="db"/> as belonging to <paramref name="programId"/>.</summary>
    public void AddTo(ThroughlineDb db, long programId)
    {
        ArgumentNullException.ThrowIfNull(db);
        foreach (var row in AllRows())
        {
            row.Id = 0;
            row.ProgramId = programId;
            db.Add(row);
        }
    }

    /// <summary>Deletes every entity row of a program (not the program row itself).</summary>
    public static async Task DeleteAllAsync(ThroughlineDb db, long programId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Dependencies.Where(r => r.ProgramId == programId).ExecuteDeleteAsync(cancellationToken);
        await db.WorkItems.Where(r => r.ProgramId == programId).ExecuteDeleteAsync(cancellationToken);
        await db.Projects.Where(r => r.ProgramId == programId).ExecuteDeleteAsync(cancellationToken);
        await db.Objectives.Where(r => r.ProgramId == programId).ExecuteDeleteAsync(cancellationToken);
        await db.Teams.Where(r => r.ProgramId == programId).ExecuteDeleteAsync(cancellationToken);
        await db.People.Where(r => r.ProgramId == programId).ExecuteDeleteAsync(cancellationToken);
        await db.Risks.Where(r => r.ProgramId == programId).ExecuteDeleteAsync(cancellationToken);
        await db.Decisions.Where(r => r.ProgramId == programId).ExecuteDeleteAsync(cancellationToken);
        await db.BudgetLines.Where(r => r.ProgramId == programId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Reads the rows as a plan: the domain program with every diagnostic a plan file would get.</summary>
    public PlanReadResult Read() => PlanReader.Read(ToYaml(), ProgramKey + ".tl.yaml");

    /// <summary>The rows joined into one plan file.</summary>
    public string ToYaml()
    {
        var root = new YamlMappingNode();
        var program = (YamlMappingNode)YamlJson.ToYaml(Program);
        if (Objectives.Count > 0)
        {
            program.Add("objectives", new YamlSequenceNode(Objectives.Select(Node)));
        }

        root.Add("program", program);
        AddSection(root, "calendars");
        AddList(root, "teams", Teams.Select(Node));
        AddList(root, "people", People.Select(Node));
        AddSection(root, "on-call");
        var children = WorkItems.Where(i => i.ParentKey is not null).ToLookup(i => i.ParentKey!, StringComparer.Ordinal);
        var dependencies = Dependencies.ToLookup(d => d.SuccessorKey, StringComparer.Ordinal);
        var topLevel = WorkItems.Where(i => i.ParentKey is null).ToLookup(i => i.ProjectKey, StringComparer.Ordinal);
        AddList(root, "projects", Projects.Select(project =>
        {
            var node = Node(project);
            AddList(node, "items", topLevel[project.Key].Select(item => ItemNode(item, children, dependencies)));
            return node;
        }));
        AddList(root, "risks", Risks.Select(Node));
        AddList(root, "decisions", Decisions.Select(Node));
        AddList(root, "budget", BudgetLines.Select(Node));

        // Every other top-level section as it came, in plan order: a section not named here is kept, never dropped
        // (health: and earned-value: were once lost this way).
        foreach (var (name, section) in Sections)
        {
            if (name is not ("calendars" or "on-call") && section is not null)
            {
                root.Add(name, YamlJson.ToYaml(section));
            }
        }
        var stream = new YamlStream(new YamlDocument(root));
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static YamlMappingNode ItemNode(WorkItemRow item, ILookup<string, WorkItemRow> children, ILookup<string, DependencyRow> dependencies)
    {
        var node = Node(item);
        AddList(node, "depends-on", dependencies[item.Key].Select(DependsOnNode));
        AddList(node, "items", children[item.Key].Select(child => ItemNode(child, children, dependencies)));
        return node;
    }

    /// <summary>A dependency row in the long form a successor's <c>depends-on</c> takes.</summary>
    private static YamlMappingNode DependsOnNode(DependencyRow dependency)
    {
        var fields = YamlJson.ParseObject(dependency.Fields);
        var entry = new JsonObject { ["item"] = dependency.PredecessorKey };
        foreach (var (key, value) in fields)
        {
            if (key is not ("predecessor" or "successor") && value is not null)
            {
                entry[key] = value.DeepClone();
            }
        }

        return (YamlMappingNode)YamlJson.ToYaml(entry);
    }

    private static YamlMappingNode Node(PlanEntityRow row) => (YamlMappingNode)YamlJson.ToYaml(YamlJson.ParseObject(row.Fields));

    private void AddSection(YamlMappingNode root, string name)
    {
        if (Sections[name] is { } section)
        {
            root.Add(name, YamlJson.ToYaml(section));
        }
    }

    private static void AddList(YamlMappingNode node, string key, IEnumerable<YamlNode> items)
    {
        var list = items.ToList();
        if (list.Count > 0)
        {
            node.Add(key, new YamlSequenceNode(list));
        }
    }

    private static PlanRows FromYaml(YamlMappingNode root)
    {
        var rows = new PlanRows();
        foreach (var (keyNode, value) in root.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            switch (key)
            {
                case "program":
                    var program = (JsonObject)YamlJson.ToJson(value)!;
                    if (program.Remove("objectives", out var objectives) && objectives is JsonArray list)
                    {
                        rows.Objectives.AddRange(list.OfType<JsonObject>().Select(o => Keyed<ObjectiveRow>(o, rows.Objectives.Count)));
                    }

                    rows.Program = program;
                    break;
                case "teams":
                    rows.Teams.AddRange(Objects(value).Select((o, i) => Keyed<TeamRow>(o, i)));
                    break;
                case "people":
                    rows.People.AddRange(Objects(value).Select((o, i) => Keyed<PersonRow>(o, i)));
                    break;
                case "risks":
                    rows.Risks.AddRange(Objects(value).Select((o, i) => Keyed<RiskRow>(o, i)));
                    break;
                case "decisions":
                    rows.Decisions.AddRange(Objects(value).Select((o, i) => Keyed<DecisionRow>(o, i)));
                    break;
                case "budget":
                    rows.BudgetLines.AddRange(Objects(value).Select((o, i) => new BudgetLineRow
                    {
                        Key = (i + 1).ToString(CultureInfo.InvariantCulture),
                        Ordinal = i + 1,
                        ProjectKey = o["project"]?.ToString() ?? "",
                        Fields = o.ToJsonString(),
                    }));
                    break;
                case "projects":
                    foreach (var project in Objects(value))
                    {
                        var items = project["items"] as JsonArray;
                        project.Remove("items");
                        var row = Keyed<ProjectRow>(project, rows.Projects.Count);
                        rows.Projects.Add(row);
                        rows.AddItems(items, row.Key, null);
                    }

                    break;
                default:
                    rows.Sections[key] = YamlJson.ToJson(value);
                    break;
            }
        }

        return rows;
    }

    private void AddItems(JsonArray? items, string projectKey, string? parentKey)
    {
        foreach (var item in items?.OfType<JsonObject>() ?? [])
        {
            var children = item["items"] as JsonArray;
            var dependsOn = item["depends-on"] as JsonArray;
            item.Remove("items");
            item.Remove("depends-on");
            var row = Keyed<WorkItemRow>(item, WorkItems.Count);
            row.ProjectKey = projectKey;
            row.ParentKey = parentKey;
            row.IsMilestone = IsMilestone(item);
            WorkItems.Add(row);
            foreach (var entry in dependsOn ?? [])
            {
                var fields = DependencyFields(entry, row.Key);
                var number = Dependencies.Count + 1;
                Dependencies.Add(new DependencyRow
                {
                    Key = number.ToString(CultureInfo.InvariantCulture),
                    Ordinal = number,
                    PredecessorKey = fields["predecessor"]?.ToString() ?? "",
                    SuccessorKey = row.Key,
                    Fields = fields.ToJsonString(),
                });
            }

            AddItems(children, projectKey, row.Key);
        }
    }

    /// <summary>Whether an item's fields make it a milestone (<c>milestone: true</c>).</summary>
    public static bool IsMilestone(JsonObject fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return fields["milestone"] is JsonValue value
            && (value.TryGetValue<bool>(out var flag) ? flag : string.Equals(value.ToString(), "true", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A <c>depends-on</c> entry (<c>"pred"</c>, <c>"pred SS+2d"</c> or the long form) as a dependency's fields.</summary>
    private static JsonObject DependencyFields(JsonNode? entry, string successor)
    {
        var fields = new JsonObject();
        if (entry is JsonObject longForm)
        {
            fields["predecessor"] = longForm["item"]?.DeepClone();
            fields["successor"] = successor;
            if (longForm["type"] is { } type)
            {
                fields["type"] = type.DeepClone();
            }

            if (longForm["lag"] is { } lag)
            {
                fields["lag"] = lag.ToString().TrimStart('+');
            }

            return fields;
        }

        var text = entry?.ToString() ?? "";
        var match = ShortDependency().Match(text);
        fields["predecessor"] = match.Success ? match.Groups["pred"].Value : text;
        fields["successor"] = successor;
        if (match.Success && match.Groups["type"].Success)
        {
            fields["type"] = match.Groups["type"].Value.ToUpperInvariant();
        }

        if (match.Success && match.Groups["lag"].Success)
        {
            fields["lag"] = match.Groups["lag"].Value.TrimStart('+');
        }

        return fields;
    }

    private static IEnumerable<JsonObject> Objects(YamlNode node) => (YamlJson.ToJson(node) as JsonArray ?? []).OfType<JsonObject>();

    private static T Keyed<T>(JsonObject fields, int index)
        where T : PlanEntityRow, new() => new()
        {
            Key = fields["id"]?.ToString() ?? "",
            Ordinal = index + 1,
            Fields = fields.ToJsonString(),
        };

    [GeneratedRegex(@"^\s*(?<pred>\S+)(\s+(?<type>[A-Za-z]{2})(?<lag>[+-]\S+)?)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ShortDependency();
}
