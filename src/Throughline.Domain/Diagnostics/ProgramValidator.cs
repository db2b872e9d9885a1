namespace Throughline.Domain.Diagnostics;

/// <summary>
/// Checks a program for consistency and reports <em>every</em> problem at once: duplicate ids, references to
/// nothing, dependency cycles, work given to teams that have no capacity, and the like. Each diagnostic points at
/// the entity (and field) it is about, so a file reader can turn it into a line and column.
/// </summary>
public static partial class ProgramValidator
{
    public static IReadOnlyList<Diagnostic> Validate(Program program)
    {
        ArgumentNullException.ThrowIfNull(program);
        var context = new Context(program);
        context.CheckDuplicates();
        context.CheckReferences();
        context.CheckDependencies();
        context.CheckCapacity();
        context.CheckMilestones();
        context.CheckAllocations();
        context.CheckCalendarBases();
        context.CheckRanges();
        context.CheckBudgets();
        context.CheckProductAndEngineering();
        context.CheckStatusDates();
        context.CheckOwners();
        return context.Diagnostics;
    }

    private sealed partial class Context(Program program)
    {
        private readonly HashSet<string> people = program.People.Select(p => p.Id.Value).ToHashSet(StringComparer.Ordinal);
        private readonly HashSet<string> teams = program.Teams.Select(t => t.Id.Value).ToHashSet(StringComparer.Ordinal);
        private readonly HashSet<string> projects = program.Projects.Select(p => p.Id.Value).ToHashSet(StringComparer.Ordinal);
        private readonly HashSet<string> calendars = program.Calendars.Select(c => c.Id.Value).ToHashSet(StringComparer.Ordinal);
        private readonly HashSet<string> decisions = program.Decisions.Select(d => d.Id.Value).ToHashSet(StringComparer.Ordinal);
        private readonly HashSet<string> forums = program.Forums.Select(f => f.Id.Value).ToHashSet(StringComparer.Ordinal);
        private readonly HashSet<string> objectives = program.Objectives.Select(o => o.Id.Value).ToHashSet(StringComparer.Ordinal);
        private readonly Dictionary<string, int> itemIndex = FirstIndex(program.WorkItems.Select(w => w.Id.Value));

        public List<Diagnostic> Diagnostics { get; } = [];

        public void CheckDuplicates()
        {
            Duplicates(EntityKind.Objective, program.Objectives.Select(o => o.Id.Value), "objective");
            Duplicates(EntityKind.Forum, program.Forums.Select(o => o.Id.Value), "forum");
            Duplicates(EntityKind.Calendar, program.Calendars.Select(o => o.Id.Value), "calendar");
            Duplicates(EntityKind.Team, program.Teams.Select(o => o.Id.Value), "team");
            Duplicates(EntityKind.Person, program.People.Select(o => o.Id.Value), "person");
            Duplicates(EntityKind.Rotation, program.Rotations.Select(o => o.Id.Value), "on-call rotation");
            Duplicates(EntityKind.Project, program.Projects.Select(o => o.Id.Value), "project");
            Duplicates(EntityKind.WorkItem, program.WorkItems.Select(o => o.Id.Value), "work item");
            Duplicates(EntityKind.Risk, program.Risks.Select(o => o.Id.Value), "risk");
            Duplicates(EntityKind.Decision, program.Decisions.Select(o => o.Id.Value), "decision");
        }

