using Throughline.Domain;
using Throughline.Scheduling.Calendars;

namespace Throughline.Scheduling;

/// <summary>
/// An immutable precedence network on flat arrays, ready for <see cref="CriticalPath"/>: build it once (with
/// <see cref="ScheduleNetworkBuilder"/>), schedule it many times with different durations.
/// </summary>
/// <remarks>
/// <para>
/// Internally every task is a <em>node</em>, numbered in topological order so that the forward pass walks the arrays
/// front to back. A summary task is two nodes: a <em>gate</em> before its children, which receives the links into
/// the summary and passes them on to every child (as Microsoft Project applies a summary's predecessors to its
/// children), and a <em>roll-up</em> after them, whose dates are the earliest child start and latest child finish
/// and from which the summary's own successor links leave.
/// </para>
/// <para>
/// Links are stored twice, grouped by target (for the forward pass) and by source (for the backward pass), each with
/// its type and lag, so that neither pass chases an edge id.
/// </para>
/// <para>
/// A dependency cycle is not an error here: the closing link of each cycle found is left out, the cycle is recorded in
/// <see cref="Cycles"/>, and the rest of the network schedules normally.
/// </para>
/// </remarks>
public sealed class ScheduleNetwork
{
    internal const byte Gate = 4;
    internal const byte Rollup = 5;

    internal const byte LeafNode = 0;
    internal const byte SummaryNode = 1;
    internal const byte GateNode = 2;

    private ScheduleNetwork(IReadOnlyList<CompiledCalendar> calendars, int taskCount, int nodeCount)
    {
        Calendars = calendars;
        CalendarArray = [.. calendars];
        TaskCount = taskCount;
        NodeCount = nodeCount;
        NodeKind = new byte[nodeCount];
        NodeTask = new int[nodeCount];
        NodeCalendar = new int[nodeCount];
        NodeOfTask = new int[taskCount];
        GateOfTask = new int[taskCount];
        Durations = new long[taskCount];
        IsMilestone = new bool[taskCount];
        Parent = new int[taskCount];
        ConstraintType = new ConstraintType[taskCount];
        ConstraintPosition = new long[taskCount];
        Deadline = new long[taskCount];
        ActualStart = new long[taskCount];
        ActualFinish = new long[taskCount];
        PercentComplete = new double[taskCount];
        Remaining = new long[taskCount];
        Split = new long[taskCount];
        SlackCalendar = new int[taskCount];
        IsPlain = new bool[taskCount];
        StartFixed = new bool[taskCount];
        ProjectStartPosition = new long[calendars.Count];
        StatusPosition = new long[calendars.Count];
        GivenFinishPosition = new long[calendars.Count];
    }

    public IReadOnlyList<CompiledCalendar> Calendars { get; }

    public int TaskCount { get; }

    /// <summary><see cref="Calendars"/> as an array, so the hot loops index it without an interface call.</summary>
    internal CompiledCalendar[] CalendarArray { get; }

    /// <summary>Tasks plus one gate per summary.</summary>
    internal int NodeCount { get; }

    /// <summary>The dependency cycles found, each as task indices in link order (a, b, c for a→b→c→a).</summary>
    public IReadOnlyList<IReadOnlyList<int>> Cycles { get; private set; } = [];

    /// <summary>The links left out to break <see cref="Cycles"/> (link indices).</summary>
    public IReadOnlyList<int> IgnoredLinks { get; private set; } = [];

    /// <summary>Default durations in working minutes by task index (summaries: 0, their span is rolled up).</summary>
    internal long[] Durations { get; }

    internal byte[] NodeKind { get; }

    internal int[] NodeTask { get; }

    internal int[] NodeCalendar { get; }

    /// <summary>The node holding a task's dates: for a summary its roll-up node.</summary>
    internal int[] NodeOfTask { get; }

    /// <summary>A summary's gate node, or -1.</summary>
    internal int[] GateOfTask { get; }

    internal bool[] IsMilestone { get; }

    internal int[] Parent { get; }

    internal ConstraintType[] ConstraintType { get; }

