using Throughline.Domain;
using Throughline.Domain.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Throughline.Interop.Plan;

// Projects, their nested work items and milestones, and the dependencies written on each successor.
public static partial class PlanReader
{
    private sealed partial class Reader
    {
        private static readonly string[] ProjectFields = ["id", "name", "description", "team", "product-manager", "engineering-manager", "tpm", "objectives", "budget", "items", "problem", "prd"];
        private static readonly string[] ItemFields =
        [
            "id", "name", "description", "milestone", "estimate", "effort", "team", "people", "status", "actual-start", "actual-finish",
            "percent-complete", "remaining", "committed", "constraint", "deadline", "calendar", "depends-on", "waits-on", "tags", "items",
            "problem", "prd", "requirements", "rice", "wsjf", "distribution", "owner", "link",
        ];

        private static readonly string[] EstimateFields = ["optimistic", "likely", "pessimistic"];
        private static readonly string[] ConstraintFields = ["type", "date"];
        private static readonly string[] DependencyFields = ["item", "type", "lag", "need-by", "note"];

        private readonly List<WorkItem> items = [];
        private readonly List<Dependency> dependencies = [];

        private List<Project> ReadProjects(YamlFields root)
        {
            var projects = new List<Project>();
            var node = root.Get("projects");
            if (node is null)
            {
                return projects;
            }

            if (Expect<YamlSequenceNode>(node, "'projects'") is not { } sequence)
            {
                return projects;
            }

            foreach (var entry in sequence.Children)
            {
                if (Expect<YamlMappingNode>(entry, "a project") is not { } mapping)
                {
                    continue;
                }

                var f = new YamlFields(context, mapping, "a project", ProjectFields, (EntityKind.Project, projects.Count));
                var id = f.String("id", required: true);
                var name = f.String("name", required: true);
                var projectId = new ProjectId(id?.Trim() ?? $"project-{projects.Count + 1}");
                ReadItems(f, projectId, parent: null);
                if (id is null || name is null)
                {
                    continue;
                }

                projects.Add(WithProduct(new Project(projectId, name.Trim())
                {
                    Description = Text(f.String("description")),
                    OwningTeam = TeamRef(f.String("team")),
                    ProductManager = PersonRef(f.String("product-manager")),
                    EngineeringManager = PersonRef(f.String("engineering-manager")),
                    ProgramManager = PersonRef(f.String("tpm")),
                    Objectives = f.Ids("objectives").Select(o => new ObjectiveId(o)).ToList(),
                    Budget = f.Money("budget"),
                }, f));
            }

            return projects;
        }

        private void ReadItems(YamlFields owner, ProjectId project, WorkItemId? parent)
        {
            foreach (var entry in owner.List("items"))
            {
                if (Expect<YamlMappingNode>(entry, "a work item") is { } mapping)
                {
                    ReadItem(mapping, project, parent);
                }
            }
        }

        private void ReadItem(YamlMappingNode node, ProjectId project, WorkItemId? parent)
        {
            var index = items.Count;
            var f = new YamlFields(context, node, "a work item", ItemFields, (EntityKind.WorkItem, index));
            var id = f.String("id", required: true);
            var name = f.String("name", required: true);
            var itemId = new WorkItemId(id?.Trim() ?? $"#{index + 1}");
            var milestone = f.Boolean("milestone") ?? false;
            var constraint = ReadConstraint(f);
            var assignments = new List<Assignment>();
            if (f.String("team") is { } team && SplitUnits(team, f.Get("team")!) is { } teamUnits)
            {
                assignments.Add(Assignment.ToTeam(new TeamId(teamUnits.Id), teamUnits.Units));
            }

            foreach (var personNode in f.List("people"))
            {
                if (personNode is YamlScalarNode { Value: { } text } && SplitUnits(text, personNode) is { } person)
                {
                    assignments.Add(Assignment.ToPerson(new PersonId(person.Id), person.Units));
                }
                else if (personNode is not YamlScalarNode)
                {
                    context.Error(personNode, DiagnosticCodes.InvalidValue, "people: list person ids, optionally with units ('p-ana 50%')");
                }
            }

            var percent = f.Percent("percent-complete");
            var item = new WorkItem(itemId, name?.Trim() ?? itemId.Value, project)
            {
                Kind = milestone ? WorkItemKind.Milestone : WorkItemKind.Task,
                Parent = parent,
                Description = Text(f.String("description")),
                Estimate = ReadEstimate(f),
                Effort = f.Duration("effort"),
                Assignments = assignments,
                Status = f.Enum("status", PlanWords.Statuses) ?? WorkItemStatus.NotStarted,
                Progress = new Progress
                {
                    ActualStart = f.DateTime("actual-start", endOfDay: false),
                    ActualFinish = f.DateTime("actual-finish", endOfDay: true),
                    PercentComplete = percent ?? 0,
                    Remaining = f.Duration("remaining"),
                },
                Committed = f.Date("committed"),
                Constraint = constraint ?? Constraint.AsSoonAsPossible,
                Owner = PersonRef(f.String("owner")),
                Link = ReadLink(f),
                Deadline = f.DateTime("deadline", endOfDay: true),
                Calendar = CalendarRef(f.String("calendar")),
                WaitsOn = f.Ids("waits-on").Select(d => new DecisionId(d)).ToList(),
                Tags = f.Ids("tags"),
                Distribution = ReadDistribution(f),
            };
            items.Add(WithProduct(item, f));
            foreach (var dependencyNode in f.List("depends-on"))
            {
                ReadDependency(dependencyNode, itemId);
            }

            ReadItems(f, project, itemId);
        }