        public void CheckReferences()
        {
            Person(program.Sponsor, EntityKind.Program, 0, "sponsor");
            Calendar(program.Calendar, EntityKind.Program, 0, "calendar");
            for (var i = 0; i < program.Objectives.Count; i++)
            {
                Person(program.Objectives[i].Owner, EntityKind.Objective, i, "owner");
            }

            for (var i = 0; i < program.Forums.Count; i++)
            {
                var forum = program.Forums[i];
                Person(forum.Chair, EntityKind.Forum, i, "chair");
                foreach (var member in forum.Members)
                {
                    Person(member, EntityKind.Forum, i, "members");
                }
            }

            for (var i = 0; i < program.EscalationPath.Count; i++)
            {
                Person(program.EscalationPath[i].Contact, EntityKind.EscalationLevel, i, "contact");
                Reference(program.EscalationPath[i].Forum?.Value, forums, "forum", EntityKind.EscalationLevel, i, "forum");
            }

            for (var i = 0; i < program.Calendars.Count; i++)
            {
                Calendar(program.Calendars[i].BaseCalendar, EntityKind.Calendar, i, "base");
            }

            for (var i = 0; i < program.Teams.Count; i++)
            {
                Person(program.Teams[i].Lead, EntityKind.Team, i, "lead");
                Calendar(program.Teams[i].Calendar, EntityKind.Team, i, "calendar");
            }

            for (var i = 0; i < program.People.Count; i++)
            {
                var person = program.People[i];
                Team(person.Team, EntityKind.Person, i, "team");
                Calendar(person.Calendar, EntityKind.Person, i, "calendar");
                foreach (var allocation in person.Allocations)
                {
                    Reference(allocation.Project.Value, projects, "project", EntityKind.Person, i, "allocations");
                }
            }

            for (var i = 0; i < program.Rotations.Count; i++)
            {
                Team(program.Rotations[i].Team, EntityKind.Rotation, i, "team");
                foreach (var member in program.Rotations[i].Members)
                {
                    Person(member, EntityKind.Rotation, i, "members");
                }
            }

            for (var i = 0; i < program.Projects.Count; i++)
            {
                var project = program.Projects[i];
                Team(project.OwningTeam, EntityKind.Project, i, "team");
                Person(project.ProductManager, EntityKind.Project, i, "product-manager");
                Person(project.EngineeringManager, EntityKind.Project, i, "engineering-manager");
                Person(project.ProgramManager, EntityKind.Project, i, "tpm");
                foreach (var objective in project.Objectives)
                {
                    Reference(objective.Value, objectives, "objective", EntityKind.Project, i, "objectives");
                }
            }

            for (var i = 0; i < program.WorkItems.Count; i++)
            {
                var item = program.WorkItems[i];
                Reference(item.Project.Value, projects, "project", EntityKind.WorkItem, i, "project");
                Calendar(item.Calendar, EntityKind.WorkItem, i, "calendar");
                if (item.Parent is { } parent)
                {
                    Reference(parent.Value, itemIndex.Keys, "work item", EntityKind.WorkItem, i, "parent");
                }

                foreach (var assignment in item.Assignments)
                {
                    Team(assignment.Team, EntityKind.WorkItem, i, "team");
                    Person(assignment.Person, EntityKind.WorkItem, i, "people");
                }

                foreach (var decision in item.WaitsOn)
                {
                    Reference(decision.Value, decisions, "decision", EntityKind.WorkItem, i, "waits-on");
                }
            }

            for (var i = 0; i < program.Dependencies.Count; i++)
            {
                Reference(program.Dependencies[i].Predecessor.Value, itemIndex.Keys, "work item", EntityKind.Dependency, i, "item");
                Reference(program.Dependencies[i].Successor.Value, itemIndex.Keys, "work item", EntityKind.Dependency, i, "successor");
            }

            for (var i = 0; i < program.Risks.Count; i++)
            {
                Person(program.Risks[i].Owner, EntityKind.Risk, i, "owner");
                foreach (var item in program.Risks[i].LinkedItems)
                {
                    Reference(item.Value, itemIndex.Keys, "work item", EntityKind.Risk, i, "items");
                }
            }

            for (var i = 0; i < program.Decisions.Count; i++)
            {
                var decision = program.Decisions[i];
                Person(decision.Decider, EntityKind.Decision, i, "decider");
                Reference(decision.Forum?.Value, forums, "forum", EntityKind.Decision, i, "forum");
                foreach (var item in decision.Blocks)
                {
                    Reference(item.Value, itemIndex.Keys, "work item", EntityKind.Decision, i, "blocks");
                }
            }

            for (var i = 0; i < program.Budget.Count; i++)
            {
                Reference(program.Budget[i].Project.Value, projects, "project", EntityKind.BudgetLine, i, "project");
            }
        }

