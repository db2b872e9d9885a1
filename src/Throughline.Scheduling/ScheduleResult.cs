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

    public long LateStart(int task) => lateStart[Node(task)];

    public long LateFinish(int task) => lateFinish[Node(task)];

    /// <summary>The scheduled start: the early start, or the late start for an as-late-as-possible task.</summary>
    public long Start(int task) => IsAsLateAsPossible(task) ? LateStart(task) : EarlyStart(task);

    public long Finish(int task) => IsAsLateAsPossible(task) ? LateFinish(task) : EarlyFinish(task);

    /// <summary>How far the task can slip without moving the project finish or breaking a constraint or deadline: min(LS − ES, LF − EF).</summary>
    public long TotalSlack(int task)
    {
        var v = Node(task);
        return Math.Min(lateStart[v] - earlyStart[v], lateFinish[v] - earlyFinish[v]);
    }

    /// <summary>How far the task can slip without moving any successor's early dates (never negative, never above total slack when that is positive).</summary>
    public long FreeSlack(int task) => freeSlack[Node(task)];

    /// <summary>Total slack of zero or less.</summary>
    public bool IsCritical(int task) => TotalSlack(task) <= 0;

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
            StartDriver.ProjectStart or StartDriver.Constraint or StartDriver.StatusDate or StartDriver.Actual => -1,
        };
    }

    public DateTime EarlyStartDate(int task) => StartDate(task, EarlyStart(task));

    public DateTime EarlyFinishDate(int task) => FinishDate(task, EarlyFinish(task));

    public DateTime LateStartDate(int task) => StartDate(task, LateStart(task));

    public DateTime LateFinishDate(int task) => FinishDate(task, LateFinish(task));

    public DateTime StartDate(int task) => StartDate(task, Start(task));

    public DateTime FinishDate(int task) => FinishDate(task, Finish(task));

    /// <summary>
    /// The tasks (not summaries) of the critical path, first to last: from the task that finishes last, back along
    /// driving links (through summaries to the child that drove them) until a task that nothing drove.
    /// </summary>
    public IReadOnlyList<int> CriticalPath => criticalPath.Value;

    private int Node(int task) => Network.NodeOfTask[task];

    private int DriverNode(int task) => Network.GateOfTask[task] >= 0 ? Network.GateOfTask[task] : Network.NodeOfTask[task];

    private bool IsAsLateAsPossible(int task) =>
        Network.ConstraintType[task] == ConstraintType.AsLateAsPossible && !Network.IsSummary(task);

    private CompiledCalendar CalendarOf(int task) => Network.Calendars[Network.CalendarOf(task)];

    private DateTime StartDate(int task, long position) =>
        AtPredecessorFinish(Network, earlyStart, earlyFinish, driver, why, task) ? CalendarOf(task).ToFinishDate(position) : CalendarOf(task).ToStartDate(position);

    private DateTime FinishDate(int task, long position) =>
        FinishShowsStart(Network, earlyStart, earlyFinish, driver, why, task, position)
            ? CalendarOf(task).ToStartDate(position)
            : CalendarOf(task).ToFinishDate(position);

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
