using Throughline.Domain.Diagnostics;
using Throughline.Interop.Plan;
using YamlDotNet.RepresentationModel;

namespace Throughline.Storage.Plans;

/// <summary>
/// Turns the errors an edit would add to a plan into field messages: keyed by field name when about the entity being
/// edited, by <c>resource/id</c> when about another entity, and by <c>plan</c> otherwise. Errors the plan already had
/// are not the edit's fault and do not block it.
/// </summary>
public static class PlanErrors
{
    /// <summary>Every error of a plan read from rows, by field as <see cref="Added"/> labels them.</summary>
    public static Dictionary<string, string[]> Of(PlanReadResult plan, PlanRows rows)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Added(new PlanReadResult(null, [], new PlanSourceMap("none")), plan, rows, null, null);
    }

    internal static Dictionary<string, string[]> Added(PlanReadResult before, PlanReadResult after, PlanRows rows, PlanResource? resource, string? key)
    {
        var existing = before.Diagnostics.Where(d => d.IsError).GroupBy(d => (d.Code, d.Message)).ToDictionary(g => g.Key, g => g.Count());
        var added = new List<Diagnostic>();
        foreach (var diagnostic in after.Diagnostics.Where(d => d.IsError))
        {
            if (existing.TryGetValue((diagnostic.Code, diagnostic.Message), out var count) && count > 0)
            {
                existing[(diagnostic.Code, diagnostic.Message)] = count - 1;
            }
            else
            {
                added.Add(diagnostic);
            }
        }

        var places = added.Any(d => d.Subject is null) ? Places(rows) : [];
        return added
            .GroupBy(d => Label(d, after, rows, places, resource, key), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(d => $"{d.Message} ({d.Code})").ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Every error of a plan that could not be stored, by where it was found in the file (<c>file:line:col</c>).</summary>
    public static Dictionary<string, string[]> All(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Where(d => d.IsError)
            .GroupBy(d => d.Location?.ToString() ?? "plan", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(d => $"{d.Message} ({d.Code})").ToArray(), StringComparer.Ordinal);

    private static string Label(Diagnostic diagnostic, PlanReadResult plan, PlanRows rows, List<Place> places, PlanResource? resource, string? key)
    {
        if (diagnostic.Subject is null && diagnostic.Location is { } location)
        {
            // Errors found while reading values (a bad duration) point at a line of the joined plan, not an entity.
            var place = places.LastOrDefault(p => p.Contains(location.Line, location.Column));
            if (place is null)
            {
                return "plan";
            }

            var field = place.FieldAt(location.Line, location.Column);
            return IsEdited(place.Resource, place.Key, resource, key) ? field ?? resource!.Singular
                : place.Resource == "program" && resource is null ? field ?? "program"
                : $"{place.Resource}/{place.Key}";
        }

        if (diagnostic.Subject is not { } subject || plan.Program is not { } program)
        {
            return "plan";
        }

        string? Pick<T>(IReadOnlyList<T> list, Func<T, string> id) => subject.Index >= 0 && subject.Index < list.Count ? id(list[subject.Index]) : null;
        var (name, id) = subject.Kind switch
        {
            EntityKind.Objective => ("objectives", Pick(program.Objectives, o => o.Id.Value)),
            EntityKind.Team => ("teams", Pick(program.Teams, t => t.Id.Value)),
            EntityKind.Person => ("people", Pick(program.People, p => p.Id.Value)),
            EntityKind.Project => ("projects", Pick(program.Projects, p => p.Id.Value)),
            EntityKind.WorkItem => ("work-items", Pick(program.WorkItems, w => w.Id.Value)),
            EntityKind.Risk => ("risks", Pick(program.Risks, r => r.Id.Value)),
            EntityKind.Decision => ("decisions", Pick(program.Decisions, d => d.Id.Value)),
            EntityKind.BudgetLine => ("budget-lines", Pick(rows.BudgetLines, b => b.Key)),
            EntityKind.Dependency => ("dependencies", Pick(program.Dependencies, d =>
                rows.Dependencies.FirstOrDefault(r => r.PredecessorKey == d.Predecessor.Value && r.SuccessorKey == d.Successor.Value)?.Key ?? "")),
            EntityKind.Program or EntityKind.Forum or EntityKind.EscalationLevel or EntityKind.Calendar or EntityKind.Rotation
                or EntityKind.ProductMetric or EntityKind.TechDecision => ("program", null),
        };

        if (IsEdited(name, id, resource, key))
        {
            return subject.Field ?? resource!.Singular;
        }

        if (resource is null && name == "program")
        {
            return subject.Field ?? "program";
        }

        return id is null ? name : $"{name}/{id}";
    }

    private static bool IsEdited(string name, string? id, PlanResource? resource, string? key) =>
        resource is not null && id == key && (resource.Name == name || (resource.Name == "milestones" && name == "work-items"));

    /// <summary>Where each entity is in the joined plan, outermost first (so the last match is the innermost).</summary>
    private static List<Place> Places(PlanRows rows)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(rows.ToYaml()));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var places = new List<Place>();
        var dependencies = rows.Dependencies.ToLookup(d => d.SuccessorKey, StringComparer.Ordinal);
        foreach (var (keyNode, value) in root.Children)
        {
            var section = ((YamlScalarNode)keyNode).Value;
            var list = (value as YamlSequenceNode)?.Children.OfType<YamlMappingNode>().ToList() ?? [];
            switch (section)
            {
                case "program":
                    places.Add(new Place("program", rows.ProgramKey, (YamlMappingNode)value));
                    if (value is YamlMappingNode program && program.Children.TryGetValue(new YamlScalarNode("objectives"), out var objectives))
                    {
                        AddKeyed(places, "objectives", ((YamlSequenceNode)objectives).Children.OfType<YamlMappingNode>());
                    }

                    break;
                case "teams" or "people" or "risks" or "decisions":
                    AddKeyed(places, section, list);
                    break;
                case "budget":
                    places.AddRange(list.Select((node, i) => new Place("budget-lines", i < rows.BudgetLines.Count ? rows.BudgetLines[i].Key : "", node)));
                    break;
                case "projects":
                    foreach (var project in list)
                    {
                        places.Add(new Place("projects", Id(project), project));
                        AddItems(places, project, dependencies);
                    }

                    break;
                default:
                    places.Add(new Place("program", rows.ProgramKey, value));
                    break;
            }
        }

        return places;
    }

    private static void AddItems(List<Place> places, YamlMappingNode parent, ILookup<string, Storage.Rows.DependencyRow> dependencies)
    {
        if (!parent.Children.TryGetValue(new YamlScalarNode("items"), out var items))
        {
            return;
        }

        foreach (var item in ((YamlSequenceNode)items).Children.OfType<YamlMappingNode>())
        {
            var id = Id(item);
            places.Add(new Place("work-items", id, item));
            if (item.Children.TryGetValue(new YamlScalarNode("depends-on"), out var dependsOn))
            {
                var links = dependencies[id].ToList();
                places.AddRange(((YamlSequenceNode)dependsOn).Children.Select((node, i) => new Place("dependencies", i < links.Count ? links[i].Key : "", node)));
            }

            AddItems(places, item, dependencies);
        }
    }

    private static void AddKeyed(List<Place> places, string resource, IEnumerable<YamlMappingNode> nodes) =>
        places.AddRange(nodes.Select(node => new Place(resource, Id(node), node)));

    private static string Id(YamlMappingNode node) =>
        node.Children.TryGetValue(new YamlScalarNode("id"), out var id) ? (id as YamlScalarNode)?.Value ?? "" : "";

    /// <summary>An entity's node in the joined plan.</summary>
    private sealed record Place(string Resource, string Key, YamlNode Node)
    {
        public bool Contains(int line, int column) => Within(Node, line, column);

        /// <summary>The entity's own field whose key or value holds the position.</summary>
        public string? FieldAt(int line, int column) =>
            Node is YamlMappingNode mapping
                ? mapping.Children.Where(c => Within(c.Key, line, column) || Within(c.Value, line, column)).Select(c => ((YamlScalarNode)c.Key).Value).FirstOrDefault()
                : null;

        private static bool Within(YamlNode node, int line, int column)
        {
            var (endLine, endColumn) = Last(node);
            return (line > node.Start.Line || (line == node.Start.Line && column >= node.Start.Column))
                && (line < endLine || (line == endLine && column <= endColumn));
        }

        /// <summary>Where a node's text ends: YamlDotNet gives a collection's end as its start, so take its last scalar's.</summary>
        private static (long Line, long Column) Last(YamlNode node) => node switch
        {
            YamlMappingNode { Children.Count: > 0 } mapping => Last(mapping.Children.Last().Value),
            YamlSequenceNode { Children.Count: > 0 } sequence => Last(sequence.Children[^1]),
            _ => (node.End.Line, node.End.Column),
        };
    }
}