        public void CheckDependencies()
        {
            var edges = new List<(int From, int To)>();
            var edgeOwner = new List<int>();
            var seen = new HashSet<(int, int, DependencyType)>();
            for (var i = 0; i < program.Dependencies.Count; i++)
            {
                var dependency = program.Dependencies[i];
                if (!itemIndex.TryGetValue(dependency.Predecessor.Value, out var from) || !itemIndex.TryGetValue(dependency.Successor.Value, out var to))
                {
                    continue;
                }

                if (!seen.Add((from, to, dependency.Type)))
                {
                    Add(Severity.Warning, DiagnosticCodes.DuplicateDependency, $"'{dependency.Successor}' depends on '{dependency.Predecessor}' ({Short(dependency.Type)}) twice", EntityKind.Dependency, i, "item");
                    continue;
                }

                if (IsAncestor(from, to) || IsAncestor(to, from))
                {
                    Add(Severity.Error, DiagnosticCodes.SummaryLinkedToDescendant, $"'{dependency.Successor}' and '{dependency.Predecessor}' are a summary and its own descendant; link the summary's children instead", EntityKind.Dependency, i, "item");
                    continue;
                }

                edges.Add((from, to));
                edgeOwner.Add(i);
            }

            foreach (var cycle in DependencyCycles.Find(program.WorkItems.Count, edges))
            {
                var names = cycle.Select(n => program.WorkItems[n].Id.Value).ToList();
                // Point at the dependency that closes the cycle back to its first member: the line to look at.
                var closingTo = cycle[0];
                var closingFrom = cycle[^1];
                var dependencyIndex = edgeOwner[edges.FindIndex(e => e.From == closingFrom && e.To == closingTo)];
                Add(Severity.Error, DiagnosticCodes.DependencyCycle, DependencyCycles.Message(names), EntityKind.Dependency, dependencyIndex, "item");
            }
        }

        public void CheckCapacity()
        {
            var teamCapacity = program.Teams.ToDictionary(t => t.Id.Value, TeamCapacityMinutes, StringComparer.Ordinal);
            var reported = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < program.WorkItems.Count; i++)
            {
                foreach (var assignment in program.WorkItems[i].Assignments)
                {
                    if (assignment.Team is { } team && teamCapacity.TryGetValue(team.Value, out var minutes) && minutes <= 0 && reported.Add(team.Value))
                    {
                        Add(Severity.Error, DiagnosticCodes.TeamWithoutCapacity, $"'{program.WorkItems[i].Id}' is assigned to team '{team}', which has no capacity: give the team members with capacity, or a 'capacity'", EntityKind.WorkItem, i, "team");
                    }
                }
            }
        }

        public void CheckMilestones()
        {
            for (var i = 0; i < program.WorkItems.Count; i++)
            {
                var item = program.WorkItems[i];
                if (item.IsMilestone && item.Estimate is { } estimate && estimate.Pessimistic.Minutes > 0)
                {
                    Add(Severity.Warning, DiagnosticCodes.MilestoneWithDuration, $"milestone '{item.Id}' has an estimate; milestones take no time and it is ignored", EntityKind.WorkItem, i, "estimate");
                }
            }
        }

        public void CheckAllocations()
        {
            for (var i = 0; i < program.People.Count; i++)
            {
                var total = program.People[i].Allocations.Sum(a => a.Percent);
                if (total > 100.0001)
                {
                    Add(Severity.Warning, DiagnosticCodes.OverAllocated, $"'{program.People[i].Id}' is allocated {total:0.#}% across projects (over 100%)", EntityKind.Person, i, "allocations");
                }
            }
        }