    /// <summary>Constraint dates as positions on the task's calendar.</summary>
    internal long[] ConstraintPosition { get; }

    /// <summary>Deadline positions; <see cref="long.MaxValue"/> for none.</summary>
    internal long[] Deadline { get; }

    /// <summary>Actual start and finish positions; -1 for none.</summary>
    internal long[] ActualStart { get; }

    internal long[] ActualFinish { get; }

    internal double[] PercentComplete { get; }

    /// <summary>Remaining duration given explicitly; -1 to derive it from the percent complete.</summary>
    internal long[] Remaining { get; }

    /// <summary>Working minutes the task is interrupted (split) between its start and finish; 0 for none.</summary>
    internal long[] Split { get; }

    /// <summary>Actual start and finish as given, for display: an actual date in non-working time is history, not moved.</summary>
    /// <remarks>Sparse (only tasks with actual dates): an array of nullable pairs cost 32 MB on the 1M-task benchmark.</remarks>
    internal Dictionary<int, (DateTime? Start, DateTime? Finish)> ActualDates { get; } = [];

    /// <summary>The calendar slack is counted on (by default the task's own scheduling calendar); only results read it.</summary>
    internal int[] SlackCalendar { get; }

    /// <summary>
    /// A start fixed by hand (a manually scheduled task): its must-start-on date holds in the forward pass, but unlike
    /// a constraint it does not bound the late dates, which follow from the successors.
    /// </summary>
    internal bool[] StartFixed { get; }

    /// <summary>No constraint, deadline, progress or split: the passes skip the arrays above for these tasks.</summary>
    internal bool[] IsPlain { get; }

    internal long ProjectStartInstant { get; private set; }

    /// <summary>Per calendar: the project start, the status date and the given project finish as positions (the latter two <see cref="long.MinValue"/> when absent).</summary>
    internal long[] ProjectStartPosition { get; }

    internal long[] StatusPosition { get; }

    internal long[] GivenFinishPosition { get; }

    internal bool HasStatusDate { get; private set; }

    internal bool HasGivenFinish { get; private set; }

    internal long GivenFinishInstant { get; private set; }

    // Incoming edges grouped by target node (CSR).
    internal int[] InStart { get; private set; } = [];

    internal int[] InFrom { get; private set; } = [];

    internal byte[] InType { get; private set; } = [];

    internal byte[] InLagKind { get; private set; } = [];

    internal long[] InLag { get; private set; } = [];

    internal int[] InLink { get; private set; } = [];

    // Outgoing edges grouped by source node (CSR).
    internal int[] OutStart { get; private set; } = [];

    internal int[] OutTo { get; private set; } = [];

    internal byte[] OutType { get; private set; } = [];

    internal byte[] OutLagKind { get; private set; } = [];

    internal long[] OutLag { get; private set; } = [];

    /// <summary>
    /// Backward across calendars, a link's bound is the finish instant of the successor's previous working minute
    /// (Primavera P6), not its start instant (Microsoft Project). Off by default.
    /// </summary>
    internal bool LinksBackFromFinish { get; private set; }

    /// <summary>True when every node uses calendar 0, so no link needs a calendar conversion.</summary>
    internal bool SingleCalendar { get; private set; }

    /// <summary>Whether <paramref name="task"/> has children (its duration is then rolled up, not given).</summary>
    public bool IsSummary(int task) => GateOfTask[task] >= 0;

    public int CalendarOf(int task) => NodeCalendar[NodeOfTask[task]];

    public long DurationOf(int task) => Durations[task];

    /// <summary>Whether the task has an actual finish (it is complete: its dates are history).</summary>
    internal bool IsFinished(int task) => !IsPlain[task] && ActualFinish[task] >= 0;

    /// <summary>Whether work on the task has begun: an actual start or finish, a percent complete, or less remaining than its duration.</summary>
    internal bool IsStarted(int task) =>
        !IsPlain[task] && (ActualStart[task] >= 0 || ActualFinish[task] >= 0 || PercentComplete[task] > 0 || (Remaining[task] >= 0 && Remaining[task] < Durations[task]));

