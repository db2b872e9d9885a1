using Throughline.Domain;
using Throughline.Scheduling.Calendars;

namespace Throughline.Scheduling;

/// <summary>
/// Collects tasks, links, constraints and progress by <c>int</c> index and builds an immutable
/// <see cref="ScheduleNetwork"/>. Dates are local date-times, converted on each task's calendar here, once.
/// </summary>
/// <remarks>Misuse (an index that was never returned, a task made its own parent) throws; cycles do not, they are found by <see cref="Build"/>.</remarks>
public sealed class ScheduleNetworkBuilder
{
    private readonly IReadOnlyList<CompiledCalendar> calendars;
    private readonly List<TaskSpec> tasks = [];
    private readonly List<LinkSpec> links = [];

    /// <param name="calendars">The calendars tasks refer to by index; all must share one <see cref="CompiledCalendar.Origin"/>.</param>
    /// <param name="projectStart">No task starts earlier (unless a constraint or an actual date says so).</param>
    public ScheduleNetworkBuilder(IReadOnlyList<CompiledCalendar> calendars, DateTime projectStart)
    {
        ArgumentNullException.ThrowIfNull(calendars);
        if (calendars.Count == 0)
        {
            throw new ArgumentException("At least one calendar is needed.", nameof(calendars));
        }

        if (calendars.Any(c => c.Origin != calendars[0].Origin))
        {
            throw new ArgumentException("All calendars of one network must share an origin.", nameof(calendars));
        }

        this.calendars = calendars;
        ProjectStart = projectStart;
    }

    public DateTime ProjectStart { get; }

    /// <summary>When set, unfinished work is not scheduled before it (the remaining part of a started task, and every unstarted task).</summary>
    public DateTime? StatusDate { get; set; }

    /// <summary>When set, the backward pass starts from it instead of the latest early finish.</summary>
    public DateTime? ProjectFinish { get; set; }

    /// <summary>
    /// Backward across calendars, read a successor's late start as the finish of its previous working minute, as
    /// Primavera P6 does (a Saturday 08:00 late start on a seven-day calendar bounds a weekday predecessor at Friday
    /// 16:00, not at the end of Friday). Off by default (Microsoft Project's rule).
    /// </summary>
    public bool LinksBackFromFinish { get; set; }

    public int TaskCount => tasks.Count;

    /// <summary>Adds a task of <paramref name="durationMinutes"/> working minutes on calendar <paramref name="calendar"/> and returns its index.</summary>
    public int AddTask(long durationMinutes, int calendar = 0, bool milestone = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(durationMinutes);
        if ((uint)calendar >= (uint)calendars.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(calendar));
        }

