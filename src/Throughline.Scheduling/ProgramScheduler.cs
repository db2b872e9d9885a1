using Throughline.Domain;
using Throughline.Domain.Calendars;
using Throughline.Domain.Diagnostics;

namespace Throughline.Scheduling;

/// <summary>Options for <see cref="ProgramScheduler.Schedule"/>; the defaults are Microsoft Project's.</summary>
public sealed record ProgramScheduleOptions
{
    public static readonly ProgramScheduleOptions Default = new();

    /// <summary>
    /// When set, replaces <see cref="Program.Start"/> (a date, so midnight) with a date-time: a Microsoft Project file
    /// whose project starts at 09:00 starts its first tasks at 09:00.
    /// </summary>
    public DateTime? ProjectStart { get; init; }

    /// <summary>When set, late dates are computed back from it instead of from the latest early finish.</summary>
    public DateTime? ProjectFinish { get; init; }

    /// <summary>When set, replaces <see cref="Program.StatusDate"/> (which is a date: its whole day counts as reported).</summary>
    public DateTime? StatusDate { get; init; }

    /// <summary>
    /// Periods in which a work item does no work between its start and finish (Microsoft Project's split tasks), by
    /// item. The item finishes later by their working time on its calendar; the gap moves with the item.
    /// </summary>
    public IReadOnlyDictionary<WorkItemId, IReadOnlyList<SplitPeriod>> Splits { get; init; } = new Dictionary<WorkItemId, IReadOnlyList<SplitPeriod>>();

    /// <summary>
    /// Work items scheduled on their own calendar alone, not on their people's (Microsoft Project's "Ignore resource
    /// calendar" task flag).
    /// </summary>
    public IReadOnlySet<WorkItemId> IgnoreResourceCalendars { get; init; } = new HashSet<WorkItemId>();

    /// <summary>
    /// Work items whose start was fixed by hand (Microsoft Project's manually scheduled tasks): each starts at its date
    /// whatever its links say, takes its duration from there, and its successors are scheduled from it. A summary is
    /// not fixed (its dates roll up from its children). Empty by default.
    /// </summary>
    public IReadOnlyDictionary<WorkItemId, DateTime> FixedStarts { get; init; } = new Dictionary<WorkItemId, DateTime>();

    /// <summary>
    /// Primavera P6's late-date rule across calendars: a successor's late start bounds its predecessor at the finish of
    /// the successor's previous working minute (Friday 16:00 before a Saturday 08:00 start), not at its start instant.
    /// Off by default (Microsoft Project's rule); the XER reader turns it on.
    /// </summary>
    public bool LinksBackFromFinish { get; init; }
}

/// <summary>A period in which a work item does no work (local date-times, start inclusive, finish exclusive).</summary>
public readonly record struct SplitPeriod(DateTime Start, DateTime Finish);

/// <summary>One work item's computed dates (local date-times) and slack (working minutes on the item's calendar).</summary>
public sealed record ItemSchedule(
    WorkItemId Id,
    DateTime Start,
    DateTime Finish,
    DateTime EarlyStart,
    DateTime EarlyFinish,
    DateTime LateStart,
    DateTime LateFinish,
    long TotalSlackMinutes,
    long FreeSlackMinutes,
    bool IsCritical,
    StartDriver Driver,
    WorkItemId? DrivingPredecessor)
{
    /// <summary>Working minutes between start and finish on the item's calendar.</summary>
    public long DurationMinutes { get; init; }
}

/// <summary>A program's schedule: every work item's dates, the critical path, and what stopped parts of it being scheduled.</summary>
public sealed class ProgramSchedule
{
    internal ProgramSchedule(DateTime projectStart, DateTime projectFinish, IReadOnlyDictionary<WorkItemId, ItemSchedule> items, IReadOnlyList<WorkItemId> criticalPath, IReadOnlyList<Diagnostic> diagnostics)
    {
        ProjectStart = projectStart;
        ProjectFinish = projectFinish;
        Items = items;
        CriticalPath = criticalPath;
        Diagnostics = diagnostics;
    }

    public DateTime ProjectStart { get; }

    public DateTime ProjectFinish { get; }

    public IReadOnlyDictionary<WorkItemId, ItemSchedule> Items { get; }

    /// <summary>Work items (not summaries) of the critical path, first to last.</summary>
    public IReadOnlyList<WorkItemId> CriticalPath { get; }