    internal static ScheduleNetwork Create(
        IReadOnlyList<CompiledCalendar> calendars,
        DateTime projectStart,
        DateTime? statusDate,
        DateTime? projectFinish,
        List<ScheduleNetworkBuilder.TaskSpec> tasks,
        List<ScheduleNetworkBuilder.LinkSpec> links,
        bool linksBackFromFinish = false)
    {
        var n = tasks.Count;

        // Raw numbering: tasks 0..n-1, then one gate per summary.
        var childCount = new int[n];
        foreach (var t in tasks)
        {
            if (t.Parent >= 0)
            {
                childCount[t.Parent]++;
            }
        }

        var gateRaw = new int[n];
        var m = n;
        for (var i = 0; i < n; i++)
        {
            gateRaw[i] = childCount[i] > 0 ? m++ : -1;
        }

        var edges = new List<RawEdge>(links.Count + (2 * n));
        for (var l = 0; l < links.Count; l++)
        {
            var link = links[l];
            var to = gateRaw[link.Successor] >= 0 ? gateRaw[link.Successor] : link.Successor;
            edges.Add(new RawEdge(link.Predecessor, to, (byte)link.Type, (byte)link.Lag.Kind, link.Lag.Amount, l));
        }

        for (var c = 0; c < n; c++)
        {
            var p = tasks[c].Parent;
            if (p >= 0)
            {
                edges.Add(new RawEdge(gateRaw[p], gateRaw[c] >= 0 ? gateRaw[c] : c, Gate, 0, 0, -1));
                edges.Add(new RawEdge(c, p, Rollup, 0, 0, -1));
            }
        }

        var rawTask = new int[m];
        for (var i = 0; i < n; i++)
        {
            rawTask[i] = i;
            if (gateRaw[i] >= 0)
            {
                rawTask[gateRaw[i]] = i;
            }
        }

        var (order, disabled, cycles) = TopologicalOrder(m, edges, rawTask);

        var network = new ScheduleNetwork(calendars, n, m);
        var rank = new int[m];
        for (var k = 0; k < m; k++)
        {
            rank[order[k]] = k;
        }

        var singleCalendar = true;
        for (var k = 0; k < m; k++)
        {
            var raw = order[k];
            var task = rawTask[raw];
            network.NodeTask[k] = task;
            network.NodeCalendar[k] = tasks[task].Calendar;
            singleCalendar &= tasks[task].Calendar == 0;
            network.NodeKind[k] = raw >= n ? GateNode : gateRaw[raw] >= 0 ? SummaryNode : LeafNode;
        }

        network.SingleCalendar = singleCalendar;
        network.LinksBackFromFinish = linksBackFromFinish;
        for (var i = 0; i < n; i++)
        {
            var spec = tasks[i];
            var calendar = calendars[spec.Calendar];
            network.NodeOfTask[i] = rank[i];
            network.GateOfTask[i] = gateRaw[i] >= 0 ? rank[gateRaw[i]] : -1;
            network.Durations[i] = gateRaw[i] >= 0 ? 0 : spec.Duration;
            network.IsMilestone[i] = spec.IsMilestone;
            network.Parent[i] = spec.Parent;
            network.ConstraintType[i] = spec.Constraint;
            network.ConstraintPosition[i] = spec.ConstraintDate is { } cd ? calendar.PositionOf(cd) : 0;
            network.Deadline[i] = spec.Deadline is { } dl ? calendar.PositionOf(dl) : long.MaxValue;
            network.ActualStart[i] = spec.ActualStart is { } s ? calendar.PositionOf(s) : -1;
            network.ActualFinish[i] = spec.ActualFinish is { } f ? calendar.PositionOf(f) : -1;
            if (spec.ActualStart is not null || spec.ActualFinish is not null)
            {
                network.ActualDates[i] = (spec.ActualStart, spec.ActualFinish);
            }

            network.PercentComplete[i] = spec.PercentComplete;
            network.Remaining[i] = spec.Remaining ?? -1;
            network.Split[i] = gateRaw[i] >= 0 ? 0 : spec.Split;
            network.StartFixed[i] = spec.StartFixed;
            network.SlackCalendar[i] = spec.SlackCalendar >= 0 && gateRaw[i] < 0 ? spec.SlackCalendar : spec.Calendar;
            network.IsPlain[i] = spec.Constraint == Domain.ConstraintType.AsSoonAsPossible && spec.Deadline is null
                && spec.ActualStart is null && spec.ActualFinish is null && spec.PercentComplete == 0 && spec.Remaining is null
                && network.Split[i] == 0;
        }

        network.ProjectStartInstant = calendars[0].InstantOf(projectStart);
        network.HasStatusDate = statusDate.HasValue;
        network.HasGivenFinish = projectFinish.HasValue;
        network.GivenFinishInstant = projectFinish is { } pf ? calendars[0].InstantOf(pf) : long.MinValue;
        for (var c = 0; c < calendars.Count; c++)
        {
            network.ProjectStartPosition[c] = calendars[c].PositionOf(projectStart);
            network.StatusPosition[c] = statusDate is { } sd ? calendars[c].PositionOf(sd) : long.MinValue;
            network.GivenFinishPosition[c] = projectFinish is { } f ? calendars[c].PositionOf(f) : long.MinValue;
        }

        network.FillEdges(edges, disabled, rank);
        network.Cycles = cycles;
        network.IgnoredLinks = [.. disabled.Where(e => edges[e].Link >= 0).Select(e => edges[e].Link).Order()];
        return network;
    }

