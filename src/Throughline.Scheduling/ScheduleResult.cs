using Throughline.Domain;
using Throughline.Scheduling.Calendars;

namespace Throughline.Scheduling;

/// <summary>
/// The outcome of one <see cref="CriticalPath.Schedule(ScheduleNetwork)"/> run, by task index. Positions are working
/// minutes on the task's own calendar (see <see cref="CompiledCalendar"/>); the <c>...Date</c> members turn them into
/// local date-times with Microsoft Project's conventions (a start at the next working minute, a finish at the end
/// of the previous one; a milestone driven by a predecessor sits at that predecessor's finish).
/// Slack is in working minutes on the task's calendar; negative when a constraint or deadline cannot be met.
/// </summary>
public sealed class ScheduleResult
{
    private readonly long[] earlyStart;
    private readonly long[] earlyFinish;
    private readonly long[] lateStart;
    private readonly long[] lateFinish;
    private readonly long[] freeSlack;
    private readonly int[] driver;
    private readonly StartDriver[] why;
    private readonly Lazy<IReadOnlyList<int>> criticalPath;
    private readonly Lazy<SummaryDates[]> summaryDates;

    internal ScheduleResult(ScheduleNetwork network, long finishInstant, long[] earlyStart, long[] earlyFinish, long[] lateStart, long[] lateFinish, long[] freeSlack, int[] driver, StartDriver[] why)
    {
        Network = network;
        ProjectFinishInstant = finishInstant;
        this.earlyStart = earlyStart;
        this.earlyFinish = earlyFinish;
        this.lateStart = lateStart;
        this.lateFinish = lateFinish;
        this.freeSlack = freeSlack;
        this.driver = driver;
        this.why = why;
        criticalPath = new Lazy<IReadOnlyList<int>>(WalkCriticalPath);
        summaryDates = new Lazy<SummaryDates[]>(RollUpDates);
    }

    public ScheduleNetwork Network { get; }

    public int TaskCount => Network.TaskCount;

    /// <summary>The project finish (given, or the latest early finish) as an instant on the calendars' origin.</summary>
    public long ProjectFinishInstant { get; }

    public DateTime ProjectFinishDate => Network.Calendars[0].DateOf(ProjectFinishInstant);

    /// <summary>Dependency cycles found while building the network (their closing links were left out).</summary>
    public IReadOnlyList<IReadOnlyList<int>> Cycles => Network.Cycles;

    public long EarlyStart(int task) => earlyStart[Node(task)];

    public long EarlyFinish(int task) => earlyFinish[Node(task)];

    /// <summary>
    /// The late start; for a started task its (actual) start, which can no longer move, as Microsoft Project shows it.
    /// </summary>
    public long LateStart(int task) => IsStartedTask(task) ? EarlyStart(task) : lateStart[Node(task)];

    /// <summary>The late finish; for a finished task its actual finish.</summary>
    public long LateFinish(int task) => IsFinishedTask(task) ? EarlyFinish(task) : lateFinish[Node(task)];

    /// <summary>The scheduled start: the early start, or the late start for an as-late-as-possible task not yet started.</summary>
    public long Start(int task) => IsAsLateAsPossible(task) ? LateStart(task) : EarlyStart(task);

    public long Finish(int task) => IsAsLateAsPossible(task) ? LateFinish(task) : EarlyFinish(task);

    /// <summary>
    /// How far the task can slip without moving the project finish or breaking a constraint or deadline:
    /// min(LS − ES, LF − EF). A started task's start is history, so only its finish can slip: LF − EF; a finished
    /// task has none (Microsoft Project's rules, docs/scheduling.md "Progress").
    /// </summary>
    /// <remarks>
    /// Counted in working minutes of the task's slack calendar (<see cref="ScheduleNetworkBuilder.SetSlackCalendar"/>):
    /// a task scheduled on its people's calendars has its slack counted on its own, as Microsoft Project does.
    /// </remarks>
    public long TotalSlack(int task)
    {
        var v = Node(task);
        var finishSlack = Between(task, earlyFinish[v], lateFinish[v], start: false);
        if (IsStartedTask(task))
        {
            return IsFinishedTask(task) ? 0 : finishSlack;
        }

        return Math.Min(Between(task, earlyStart[v], lateStart[v], start: true), finishSlack);
    }