    /// <summary>Dependency cycles (<see cref="DiagnosticCodes.DependencyCycle"/>), unknown references and the like; the schedule is still computed without the offending links.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public ItemSchedule this[WorkItemId id] => Items[id];

    /// <summary>
    /// Overdue open decisions scheduled as gates before the work they block: from the status date for their expected
    /// lag (docs/scheduling.md, "Decision gates"). Not work items, so not in <see cref="Items"/>.
    /// </summary>
    public IReadOnlyDictionary<DecisionId, GateSchedule> Gates { get; init; } = new Dictionary<DecisionId, GateSchedule>();
}

/// <summary>When an overdue decision is now expected to be made: its gate's start (the status date) and finish.</summary>
public readonly record struct GateSchedule(DateTime Start, DateTime Finish);

/// <summary>
/// Schedules a domain <see cref="Program"/>: compiles its calendars, builds a <see cref="ScheduleNetwork"/> from its
/// work items and dependencies, and runs <see cref="CriticalPath"/>.
/// </summary>
/// <remarks>
/// Mapping: the item's <see cref="Estimate.MostLikely"/> is its duration (none: 0); milestones take no time; items
/// with children are summaries; the item's calendar, else the program's, else <see cref="WorkingCalendar.Standard"/>;
/// <see cref="Program.Start"/> is the project start (its first working minute); <see cref="Program.StatusDate"/>
/// counts as reported to the end of that day.
/// </remarks>
public static class ProgramScheduler
{
    public static ProgramSchedule Schedule(Program program, ProgramScheduleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        options ??= ProgramScheduleOptions.Default;
        var built = ProgramNetwork.Build(program, options);
        var items = program.WorkItems;
        var (index, taskOf, itemOf) = (built.Index, built.TaskOf, built.ItemOf);
        var network = built.Network;

        var result = CriticalPath.Schedule(network);
        var schedules = new Dictionary<WorkItemId, ItemSchedule>(items.Count);
        foreach (var i in itemOf)
        {
            if (index[items[i].Id] != i)
            {
                continue;
            }

            var t = taskOf[i];
            var predecessor = result.DrivingPredecessor(t);
            schedules[items[i].Id] = new ItemSchedule(
                items[i].Id,
                result.StartDate(t),
                result.FinishDate(t),
                result.EarlyStartDate(t),
                result.EarlyFinishDate(t),
                result.LateStartDate(t),
                result.LateFinishDate(t),
                result.TotalSlack(t),
                result.FreeSlack(t),
                result.IsCritical(t),
                result.Driver(t),
                built.IsItem(predecessor) ? items[itemOf[predecessor]].Id : null)
            {
                DurationMinutes = result.Finish(t) - result.Start(t),
            };
        }

        var gates = built.Gates.ToDictionary(g => g.Decision, g => new GateSchedule(result.StartDate(g.Task), result.FinishDate(g.Task)));
        return new ProgramSchedule(
            network.Calendars[0].NextStart(built.ProjectStart),
            result.ProjectFinishDate,
            schedules,
            [.. result.CriticalPath.Where(built.IsItem).Select(t => items[itemOf[t]].Id)],
            [.. built.Diagnostics, .. OutOfRange(items, index, schedules)])
        {
            Gates = gates,
        };
    }

    /// <summary>
    /// TL3001 when the schedule runs past <see cref="PlanRange.MaxDate"/>, at the first item (in plan order) that
    /// finishes after it: each value fits the range, but a chain of them does not, and its dates cannot be shown.
    /// </summary>
    private static IEnumerable<Diagnostic> OutOfRange(IReadOnlyList<WorkItem> items, IReadOnlyDictionary<WorkItemId, int> index, Dictionary<WorkItemId, ItemSchedule> schedules)
    {
        var late = items.FirstOrDefault(i => schedules.TryGetValue(i.Id, out var s) && s.Finish >= PlanRange.End);
        if (late is null)
        {
            yield break;
        }

        var message = FormattableString.Invariant(
            $"the schedule runs past {PlanRange.MaxDate:yyyy-MM-dd}, the last date a plan can hold: '{late.Id}' would finish in {schedules[late.Id].Finish.Year}; shorten the chain of work and lags that leads to it");
        yield return new Diagnostic(Severity.Error, DiagnosticCodes.ScheduleOutOfRange, message)
        {
            Subject = new DiagnosticSubject(EntityKind.WorkItem, index[late.Id], "estimate"),
        };
    }
}