    private void FillEdges(List<RawEdge> edges, HashSet<int> disabled, int[] rank)
    {
        var count = edges.Count - disabled.Count;
        var inStart = new int[NodeCount + 1];
        var outStart = new int[NodeCount + 1];
        for (var e = 0; e < edges.Count; e++)
        {
            if (disabled.Count == 0 || !disabled.Contains(e))
            {
                inStart[rank[edges[e].To] + 1]++;
                outStart[rank[edges[e].From] + 1]++;
            }
        }

        for (var k = 0; k < NodeCount; k++)
        {
            inStart[k + 1] += inStart[k];
            outStart[k + 1] += outStart[k];
        }

        InFrom = new int[count];
        InType = new byte[count];
        InLagKind = new byte[count];
        InLag = new long[count];
        InLink = new int[count];
        OutTo = new int[count];
        OutType = new byte[count];
        OutLagKind = new byte[count];
        OutLag = new long[count];
        var inNext = (int[])inStart.Clone();
        var outNext = (int[])outStart.Clone();

        // Edges are visited in insertion order, so each node's list is in link order: ties break on link index.
        for (var e = 0; e < edges.Count; e++)
        {
            if (disabled.Count > 0 && disabled.Contains(e))
            {
                continue;
            }

            var edge = edges[e];
            var from = rank[edge.From];
            var to = rank[edge.To];
            var i = inNext[to]++;
            InFrom[i] = from;
            InType[i] = edge.Type;
            InLagKind[i] = edge.LagKind;
            InLag[i] = edge.Lag;
            InLink[i] = edge.Link;
            var o = outNext[from]++;
            OutTo[o] = to;
            OutType[o] = edge.Type;
            OutLagKind[o] = edge.LagKind;
            OutLag[o] = edge.Lag;
        }

        InStart = inStart;
        OutStart = outStart;
    }

