using Throughline.Domain;
using Throughline.Domain.Calendars;
using Throughline.Scheduling.Calendars;

namespace Throughline.Scheduling;

/// <summary>
/// How one work item's finish moved between two schedules. <see cref="WorkingMinutesMoved"/> is counted on the new
/// program's calendar: positive is later, negative earlier.
/// </summary>
public sealed record ItemMove(
    WorkItemId Id,
    string Name,
    bool IsMilestone,
    DateOnly? Committed,
    DateTime OldFinish,
    DateTime NewFinish,
    long WorkingMinutesMoved,
    int MinutesPerDay,
    bool WasLate,
    bool IsLate)
{
    /// <summary>Working days moved (working minutes over the program's minutes per day); positive is later.</summary>
    public double WorkingDaysMoved => WorkingMinutesMoved / (double)MinutesPerDay;

    /// <summary>Late against its committed date in the new schedule and not in the old one.</summary>
    public bool BecameLate => IsLate && !WasLate;
}

/// <summary>
/// The schedule impact of a plan change: what <c>tl diff OLD NEW</c> prints. Build it with <see cref="Compare"/>.
/// </summary>
public sealed record ScheduleComparison
{
    private ScheduleComparison(ItemMove programFinish)
    {
        ProgramFinish = programFinish;
    }

    /// <summary>The program finish (its id is the new program's), old against new.</summary>
    public ItemMove ProgramFinish { get; }

    /// <summary>Milestones and committed items, in both plans, whose finish moved; by magnitude, largest first.</summary>
    public IReadOnlyList<ItemMove> MilestonesMoved { get; private init; } = [];

    /// <summary>Every work item, in both plans, whose finish moved by more than zero working minutes; by magnitude, largest first.</summary>
    public IReadOnlyList<ItemMove> ItemsMoved { get; private init; } = [];

    /// <summary>Items scheduled in the new plan and not in the old, in the new plan's order.</summary>
    public IReadOnlyList<WorkItemId> Added { get; private init; } = [];

    /// <summary>Items scheduled in the old plan and not in the new, in the old plan's order.</summary>
    public IReadOnlyList<WorkItemId> Removed { get; private init; } = [];

    /// <summary>Items on the new critical path and not on the old, first to last.</summary>
    public IReadOnlyList<WorkItemId> JoinedCriticalPath { get; private init; } = [];

    /// <summary>Items on the old critical path and not on the new, first to last.</summary>
    public IReadOnlyList<WorkItemId> LeftCriticalPath { get; private init; } = [];

    /// <summary>Whether the change moved, added or removed anything, or changed the critical path.</summary>
    public bool HasImpact =>
        ProgramFinish.WorkingMinutesMoved != 0 || ItemsMoved.Count > 0 || Added.Count > 0 || Removed.Count > 0 || JoinedCriticalPath.Count > 0 || LeftCriticalPath.Count > 0;

    /// <summary>
    /// Compares two schedules of two versions of a plan. Items are matched by id; working time is counted on the new
    /// program's calendar (else the standard calendar) in the new program's <see cref="WorkTimeUnits.MinutesPerDay"/>.
    /// </summary>
    public static ScheduleComparison Compare(Program old, ProgramSchedule oldSchedule, Program @new, ProgramSchedule newSchedule)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(oldSchedule);
        ArgumentNullException.ThrowIfNull(@new);
        ArgumentNullException.ThrowIfNull(newSchedule);

        var calendar = CalendarFor(@new, oldSchedule, newSchedule);
        var minutesPerDay = @new.Units.MinutesPerDay;
        var oldItems = ItemsById(old);
        var newItems = ItemsById(@new);

        ItemMove Move(WorkItem before, WorkItem after, ItemSchedule was, ItemSchedule now) => new(
            after.Id,
            after.Name,
            after.IsMilestone,
            after.Committed,
            was.Finish,
            now.Finish,
            calendar.PositionOf(now.Finish) - calendar.PositionOf(was.Finish),
            minutesPerDay,
            IsLate(before.Committed, was.Finish),
            IsLate(after.Committed, now.Finish));