    /// <summary>How far the task can slip without moving any successor's early dates (never negative, never above total slack when that is positive; 0 once finished).</summary>
    public long FreeSlack(int task)
    {
        if (IsFinishedTask(task))
        {
            return 0;
        }

        var v = Node(task);
        var free = freeSlack[v];
        if (Network.SlackCalendar[task] == Network.CalendarOf(task) || free <= 0)
        {
            return free;
        }

        return Math.Max(0, Math.Min(Between(task, earlyFinish[v], earlyFinish[v] + free, start: false), TotalSlack(task)));
    }

    /// <summary>
    /// Working minutes from position <paramref name="from"/> to <paramref name="to"/> of the task's calendar, counted on
    /// its slack calendar through the instants they stand for.
    /// </summary>
    private long Between(int task, long from, long to, bool start)
    {
        var c = Network.CalendarOf(task);
        var s = Network.SlackCalendar[task];
        if (s == c)
        {
            return to - from;
        }

        var calendar = Network.CalendarArray[c];
        var slack = Network.CalendarArray[s];
        return start
            ? slack.PositionAt(calendar.StartInstant(to)) - slack.PositionAt(calendar.StartInstant(from))
            : slack.PositionAt(calendar.FinishInstant(to)) - slack.PositionAt(calendar.FinishInstant(from));
    }

    /// <summary>Total slack of zero or less, and not finished (a completed task is never critical).</summary>
    public bool IsCritical(int task) => TotalSlack(task) <= 0 && !IsFinishedTask(task);

    /// <summary>What set the early start; for a summary, what set its children's common earliest start.</summary>
    public StartDriver Driver(int task) => why[DriverNode(task)];

    /// <summary>The link (index from <see cref="ScheduleNetworkBuilder.AddLink(int,int,DependencyType,Lag)"/>) that set the early start, or -1.</summary>
    public int DrivingLink(int task)
    {
        var v = DriverNode(task);
        return why[v] == StartDriver.Predecessor ? Network.InLink[driver[v]] : -1;
    }

    /// <summary>The predecessor whose link set the early start; the parent when <see cref="Driver"/> is <see cref="StartDriver.Parent"/>; else -1.</summary>
    public int DrivingPredecessor(int task)
    {
        var v = DriverNode(task);
        return why[v] switch
        {
            StartDriver.Predecessor => Network.NodeTask[Network.InFrom[driver[v]]],
            StartDriver.Parent => Network.Parent[task],
            StartDriver.ProjectStart or StartDriver.Constraint or StartDriver.StatusDate or StartDriver.Actual or StartDriver.Leveling => -1,
        };
    }

    public DateTime EarlyStartDate(int task) => Network.IsSummary(task) ? Rolled(task).EarlyStart : StartDate(task, EarlyStart(task));

    public DateTime EarlyFinishDate(int task) => Network.IsSummary(task) ? Rolled(task).EarlyFinish : FinishDate(task, EarlyFinish(task));

    public DateTime LateStartDate(int task) => Network.IsSummary(task) ? Rolled(task).LateStart : StartDate(task, LateStart(task));

    public DateTime LateFinishDate(int task) => Network.IsSummary(task) ? Rolled(task).LateFinish : FinishDate(task, LateFinish(task));

    public DateTime StartDate(int task) => Network.IsSummary(task) ? Rolled(task).EarlyStart : StartDate(task, Start(task));

    public DateTime FinishDate(int task) => Network.IsSummary(task) ? Rolled(task).EarlyFinish : FinishDate(task, Finish(task));

    /// <summary>
    /// The tasks (not summaries) of the critical path, first to last: from the task that finishes last, back along
    /// driving links (through summaries to the child that drove them) until a task that nothing drove.
    /// </summary>
    public IReadOnlyList<int> CriticalPath => criticalPath.Value;

    private int Node(int task) => Network.NodeOfTask[task];

    /// <summary>Whether <paramref name="date"/> falls on a day with no working time on the task's calendar, where it has no position of its own.</summary>
    private bool OnDayOff(int task, DateTime date)
    {
        var calendar = CalendarOf(task);
        var day = date.Date;
        return calendar.PositionOf(day) == calendar.PositionOf(day.AddDays(1));
    }

    private SummaryDates Rolled(int task) => summaryDates.Value[task];