    /// <summary>
    /// Kahn's algorithm, first-in first-out from the lowest index, so the order is deterministic and a network added
    /// layer by layer keeps its layers. When it stalls, every node left has a predecessor that is also left; walking
    /// predecessors from the lowest such node must revisit one, which closes a cycle. That cycle is recorded, its
    /// closing edge dropped, and the sort resumes.
    /// </summary>
    private static (int[] Order, HashSet<int> Disabled, List<IReadOnlyList<int>> Cycles) TopologicalOrder(int m, List<RawEdge> edges, int[] rawTask)
    {
        var outStart = new int[m + 1];
        var inStart = new int[m + 1];
        foreach (var e in edges)
        {
            outStart[e.From + 1]++;
            inStart[e.To + 1]++;
        }

        for (var i = 0; i < m; i++)
        {
            outStart[i + 1] += outStart[i];
            inStart[i + 1] += inStart[i];
        }

        var outEdges = new int[edges.Count];
        var inEdges = new int[edges.Count];
        var outNext = (int[])outStart.Clone();
        var inNext = (int[])inStart.Clone();
        var indegree = new int[m];
        for (var e = 0; e < edges.Count; e++)
        {
            outEdges[outNext[edges[e].From]++] = e;
            inEdges[inNext[edges[e].To]++] = e;
            indegree[edges[e].To]++;
        }

        var order = new int[m];
        var head = 0;
        var tail = 0;
        var done = new bool[m];
        for (var i = 0; i < m; i++)
        {
            if (indegree[i] == 0)
            {
                order[tail++] = i;
                done[i] = true;
            }
        }

        var disabled = new HashSet<int>();
        var cycles = new List<IReadOnlyList<int>>();
        var lowestLeft = 0;
        while (tail < m)
        {
            while (head < tail)
            {
                var v = order[head++];
                for (var k = outStart[v]; k < outStart[v + 1]; k++)
                {
                    var e = outEdges[k];
                    if (disabled.Count > 0 && disabled.Contains(e))
                    {
                        continue;
                    }

                    var to = edges[e].To;
                    if (--indegree[to] == 0)
                    {
                        order[tail++] = to;
                        done[to] = true;
                    }
                }
            }

            if (tail == m)
            {
                break;
            }

            while (done[lowestLeft])
            {
                lowestLeft++;
            }

            var (cycle, closing) = FindCycle(lowestLeft, edges, inStart, inEdges, done, disabled);
            cycles.Add(ToTasks(cycle, rawTask));
            disabled.Add(closing);
            var target = edges[closing].To;
            if (--indegree[target] == 0)
            {
                order[tail++] = target;
                done[target] = true;
            }
        }

        return (order, disabled, cycles);
    }

    private static (List<int> Cycle, int ClosingEdge) FindCycle(int start, List<RawEdge> edges, int[] inStart, int[] inEdges, bool[] done, HashSet<int> disabled)
    {
        // path[t + 1] is a predecessor of path[t]; viaEdge[t] is the edge path[t + 1] -> path[t].
        var path = new List<int> { start };
        var viaEdge = new List<int>();
        var at = new Dictionary<int, int> { [start] = 0 };
        while (true)
        {
            var v = path[^1];
            var chosen = -1;
            for (var k = inStart[v]; k < inStart[v + 1]; k++)
            {
                var e = inEdges[k];
                if (!disabled.Contains(e) && !done[edges[e].From])
                {
                    chosen = e;
                    break;
                }
            }

            var pred = edges[chosen].From;
            viaEdge.Add(chosen);
            if (at.TryGetValue(pred, out var i))
            {
                // Forward order: path[i] -> path[last] -> ... -> path[i + 1] -> path[i].
                var cycle = new List<int> { path[i] };
                for (var t = path.Count - 1; t > i; t--)
                {
                    cycle.Add(path[t]);
                }

                return (cycle, chosen);
            }

            at[pred] = path.Count;
            path.Add(pred);
        }
    }

    /// <summary>Maps a node cycle to task indices (a summary's gate and roll-up are one task), starting at the lowest index.</summary>
    private static int[] ToTasks(List<int> cycle, int[] rawTask)
    {
        var tasks = new List<int>();
        foreach (var node in cycle)
        {
            var task = rawTask[node];
            if (tasks.Count == 0 || tasks[^1] != task)
            {
                tasks.Add(task);
            }
        }

        if (tasks.Count > 1 && tasks[0] == tasks[^1])
        {
            tasks.RemoveAt(tasks.Count - 1);
        }

        var lowest = tasks.IndexOf(tasks.Min());
        return [.. tasks.Skip(lowest), .. tasks.Take(lowest)];
    }

    private readonly record struct RawEdge(int From, int To, byte Type, byte LagKind, long Lag, int Link);
}