        private Estimate? ReadEstimate(YamlFields f, string key = "estimate")
        {
            var node = f.Get(key);
            switch (node)
            {
                case null:
                    return null;
                case YamlScalarNode:
                    return f.Duration(key) is { } single ? Estimate.Single(single) : null;
                case YamlMappingNode mapping:
                    var e = new YamlFields(context, mapping, "a three-point estimate", EstimateFields);
                    var optimistic = e.Duration("optimistic");
                    var likely = e.Duration("likely");
                    var pessimistic = e.Duration("pessimistic");
                    foreach (var missing in EstimateFields.Where(k => !e.Has(k)))
                    {
                        context.Error(mapping, DiagnosticCodes.MissingField, $"a three-point estimate needs '{missing}'");
                    }

                    if (optimistic is null || likely is null || pessimistic is null)
                    {
                        return null;
                    }

                    if (optimistic > likely || likely > pessimistic)
                    {
                        context.Error(mapping, DiagnosticCodes.InvalidDuration, $"{key}: optimistic <= likely <= pessimistic is required");
                        return null;
                    }

                    return new Estimate(optimistic.Value, likely.Value, pessimistic.Value);
                default:
                    context.Error(node, DiagnosticCodes.InvalidValue, $"{key}: a duration ('5d') or {{ optimistic, likely, pessimistic }}");
                    return null;
            }
        }