    /// <summary>
    /// A summary's displayed dates: its children's dates as they show them (the earliest start, the latest finish),
    /// not its positions converted to its own calendar, so that a summary over a child on another calendar ends when
    /// the child does (a night-shift child ending Tuesday 08:00 is not shown as Monday 17:00). A finish the summary
    /// itself lifts above its children (a finish-no-earlier-than) still shows.
    /// </summary>
    private SummaryDates[] RollUpDates()
    {
        var net = Network;
        var dates = new SummaryDates[net.TaskCount];
        var seen = new bool[net.TaskCount];
        for (var t = 0; t < net.TaskCount; t++)
        {
            if (net.IsSummary(t))
            {
                continue;
            }

            var own = new SummaryDates(EarlyStartDate(t), EarlyFinishDate(t), LateStartDate(t), LateFinishDate(t));
            for (var p = net.Parent[t]; p >= 0; p = net.Parent[p])
            {
                dates[p] = seen[p]
                    ? new SummaryDates(Min(dates[p].EarlyStart, own.EarlyStart), Max(dates[p].EarlyFinish, own.EarlyFinish), Min(dates[p].LateStart, own.LateStart), Max(dates[p].LateFinish, own.LateFinish))
                    : own;
                seen[p] = true;
            }
        }

        for (var t = 0; t < net.TaskCount; t++)
        {
            if (!net.IsSummary(t))
            {
                continue;
            }

            var calendar = CalendarOf(t);
            var fromPositions = new SummaryDates(calendar.ToStartDate(EarlyStart(t)), calendar.ToFinishDate(EarlyFinish(t)), calendar.ToStartDate(LateStart(t)), calendar.ToFinishDate(LateFinish(t)));
            dates[t] = seen[t]
                ? new SummaryDates(Min(dates[t].EarlyStart, fromPositions.EarlyStart), Max(dates[t].EarlyFinish, fromPositions.EarlyFinish), Min(dates[t].LateStart, fromPositions.LateStart), Max(dates[t].LateFinish, fromPositions.LateFinish))
                : fromPositions;
        }

        return dates;
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private readonly record struct SummaryDates(DateTime EarlyStart, DateTime EarlyFinish, DateTime LateStart, DateTime LateFinish);

    private bool IsStartedTask(int task) => !Network.IsSummary(task) && Network.IsStarted(task);

    private bool IsFinishedTask(int task) => !Network.IsSummary(task) && Network.IsFinished(task);

    private int DriverNode(int task) => Network.GateOfTask[task] >= 0 ? Network.GateOfTask[task] : Network.NodeOfTask[task];

    private bool IsAsLateAsPossible(int task) =>
        Network.ConstraintType[task] == ConstraintType.AsLateAsPossible && !Network.IsSummary(task) && !Network.IsStarted(task);

    private CompiledCalendar CalendarOf(int task) => Network.Calendars[Network.CalendarOf(task)];

    private DateTime StartDate(int task, long position)
    {
        // An actual start on a day off is shown as reported (a Saturday start stays on Saturday), as Microsoft Project
        // does; on a working day it shows at the working time it stands for (a plan's date-only start at 08:00).
        if (!Network.IsSummary(task) && Network.ActualDates.TryGetValue(task, out var dates) && dates.Start is { } actual && why[Node(task)] == StartDriver.Actual
            && position == earlyStart[Node(task)] && OnDayOff(task, actual))
        {
            return actual;
        }

        return AtPredecessorFinish(Network, earlyStart, earlyFinish, driver, why, task) ? CalendarOf(task).ToFinishDate(position) : CalendarOf(task).ToStartDate(position);
    }

    private DateTime FinishDate(int task, long position)
    {
        if (IsFinishedTask(task) && Network.ActualDates.TryGetValue(task, out var dates) && dates.Finish is { } actual && position == earlyFinish[Node(task)] && OnDayOff(task, actual))
        {
            return actual;
        }

        return FinishShowsStart(Network, earlyStart, earlyFinish, driver, why, task, position)
            ? CalendarOf(task).ToStartDate(position)
            : CalendarOf(task).ToFinishDate(position);
    }

    /// <summary>
    /// The early finish of <paramref name="task"/> as an instant, as <see cref="EarlyFinishDate"/> shows it, from the
    /// arrays of a forward pass (this result's, or a Monte Carlo iteration's <see cref="ForwardBuffers"/>): the one
    /// date convention of the schedule and the forecast. Allocates nothing.
    /// </summary>
    internal static long EarlyFinishInstant(ScheduleNetwork network, long[] earlyStart, long[] earlyFinish, int[] driver, StartDriver[] why, int task)
    {
        var node = network.NodeOfTask[task];
        var calendar = network.CalendarArray[network.NodeCalendar[node]];
        var position = earlyFinish[node];
        return FinishShowsStart(network, earlyStart, earlyFinish, driver, why, task, position)
            ? calendar.StartInstant(position)
            : calendar.FinishInstant(position);
    }

    /// <summary>
    /// Whether a finish at <paramref name="position"/> shows as a start date (Monday 08:00) rather than a finish date
    /// (Friday 17:00): a milestone not shown at its predecessor's finish, or a finish set by a start-to-finish link
    /// without lag.
    /// </summary>
    private static bool FinishShowsStart(ScheduleNetwork network, long[] earlyStart, long[] earlyFinish, int[] driver, StartDriver[] why, int task, long position) =>
        (network.DurationOf(task) == 0 && !network.IsSummary(task) && !AtPredecessorFinish(network, earlyStart, earlyFinish, driver, why, task))
        || FinishAtPredecessorStart(network, earlyFinish, driver, why, task, position);

    /// <summary>
    /// Whether a zero-duration task sits at its predecessor's (or parent's) finish, so shows the finish-style date of its
    /// position (Friday 17:00) as start and finish.
    /// </summary>
    private static bool AtPredecessorFinish(ScheduleNetwork network, long[] earlyStart, long[] earlyFinish, int[] driver, StartDriver[] why, int task)
    {
        var node = network.NodeOfTask[task];
        if (earlyFinish[node] != earlyStart[node] || network.IsSummary(task) || why[node] is not (StartDriver.Predecessor or StartDriver.Parent))
        {
            return false;
        }

        // The finish-style date (Friday 17:00) stands for the predecessor's finish only when that finish is on the
        // milestone's calendar: after a weekend cutover (Sunday 22:00) the weekday milestone's position is still
        // Friday's end, and showing Friday would put it before its predecessor. Then it shows Monday 08:00.
        var k = driver[node];
        var u = network.InFrom[k];
        var c = network.NodeCalendar[node];
        var cu = network.NodeCalendar[u];
        if (cu == c || network.InLag[k] < 0)
        {
            return true;
        }

        var calendars = network.CalendarArray;
        var type = network.InType[k];
        var source = type is (byte)DependencyType.StartToStart or (byte)DependencyType.StartToFinish
            ? calendars[cu].StartInstant(earlyStart[u])
            : calendars[cu].FinishInstant(earlyFinish[u]);
        return calendars[c].FinishInstant(earlyStart[node]) >= source;
    }

    /// <summary>
    /// A finish set by a start-to-finish link without lag happens at the predecessor's start, so Microsoft Project shows
    /// it as a start date (Monday 08:00, not Friday 17:00); with a lag, working time was added and it is a finish date.
    /// </summary>
    private static bool FinishAtPredecessorStart(ScheduleNetwork network, long[] earlyFinish, int[] driver, StartDriver[] why, int task, long position)
    {
        var v = network.GateOfTask[task] >= 0 ? network.GateOfTask[task] : network.NodeOfTask[task];
        return !network.IsSummary(task) && position == earlyFinish[network.NodeOfTask[task]] && why[v] == StartDriver.Predecessor
            && network.InType[driver[v]] == (byte)DependencyType.StartToFinish && network.InLag[driver[v]] == 0;
    }

    private IReadOnlyList<int> WalkCriticalPath()
    {
        var net = Network;
        var last = -1;
        var latest = long.MinValue;
        for (var v = 0; v < net.NodeCount; v++)
        {
            if (net.NodeKind[v] != ScheduleNetwork.LeafNode)
            {
                continue;
            }

            var finish = net.SingleCalendar ? earlyFinish[v] : net.Calendars[net.NodeCalendar[v]].FinishInstant(earlyFinish[v]);
            // On a tie the later node in topological order wins: a milestone after the last task ends the path.
            if (finish >= latest)
            {
                latest = finish;
                last = v;
            }
        }

        var path = new List<int>();
        var visited = new HashSet<int>();
        for (var v = last; v >= 0 && visited.Add(v);)
        {
            switch (net.NodeKind[v])
            {
                case ScheduleNetwork.LeafNode:
                    path.Add(net.NodeTask[v]);
                    break;
                case ScheduleNetwork.SummaryNode:
                    // Into the child that finishes last.
                    v = driver[v] >= 0 ? net.InFrom[driver[v]] : -1;
                    continue;
                default:
                    break;
            }

            v = why[v] is StartDriver.Predecessor or StartDriver.Parent ? net.InFrom[driver[v]] : -1;
        }

        path.Reverse();
        return path;
    }
}