        tasks.Add(new TaskSpec { Duration = milestone ? 0 : durationMinutes, Calendar = calendar, IsMilestone = milestone });
        return tasks.Count - 1;
    }

    /// <summary>Makes <paramref name="child"/> part of summary <paramref name="parent"/>; a task with children is a summary whose own duration is ignored.</summary>
    public void SetParent(int child, int parent)
    {
        CheckTask(child);
        CheckTask(parent);
        if (child == parent)
        {
            throw new ArgumentException("A task cannot be its own parent.", nameof(parent));
        }

        tasks[child].Parent = parent;
    }

    /// <summary>Adds "successor depends on predecessor" and returns the link's index (what <see cref="ScheduleResult.DrivingLink"/> reports).</summary>
    public int AddLink(int predecessor, int successor, DependencyType type, Lag lag)
    {
        CheckTask(predecessor);
        CheckTask(successor);
        links.Add(new LinkSpec(predecessor, successor, type, lag));
        return links.Count - 1;
    }

    public int AddLink(int predecessor, int successor) => AddLink(predecessor, successor, DependencyType.FinishToStart, Lag.None);

    public void SetConstraint(int task, ConstraintType type, DateTime? date)
    {
        CheckTask(task);
        var needsDate = type is not (ConstraintType.AsSoonAsPossible or ConstraintType.AsLateAsPossible);
        if (needsDate != date.HasValue)
        {
            throw new ArgumentException(needsDate ? $"{type} needs a date." : $"{type} takes no date.", nameof(date));
        }

        tasks[task].Constraint = type;
        tasks[task].ConstraintDate = date;
    }

    /// <summary>A finish target that moves nothing but makes slack negative when the early finish is later.</summary>
    public void SetDeadline(int task, DateTime deadline)
    {
        CheckTask(task);
        tasks[task].Deadline = deadline;
    }

    /// <summary>
    /// Records progress. An actual start fixes the start; an actual finish fixes the finish. Otherwise
    /// <paramref name="percentComplete"/> of the duration is done and <paramref name="remainingMinutes"/> (default: the
    /// rest) is scheduled after the status date.
    /// </summary>
    public void SetProgress(int task, DateTime? actualStart, DateTime? actualFinish, double percentComplete, long? remainingMinutes = null)
    {
        CheckTask(task);
        if (percentComplete is < 0 or > 100 || double.IsNaN(percentComplete))
        {
            throw new ArgumentOutOfRangeException(nameof(percentComplete));
        }

        if (remainingMinutes < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(remainingMinutes));
        }

        var spec = tasks[task];
        spec.ActualStart = actualStart;
        spec.ActualFinish = actualFinish;
        spec.PercentComplete = percentComplete;
        spec.Remaining = remainingMinutes;
    }

    /// <summary>
    /// Interrupts the task for <paramref name="minutes"/> working minutes of its calendar between its start and finish
    /// (Microsoft Project's split): it does the same work, but finishes that much later.
    /// </summary>
    public void SetSplit(int task, long minutes)
    {
        CheckTask(task);
        ArgumentOutOfRangeException.ThrowIfNegative(minutes);
        tasks[task].Split = minutes;
    }

    /// <summary>
    /// Measures the task's slack in working time of <paramref name="calendar"/> instead of the calendar it is scheduled
    /// on: Microsoft Project schedules a task with resources on their calendars but counts its slack on the task's own
    /// (or the project's) calendar.
    /// </summary>
    public void SetSlackCalendar(int task, int calendar)
    {
        CheckTask(task);
        if ((uint)calendar >= (uint)calendars.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(calendar));
        }

        tasks[task].SlackCalendar = calendar;
    }

    /// <summary>
    /// Fixes the task's start at <paramref name="start"/> whatever its links say (a manually scheduled task): early
    /// dates start there, successors follow from it, and its late dates still come from its successors.
    /// </summary>
    public void SetFixedStart(int task, DateTime start)
    {
        SetConstraint(task, ConstraintType.MustStartOn, start);
        tasks[task].StartFixed = true;
    }

    public ScheduleNetwork Build() => ScheduleNetwork.Create(calendars, ProjectStart, StatusDate, ProjectFinish, tasks, links, LinksBackFromFinish);

    private void CheckTask(int task)
    {
        if ((uint)task >= (uint)tasks.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(task), $"No task {task}; there are {tasks.Count}.");
        }
    }

    internal sealed class TaskSpec
    {
        public long Duration { get; init; }

        public int Calendar { get; init; }

        public bool IsMilestone { get; init; }

        public int Parent { get; set; } = -1;

        public ConstraintType Constraint { get; set; }

        public DateTime? ConstraintDate { get; set; }

        public DateTime? Deadline { get; set; }

        public DateTime? ActualStart { get; set; }

        public DateTime? ActualFinish { get; set; }

        public double PercentComplete { get; set; }

        public long? Remaining { get; set; }

        public long Split { get; set; }

        public int SlackCalendar { get; set; } = -1;

        public bool StartFixed { get; set; }
    }

    internal sealed record LinkSpec(int Predecessor, int Successor, DependencyType Type, Lag Lag);
}