        /// <summary>
        /// One planned total: the budget lines (what earned value, the report and the forecast count). A project's
        /// <c>budget:</c> that disagrees with the sum of its lines in its currency is a warning on that field.
        /// </summary>
        public void CheckBudgets()
        {
            for (var i = 0; i < program.Projects.Count; i++)
            {
                var project = program.Projects[i];
                if (project.Budget is not { } approved)
                {
                    continue;
                }

                var lines = program.Budget.Where(l => l.Project == project.Id && l.Planned.Currency == approved.Currency).ToList();
                var planned = lines.Sum(l => l.Planned.Amount);
                if (lines.Count > 0 && planned != approved.Amount)
                {
                    var amount = (decimal a) => a.ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture) + " " + approved.Currency;
                    Add(Severity.Warning, DiagnosticCodes.BudgetDisagreesWithLines, $"project '{project.Id}' has budget {amount(approved.Amount)} but its budget lines plan {amount(planned)}; the lines are the planned total", EntityKind.Project, i, "budget");
                }
            }
        }

        public void CheckCalendarBases()
        {
            var index = FirstIndex(program.Calendars.Select(c => c.Id.Value));
            var edges = new List<(int From, int To)>();
            for (var i = 0; i < program.Calendars.Count; i++)
            {
                if (program.Calendars[i].BaseCalendar is { } baseId && index.TryGetValue(baseId.Value, out var b))
                {
                    edges.Add((i, b));
                }
            }

            foreach (var cycle in DependencyCycles.Find(program.Calendars.Count, edges))
            {
                var names = cycle.Select(n => program.Calendars[n].Id.Value).ToList();
                Add(Severity.Error, DiagnosticCodes.CalendarBaseCycle, $"calendar bases form a cycle: {string.Join(" -> ", names.Append(names[0]))}", EntityKind.Calendar, cycle[0], "base");
            }
        }

        private long TeamCapacityMinutes(Team team)
        {
            if (team.Capacity is { } stated)
            {
                return stated.Minutes;
            }

            return program.People.Where(p => p.Team == team.Id).Sum(p => p.WeeklyCapacity.Minutes);
        }

        private bool IsAncestor(int ancestor, int item)
        {
            var parent = program.WorkItems[item].Parent;
            var guard = 0;
            while (parent is { } p && itemIndex.TryGetValue(p.Value, out var parentIndex) && guard++ < program.WorkItems.Count)
            {
                if (parentIndex == ancestor)
                {
                    return true;
                }

                parent = program.WorkItems[parentIndex].Parent;
            }

            return false;
        }

        private void Duplicates(EntityKind kind, IEnumerable<string> ids, string noun)
        {
            var first = new Dictionary<string, int>(StringComparer.Ordinal);
            var index = 0;
            foreach (var id in ids)
            {
                if (!first.TryAdd(id, index))
                {
                    Diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.DuplicateId, $"duplicate {noun} id '{id}'")
                    {
                        Subject = new DiagnosticSubject(kind, index, "id"),
                        Related = new DiagnosticSubject(kind, first[id], "id"),
                    });
                }

                index++;
            }
        }

        private void Person(PersonId? id, EntityKind kind, int index, string field) => Reference(id?.Value, people, "person", kind, index, field);

        private void Team(TeamId? id, EntityKind kind, int index, string field) => Reference(id?.Value, teams, "team", kind, index, field);

        private void Calendar(CalendarId? id, EntityKind kind, int index, string field) => Reference(id?.Value, calendars, "calendar", kind, index, field);

        private void Reference(string? id, IEnumerable<string> known, string noun, EntityKind kind, int index, string field)
        {
            if (id is null || known.Contains(id))
            {
                return;
            }

            var suggestion = Suggestions.Closest(id, known);
            var hint = suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?";
            Add(Severity.Error, DiagnosticCodes.UndefinedReference, $"undefined {noun} '{id}'{hint}", kind, index, field);
        }

        private void Add(Severity severity, string code, string message, EntityKind kind, int index, string field) =>
            Diagnostics.Add(new Diagnostic(severity, code, message) { Subject = new DiagnosticSubject(kind, index, field) });

        private static string Short(DependencyType type) => type switch
        {
            DependencyType.FinishToStart => "FS",
            DependencyType.StartToStart => "SS",
            DependencyType.FinishToFinish => "FF",
            DependencyType.StartToFinish => "SF",
        };

        private static Dictionary<string, int> FirstIndex(IEnumerable<string> ids)
        {
            var result = new Dictionary<string, int>(StringComparer.Ordinal);
            var i = 0;
            foreach (var id in ids)
            {
                result.TryAdd(id, i++);
            }

            return result;
        }
    }
}