        var moved = new List<ItemMove>();
        foreach (var item in @new.WorkItems)
        {
            if (!ReferenceEquals(newItems[item.Id], item) || !newSchedule.Items.TryGetValue(item.Id, out var now)
                || !oldItems.TryGetValue(item.Id, out var before) || !oldSchedule.Items.TryGetValue(item.Id, out var was))
            {
                continue;
            }

            var move = Move(before, item, was, now);
            if (move.WorkingMinutesMoved != 0)
            {
                moved.Add(move);
            }
        }

        // Largest first; a stable sort keeps the plan's order among equals.
        ItemMove[] ordered = [.. moved.OrderByDescending(m => Math.Abs(m.WorkingMinutesMoved))];
        var oldCritical = oldSchedule.CriticalPath.ToHashSet();
        var newCritical = newSchedule.CriticalPath.ToHashSet();
        var finish = new ItemMove(
            new WorkItemId(@new.Id.Value),
            @new.Name,
            false,
            null,
            oldSchedule.ProjectFinish,
            newSchedule.ProjectFinish,
            calendar.PositionOf(newSchedule.ProjectFinish) - calendar.PositionOf(oldSchedule.ProjectFinish),
            minutesPerDay,
            false,
            false);

        return new ScheduleComparison(finish)
        {
            ItemsMoved = ordered,
            MilestonesMoved = [.. ordered.Where(m => m.IsMilestone || m.Committed is not null || oldItems[m.Id].Committed is not null)],
            Added = [.. @new.WorkItems.Select(i => i.Id).Distinct().Where(id => newSchedule.Items.ContainsKey(id) && !oldSchedule.Items.ContainsKey(id))],
            Removed = [.. old.WorkItems.Select(i => i.Id).Distinct().Where(id => oldSchedule.Items.ContainsKey(id) && !newSchedule.Items.ContainsKey(id))],
            JoinedCriticalPath = [.. newSchedule.CriticalPath.Where(id => !oldCritical.Contains(id))],
            LeftCriticalPath = [.. oldSchedule.CriticalPath.Where(id => !newCritical.Contains(id))],
        };
    }

    /// <summary>Late as <c>tl schedule</c> shows it: the finish falls on a day after the committed date.</summary>
    private static bool IsLate(DateOnly? committed, DateTime finish) => committed is { } date && DateOnly.FromDateTime(finish) > date;

    private static Dictionary<WorkItemId, WorkItem> ItemsById(Program program)
    {
        // The first item with an id wins, as in the scheduler.
        var byId = new Dictionary<WorkItemId, WorkItem>(program.WorkItems.Count);
        foreach (var item in program.WorkItems)
        {
            byId.TryAdd(item.Id, item);
        }

        return byId;
    }

    private static CompiledCalendar CalendarFor(Program program, ProgramSchedule oldSchedule, ProgramSchedule newSchedule)
    {
        var definition = (program.Calendar is { } id ? program.Calendars.FirstOrDefault(c => c.Id == id) : null)
            ?? WorkingCalendar.Standard(new CalendarId("standard"));

        // Positions before the origin all count as 0, so the origin must precede every date compared.
        IEnumerable<DateTime> dates = [oldSchedule.ProjectStart, newSchedule.ProjectStart, oldSchedule.ProjectFinish, newSchedule.ProjectFinish, .. oldSchedule.Items.Values.Select(s => s.Finish), .. newSchedule.Items.Values.Select(s => s.Finish)];
        var first = DateOnly.FromDateTime(dates.Min()).AddDays(-1);
        var last = DateOnly.FromDateTime(dates.Max());
        return CompiledCalendar.Compile(definition, program.Calendars, first, last.DayNumber - first.DayNumber + 7);
    }
}
