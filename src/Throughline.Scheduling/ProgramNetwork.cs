using Throughline.Domain;
using Throughline.Domain.Calendars;
using Throughline.Domain.Diagnostics;
using Throughline.Scheduling.Calendars;

namespace Throughline.Scheduling;

/// <summary>
/// A program's <see cref="ScheduleNetwork"/>: the one mapping of a domain <see cref="Program"/> to tasks (calendars,
/// resource calendars, cancelled items left out, durations, constraints, deadlines, progress, links), with the
/// item ↔ task correspondence it uses. <see cref="ProgramScheduler"/> schedules it; the Monte Carlo forecaster
/// samples it.
/// </summary>
/// <param name="Network">The network; task t is work item <c>ItemOf[t]</c>.</param>
/// <param name="Index">Work item id → index in <see cref="Program.WorkItems"/> (the first item with that id).</param>
/// <param name="TaskOf">Work item index → task index, -1 for a cancelled item.</param>
/// <param name="ItemOf">Task index → work item index.</param>
/// <param name="ProjectStart">The project start given to the network builder (before snapping to a working minute).</param>
/// <param name="Diagnostics">Undefined references, duplicate ids and dependency cycles found while mapping.</param>
/// <param name="Gates">
/// Overdue open decisions, each a task after the work items' (task index <c>ItemOf.Count</c> and up) that the work it
/// blocks follows: see <see cref="DecisionGates"/>.
/// </param>
internal sealed record ProgramNetwork(
    ScheduleNetwork Network,
    IReadOnlyDictionary<WorkItemId, int> Index,
    int[] TaskOf,
    IReadOnlyList<int> ItemOf,
    DateTime ProjectStart,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<DecisionGate> Gates)
{
    /// <summary>Whether task <paramref name="task"/> is a work item (not a decision gate).</summary>
    public bool IsItem(int task) => task >= 0 && task < ItemOf.Count;

    private static readonly CalendarId DefaultCalendarId = new("standard");

    public static ProgramNetwork Build(Program program, ProgramScheduleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        options ??= ProgramScheduleOptions.Default;
        var diagnostics = new List<Diagnostic>();
        var items = program.WorkItems;

        // Calendars: index 0 is the program's default; others are compiled on first use.
        var origin = Origin(program, options);
        var library = program.Calendars;
        var compiled = new List<CompiledCalendar>();
        var calendarIndex = new Dictionary<CalendarId, int>();
        int CalendarFor(CalendarId? id, int subject, EntityKind kind)
        {
            if (id is null)
            {
                return 0;
            }

            if (calendarIndex.TryGetValue(id.Value, out var index))
            {
                return index;
            }

            var definition = library.FirstOrDefault(c => c.Id == id.Value);
            if (definition is null)
            {
                diagnostics.Add(new Diagnostic(Severity.Warning, DiagnosticCodes.UndefinedReference, $"Calendar '{id}' is not defined; the program calendar is used.") { Subject = new DiagnosticSubject(kind, subject, "calendar") });
                calendarIndex[id.Value] = 0;
                return 0;
            }

            compiled.Add(CompiledCalendar.Compile(definition, library, origin));
            calendarIndex[id.Value] = compiled.Count - 1;
            return compiled.Count - 1;
        }

        var programCalendar = program.Calendar is { } pc ? library.FirstOrDefault(c => c.Id == pc) : null;
        if (program.Calendar is not null && programCalendar is null)
        {
            diagnostics.Add(new Diagnostic(Severity.Warning, DiagnosticCodes.UndefinedReference, $"Calendar '{program.Calendar}' is not defined; the standard calendar is used.") { Subject = new DiagnosticSubject(EntityKind.Program, 0, "calendar") });
        }

        compiled.Add(CompiledCalendar.Compile(programCalendar ?? WorkingCalendar.Standard(DefaultCalendarId), library, origin));
        if (programCalendar is not null)
        {
            calendarIndex[programCalendar.Id] = 0;
        }

        // Cancelled items (and everything under a cancelled summary) are left out, as Microsoft Project leaves out
        // inactive tasks: they take no time, and links to or from them are dropped.
        var index = new Dictionary<WorkItemId, int>();
        for (var i = 0; i < items.Count; i++)
        {
            if (!index.TryAdd(items[i].Id, i))
            {
                diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.DuplicateId, $"Work item id '{items[i].Id}' is used twice; the second is scheduled but cannot be referred to.") { Subject = new DiagnosticSubject(EntityKind.WorkItem, i, "id") });
            }
        }

        var cancelled = new bool[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            // Walk up the parents (bounded, so a parent cycle cannot hang) looking for a cancelled item.
            var at = i;
            for (var depth = 0; at >= 0 && depth <= items.Count; depth++)
            {
                if (items[at].Status == WorkItemStatus.Cancelled)
                {
                    cancelled[i] = true;
                    break;
                }

                at = items[at].Parent is { } parent && index.TryGetValue(parent, out var p) && p != at ? p : -1;
            }
        }

        // Tasks: builder index t is item itemOf[t]; taskOf[i] is -1 for a cancelled item.
        var taskOf = new int[items.Count];
        var itemOf = new List<int>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            taskOf[i] = cancelled[i] ? -1 : itemOf.Count;
            if (!cancelled[i])
            {
                itemOf.Add(i);
            }
        }

        var people = new Dictionary<PersonId, int>();
        for (var k = 0; k < program.People.Count; k++)
        {
            people.TryAdd(program.People[k].Id, k);
        }

        var teams = new Dictionary<TeamId, int>();
        for (var k = 0; k < program.Teams.Count; k++)
        {
            teams.TryAdd(program.Teams[k].Id, k);
        }

        var owners = new Dictionary<ProjectId, TeamId>();
        foreach (var project in program.Projects)
        {
            if (project.OwningTeam is { } owner)
            {
                owners.TryAdd(project.Id, owner);
            }
        }

        // A team's calendar overrides the program's for its members and its work (docs/plan-format.md): a person
        // works on their own calendar, else their team's; a team assigned to an item, or owning the project of an
        // item nobody is assigned to, adds its calendar as a person would. A team without a calendar adds nothing.
        int? TeamCalendar(TeamId? team) =>
            team is { } id && teams.TryGetValue(id, out var k) && program.Teams[k].Calendar is { } calendar
                ? CalendarFor(calendar, k, EntityKind.Team)
                : null;

        var combined = new Dictionary<string, int>(StringComparer.Ordinal);
        int Combine(string key, Func<CompiledCalendar> make)
        {
            if (!combined.TryGetValue(key, out var c))
            {
                compiled.Add(make());
                c = combined[key] = compiled.Count - 1;
            }

            return c;
        }

        // The calendar a task is scheduled on. Microsoft Project's rule: an elapsed duration runs around the clock;
        // otherwise a task with people assigned works when any of them works (the union of their calendars, a
        // person without one on their team's, else the program's), within the task's own calendar if it has one.
        int TaskCalendar(int i)
        {
            var item = items[i];
            if (item.Estimate?.IsElapsed == true && !item.IsMilestone)
            {
                return Combine("elapsed", () => CompiledCalendar.Continuous(origin));
            }

            var own = item.Calendar is null ? -1 : CalendarFor(item.Calendar, i, EntityKind.WorkItem);
            var resources = new SortedSet<int>();
            foreach (var assignment in options.IgnoreResourceCalendars.Contains(item.Id) ? [] : item.Assignments)
            {
                if (assignment.Person is { } person && people.TryGetValue(person, out var k))
                {
                    var member = program.People[k];
                    resources.Add(member.Calendar is { } calendar ? CalendarFor(calendar, k, EntityKind.Person) : TeamCalendar(member.Team) ?? 0);
                }
                else if (TeamCalendar(assignment.Team) is { } teamCalendar)
                {
                    resources.Add(teamCalendar);
                }
            }

            if (item.Assignments.Count == 0 && !options.IgnoreResourceCalendars.Contains(item.Id)
                && owners.TryGetValue(item.Project, out var owning) && TeamCalendar(owning) is { } owningCalendar)
            {
                resources.Add(owningCalendar);
            }

            if (resources.Count == 0)
            {
                return Math.Max(own, 0);
            }

            var union = resources.Count == 1
                ? resources.Min
                : Combine("any:" + string.Join(',', resources), () => CompiledCalendar.Combine(string.Join(" + ", resources.Select(r => compiled[r].Name)), [.. resources.Select(r => compiled[r])], union: true));
            if (own < 0 || own == union)
            {
                return union;
            }

            var key = $"both:{own}:{union}";
            if (combined.TryGetValue(key, out var both))
            {
                return both;
            }

            var intersection = CompiledCalendar.Combine($"{compiled[own].Name} x {compiled[union].Name}", [compiled[own], compiled[union]], union: false);
            if (intersection.MinutesPerWeek > 0)
            {
                return Combine(key, () => intersection);
            }

            combined[key] = own;

            // No working time in common (a weekend cutover calendar, weekday people): the task's own calendar was
            // chosen on purpose, so it wins rather than leaving the task unschedulable (docs/scheduling.md).
            return own;
        }

        // A date starts at the program calendar's first working minute (08:00), as Microsoft Project's default start
        // time: a task on a round-the-clock or night-shift calendar does not start at midnight.
        var projectStart = options.ProjectStart ?? compiled[0].NextStart(program.Start.ToDateTime(TimeOnly.MinValue));
        var builder = new ScheduleNetworkBuilder(compiled, projectStart)
        {
            ProjectFinish = options.ProjectFinish,
            LinksBackFromFinish = options.LinksBackFromFinish,
            StatusDate = options.StatusDate ?? program.StatusDate?.AddDays(1).ToDateTime(TimeOnly.MinValue),
        };

        foreach (var i in itemOf)
        {
            var item = items[i];
            var calendar = TaskCalendar(i);
            var t = builder.AddTask(item.IsMilestone ? 0 : Math.Max(0, item.Estimate?.MostLikely.Minutes ?? 0), calendar, item.IsMilestone);

            // Slack is counted on the item's own calendar (else the program's), even when its people's calendars
            // schedule it (Microsoft Project); an elapsed item's stays round the clock.
            var own = item.Calendar is null ? 0 : CalendarFor(item.Calendar, i, EntityKind.WorkItem);
            if (item.Estimate?.IsElapsed != true && own != calendar)
            {
                builder.SetSlackCalendar(t, own);
            }

            if (!item.IsMilestone && options.Splits.TryGetValue(item.Id, out var splits))
            {
                // A split's gap is the working time of its periods on the calendar the item is scheduled on.
                var gap = 0L;
                foreach (var split in splits)
                {
                    gap += Math.Max(0, compiled[calendar].PositionOf(split.Finish) - compiled[calendar].PositionOf(split.Start));
                }

                builder.SetSplit(t, gap);
            }
        }

        var summaries = options.FixedStarts.Count == 0 ? [] : items.Where(i => i.Parent is not null).Select(i => i.Parent!.Value).ToHashSet();

        // Decisions gate the work that waits on them (docs/scheduling.md, "Decision gates"): a start-no-earlier-than at
        // the due (or decided-on) date, or, for one overdue at the status date, a task of the expected lag before it.
        var gates = DecisionGates.Of(program, index, cancelled, options.StatusDate is { } reported ? DateOnly.FromDateTime(reported) : program.StatusDate);
        var gateTasks = new List<DecisionGate>();
        foreach (var overdue in gates.Overdue)
        {
            var g = builder.AddTask(overdue.Lag.MostLikely.Minutes);
            gateTasks.Add(overdue with { Task = g });
            foreach (var i in overdue.Gated)
            {
                builder.AddLink(g, taskOf[i]);
            }
        }

        foreach (var i in itemOf)
        {
            var item = items[i];
            var t = taskOf[i];
            if (item.Parent is { } parent)
            {
                if (index.TryGetValue(parent, out var p) && p != i)
                {
                    builder.SetParent(t, taskOf[p]);
                }
                else
                {
                    diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.UndefinedReference, $"Work item '{item.Id}' has parent '{parent}', which is not defined.") { Subject = new DiagnosticSubject(EntityKind.WorkItem, i, "parent") });
                }
            }

            var constraint = gates.Floors.TryGetValue(i, out var floor) ? DecisionGates.WithFloor(item.Constraint, floor) : item.Constraint;
            if (options.FixedStarts.TryGetValue(item.Id, out var fixedStart) && !summaries.Contains(item.Id))
            {
                // A hand-set start holds against links and the item's own constraint: Microsoft Project never moves a
                // manually scheduled task.
                builder.SetFixedStart(t, fixedStart);
            }
            else if (constraint.Type != ConstraintType.AsSoonAsPossible)
            {
                builder.SetConstraint(t, constraint.Type, constraint.Date);
            }

            // A committed date is a promise to finish by the end of that day: like a deadline it moves nothing, but
            // slack goes negative when the schedule cannot keep it. The earlier of the two counts.
            var committed = item.Committed?.AddDays(1).ToDateTime(TimeOnly.MinValue);
            if ((item.Deadline, committed) switch { ({ } a, { } b) => a < b ? a : b, ({ } a, null) => a, (null, var b) => b } is { } deadline)
            {
                builder.SetDeadline(t, deadline);
            }

            var progress = item.Progress;
            var done = item.Status == WorkItemStatus.Done;
            if (progress != Progress.None || done)
            {
                builder.SetProgress(
                    t,
                    progress.ActualStart,
                    progress.ActualFinish,
                    done ? 100 : Math.Clamp(progress.PercentComplete, 0, 100),
                    progress.Remaining is { } r ? Math.Max(0, r.Minutes) : null);
            }
        }

        for (var d = 0; d < program.Dependencies.Count; d++)
        {
            var dependency = program.Dependencies[d];
            if (!index.TryGetValue(dependency.Predecessor, out var from) || !index.TryGetValue(dependency.Successor, out var to))
            {
                var missing = index.ContainsKey(dependency.Predecessor) ? dependency.Successor : dependency.Predecessor;
                diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.UndefinedReference, $"Dependency {dependency.Predecessor} -> {dependency.Successor} refers to '{missing}', which is not defined; it is ignored.") { Subject = new DiagnosticSubject(EntityKind.Dependency, d) });
                continue;
            }

            if (!cancelled[from] && !cancelled[to])
            {
                builder.AddLink(taskOf[from], taskOf[to], dependency.Type, dependency.Lag);
            }
        }

        var network = builder.Build();
        foreach (var cycle in network.Cycles)
        {
            // The validator's wording, so a plan's cycle reads the same whether the file or the engine found it; the
            // engine leaves the closing link out and schedules the rest.
            var message = DependencyCycles.Message(cycle.Select(t => items[itemOf[t]].Id.Value));
            diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.DependencyCycle, message) { Subject = new DiagnosticSubject(EntityKind.WorkItem, itemOf[cycle[0]]) });
        }

        return new ProgramNetwork(network, index, taskOf, itemOf, projectStart, diagnostics, gateTasks);
    }

    /// <summary>A year before the earliest date the program mentions, so that every date has a non-negative instant.</summary>
    private static DateOnly Origin(Program program, ProgramScheduleOptions options)
    {
        var earliest = options.ProjectStart is { } start && DateOnly.FromDateTime(start) < program.Start ? DateOnly.FromDateTime(start) : program.Start;
        foreach (var item in program.WorkItems)
        {
            foreach (var date in new[] { item.Progress.ActualStart, item.Progress.ActualFinish, item.Constraint.Date, item.Deadline, options.FixedStarts.TryGetValue(item.Id, out var f) ? f : (DateTime?)null })
            {
                if (date is { } d && DateOnly.FromDateTime(d) < earliest)
                {
                    earliest = DateOnly.FromDateTime(d);
                }
            }
        }

        return new DateOnly(Math.Max(1, earliest.Year - 1), 1, 1);
    }
}