        private Constraint? ReadConstraint(YamlFields f)
        {
            var node = f.Get("constraint");
            string? typeText;
            string? dateText;
            YamlNode? dateNode;
            switch (node)
            {
                case null:
                    return null;
                case YamlScalarNode { Value: { } text }:
                    var parts = text.Trim().Split(' ', 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                    typeText = parts.Length > 0 ? parts[0] : string.Empty;
                    dateText = parts.Length > 1 ? parts[1] : null;
                    dateNode = node;
                    break;
                case YamlMappingNode mapping:
                    var c = new YamlFields(context, mapping, "a constraint", ConstraintFields);
                    typeText = c.String("type", required: true) ?? string.Empty;
                    dateText = c.String("date");
                    dateNode = c.Get("date") ?? mapping;
                    break;
                default:
                    context.Error(node, DiagnosticCodes.InvalidValue, "constraint: write 'snet 2027-05-03' or { type: snet, date: 2027-05-03 }");
                    return null;
            }

            if (!PlanWords.Constraints.TryGetValue(typeText.ToLowerInvariant(), out var type))
            {
                context.Error(node, DiagnosticCodes.InvalidValue, $"constraint: '{typeText}' is not one of {string.Join(", ", PlanWords.Constraints.Keys)}");
                return null;
            }

            var needsDate = type is not (ConstraintType.AsSoonAsPossible or ConstraintType.AsLateAsPossible);
            if (!needsDate)
            {
                if (dateText is not null)
                {
                    context.Error(dateNode, DiagnosticCodes.InvalidValue, $"constraint: '{typeText}' takes no date");
                }

                return new Constraint(type, null);
            }

            if (dateText is null)
            {
                context.Error(node, DiagnosticCodes.MissingField, $"constraint: '{typeText}' needs a date, e.g. '{typeText} 2027-05-03'");
                return null;
            }

            var date = PlanValues.DateTime(dateText, PlanWords.FinishesOn(type), out var error);
            if (date is null)
            {
                context.Error(dateNode, DiagnosticCodes.InvalidDate, $"constraint: {error}");
                return null;
            }

            return new Constraint(type, date);
        }

        private string? ReadLink(YamlFields f)
        {
            var text = Text(f.String("link"));
            if (text is not null && !(Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            {
                context.Error(f.Get("link")!, DiagnosticCodes.InvalidValue, $"link: '{text}' is not an http(s) URL; write the full address, e.g. https://tracker.example.com/browse/API-12");
                return null;
            }

            return text;
        }

        private void ReadDependency(YamlNode node, WorkItemId successor)
        {
            string? predecessor;
            DateOnly? needBy = null;
            string? note = null;
            var type = DependencyType.FinishToStart;
            var lag = Lag.None;
            switch (node)
            {
                case YamlScalarNode { Value: { } text }:
                    // "pred", "pred SS", "pred FF+2d", "pred FS -1d", "pred +3ed": the id, then type and signed lag.
                    var trimmed = text.Trim();
                    var space = trimmed.IndexOfAny([' ', '\t']);
                    predecessor = space < 0 ? trimmed : trimmed[..space];
                    var rest = space < 0 ? string.Empty : trimmed[(space + 1)..].Replace(" ", string.Empty, StringComparison.Ordinal);
                    if (rest.Length >= 2 && PlanWords.DependencyTypes.TryGetValue(rest[..2].ToLowerInvariant(), out var shortType))
                    {
                        type = shortType;
                        rest = rest[2..];
                    }

                    if (rest.Length > 0)
                    {
                        if (rest[0] is not ('+' or '-') || PlanValues.Lag(rest, context.Units, out var error) is not { } shortLag)
                        {
                            context.Error(node, DiagnosticCodes.InvalidValue, $"depends-on: '{text}' is not a dependency; write 'ID', 'ID SS', 'ID FF+2d' or 'ID FS-1d' (types FS, SS, FF, SF)");
                            return;
                        }

                        lag = shortLag;
                    }

                    break;
                case YamlMappingNode mapping:
                    var f = new YamlFields(context, mapping, "a dependency", DependencyFields);
                    predecessor = f.String("item", required: true)?.Trim();
                    needBy = f.Date("need-by");
                    note = Text(f.String("note"));
                    if (f.Has("type"))
                    {
                        var parsed = f.Enum("type", PlanWords.DependencyTypes);
                        if (parsed is null)
                        {
                            return;
                        }

                        type = parsed.Value;
                    }

                    if (f.Has("lag"))
                    {
                        var parsedLag = f.Parse("lag", (string t, out string? e) => PlanValues.Lag(t, context.Units, out e), DiagnosticCodes.InvalidDuration);
                        if (parsedLag is null)
                        {
                            return;
                        }

                        lag = parsedLag.Value;
                    }

                    break;
                default:
                    context.Error(node, DiagnosticCodes.InvalidValue, "depends-on: each entry is an id, 'ID TYPE+LAG', or { item, type, lag }");
                    return;
            }

            if (string.IsNullOrEmpty(predecessor))
            {
                return;
            }

            context.SourceMap.AddEntity(EntityKind.Dependency, dependencies.Count, context.Locate(node));
            dependencies.Add(new Dependency(new WorkItemId(predecessor), successor, type, lag) { NeedBy = needBy, Note = note });
        }

        /// <summary>"platform 200%" is the team with two people's worth of units; "platform" alone is 100%.</summary>
        private (string Id, double Units)? SplitUnits(string text, YamlNode node)
        {
            var parts = text.Trim().Split(' ', 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0)
            {
                return null;
            }

            if (parts.Length == 1)
            {
                return (parts[0], 100);
            }

            var units = PlanValues.Percent(parts[1], out var error, max: 10_000);
            if (units is null)
            {
                context.Error(node, DiagnosticCodes.InvalidValue, $"units: {error}");
                return null;
            }

            return (parts[0], units.Value);
        }
    }
}
