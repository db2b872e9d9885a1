using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Throughline.Domain;
using Throughline.Scheduling.Calendars;

namespace Throughline.Scheduling.Forecasting;

/// <summary>
/// <see cref="CriticalPath.ForwardPass"/> for <see cref="Lanes"/> Monte Carlo iterations at once, on the networks
/// where a pass is integer max and plus: one calendar, no summaries, and no task with a constraint, deadline or
/// progress. Same rules, same numbers (pinned by a test against the engine's pass); faster because the network is
/// read once per eight iterations and each link is a vector add and max.
/// </summary>
/// <remarks>
/// <para>
/// Arrays are lane-major: iteration <c>i</c> of task or node <c>x</c> is at <c>x * Lanes + i</c>. Links are packed in
/// one array of structs in the engine's order (so a link's index is the engine's <c>In*</c> index), and what a link
/// needs is decided here once: a plain or working lag is an add; a percent lag (a share of the predecessor's sampled
/// duration) and an elapsed lag (through the calendar's instants) are worked out lane by lane, exactly as the engine does.
/// </para>
/// <para>
/// The pass keeps no drivers: on one calendar the earliest start is max(project start, every start requirement,
/// every finish requirement − duration, status date), and which link set it is needed only along the driving path
/// and for a target's date convention, so <see cref="DriverOf"/> recomputes it, in the engine's order and with its
/// tie-break (the first link to exceed the running maximum), for the few nodes that ask.
/// </para>
/// </remarks>
internal sealed class BatchPass
{
    public const int Lanes = 8;

    private const int FromStart = 1;
    private const int ToFinish = 2;
    private const int PercentLag = 4;
    private const int ElapsedLag = 8;

    /// <summary>A percent lag of 0 to 10,000%, worked out in vector registers (durations are never negative here).</summary>
    private const int VectorPercent = 16;

    /// <summary>A finish requirement that nothing sets: far below any position, with room to subtract a duration.</summary>
    private const long NoFloor = long.MinValue / 4;

    private readonly ScheduleNetwork network;
    private readonly CompiledCalendar calendar;
    private readonly CalendarTables time;
    private readonly Link[] links;
    private readonly int[] inStart;
    private readonly int[] nodeTask;
    private readonly long projectStart;
    private readonly bool hasStatus;
    private readonly long status;

    private BatchPass(ScheduleNetwork network, long horizon)
    {
        this.network = network;
        calendar = network.CalendarArray[0];
        inStart = network.InStart;
        nodeTask = network.NodeTask;
        projectStart = network.ProjectStartPosition[0];
        hasStatus = network.HasStatusDate;
        status = network.StatusPosition[0];
        links = new Link[network.InFrom.Length];
        for (var k = 0; k < links.Length; k++)
        {
            var type = network.InType[k];
            var op = (type is (byte)DependencyType.StartToStart or (byte)DependencyType.StartToFinish ? FromStart : 0)
                | (type is (byte)DependencyType.FinishToFinish or (byte)DependencyType.StartToFinish ? ToFinish : 0)
                | network.InLagKind[k] switch
                {
                    (byte)LagKind.PercentOfPredecessor => PercentLag,
                    (byte)LagKind.Elapsed => ElapsedLag,
                    _ => 0,
                };
            if ((op & PercentLag) != 0 && network.InLag[k] is >= 0 and <= 10_000)
            {
                op |= VectorPercent;
            }

            links[k] = new Link(network.InFrom[k], op, network.InLag[k]);
        }

        var elapsed = Enumerable.Range(0, links.Length).Where(k => (links[k].Op & ElapsedLag) != 0).Select(k => links[k].Lag).DefaultIfEmpty().Max();
        time = new CalendarTables(calendar, Math.Max(projectStart - 1, 0), links.Any(l => (l.Op & ElapsedLag) != 0) ? horizon : -1, Math.Max(elapsed, 0));
    }

    public int NodeCount => nodeTask.Length;

    /// <summary>
    /// The batch pass for <paramref name="network"/>, or null when the network needs the engine's general pass
    /// (several calendars, summaries, constraints or progress) or the machine has no 256-bit vectors.
    /// </summary>
    /// <param name="network">The network.</param>
    /// <param name="horizon">A position the runs will rarely pass (elapsed lags are looked up in tables up to it, worked out beyond).</param>
    public static BatchPass? TryCreate(ScheduleNetwork network, long horizon)
    {
        if (!Vector256.IsHardwareAccelerated || !network.SingleCalendar)
        {
            return null;
        }

        for (var v = 0; v < network.NodeCount; v++)
        {
            if (network.NodeKind[v] != ScheduleNetwork.LeafNode || !network.IsPlain[network.NodeTask[v]])
            {
                return null;
            }
        }

        for (var t = 0; t < network.TaskCount; t++)
        {
            if (network.DurationOf(t) < 0)
            {
                return null;
            }
        }

        for (var k = 0; k < network.InType.Length; k++)
        {
            if (network.InType[k] > (byte)DependencyType.StartToFinish)
            {
                return null;
            }
        }

        return new BatchPass(network, horizon);
    }

    /// <summary>
    /// Early starts and finishes (positions, by node and lane) for the durations <paramref name="durations"/> (by task
    /// and lane); returns each lane's latest early finish in <paramref name="latest"/> (<see cref="long.MinValue"/> when
    /// there is no task).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Forward(long[] durations, long[] es, long[] ef, Span<long> latest)
    {
        unchecked
        {
            ref var esRef = ref MemoryMarshal.GetArrayDataReference(es);
            ref var efRef = ref MemoryMarshal.GetArrayDataReference(ef);
            ref var dRef = ref MemoryMarshal.GetArrayDataReference(durations);
            var start = Vector256.Create(projectStart);
            var statusFloor = Vector256.Create(hasStatus ? status : long.MinValue);
            var noFloor = Vector256.Create(NoFloor);
            var max0 = Vector256.Create(long.MinValue);
            var max1 = max0;
            Span<long> special = stackalloc long[Lanes];
            for (var v = 0; v < nodeTask.Length; v++)
            {
                var s0 = start;
                var s1 = start;
                var f0 = noFloor;
                var f1 = noFloor;
                for (var k = inStart[v]; k < inStart[v + 1]; k++)
                {
                    var link = links[k];
                    Vector256<long> r0;
                    Vector256<long> r1;
                    if ((link.Op & VectorPercent) != 0)
                    {
                        // lag = round(percent × span / 100), half away from zero: for 0 <= x = percent × span < 2^45,
                        // (x + 50) / 100 in doubles, truncated, is that integer exactly (the division is correctly
                        // rounded and x / 100 is never within an ulp of a half).
                        var at = (nuint)link.From * Lanes;
                        var es0 = Vector256.LoadUnsafe(ref esRef, at);
                        var es1 = Vector256.LoadUnsafe(ref esRef, at + 4);
                        var ef0 = Vector256.LoadUnsafe(ref efRef, at);
                        var ef1 = Vector256.LoadUnsafe(ref efRef, at + 4);
                        var percent = Vector256.Create(link.Lag);
                        var half = Vector256.Create(50L);
                        var lag0 = Vector256.ConvertToInt64(Vector256.ConvertToDouble(((ef0 - es0) * percent) + half) / 100.0);
                        var lag1 = Vector256.ConvertToInt64(Vector256.ConvertToDouble(((ef1 - es1) * percent) + half) / 100.0);
                        r0 = ((link.Op & FromStart) != 0 ? es0 : ef0) + lag0;
                        r1 = ((link.Op & FromStart) != 0 ? es1 : ef1) + lag1;
                    }
                    else if ((link.Op & (PercentLag | ElapsedLag)) == 0)
                    {
                        var lag = Vector256.Create(link.Lag);
                        var at = (nuint)link.From * Lanes;
                        ref var source = ref (link.Op & FromStart) != 0 ? ref esRef : ref efRef;
                        r0 = Vector256.LoadUnsafe(ref source, at) + lag;
                        r1 = Vector256.LoadUnsafe(ref source, at + 4) + lag;
                    }
                    else
                    {
                        for (var i = 0; i < Lanes; i++)
                        {
                            special[i] = Required(link, i, es, ef);
                        }

                        r0 = Vector256.Create<long>(special[..4]);
                        r1 = Vector256.Create<long>(special[4..]);
                    }

                    if ((link.Op & ToFinish) != 0)
                    {
                        f0 = Vector256.Max(f0, r0);
                        f1 = Vector256.Max(f1, r1);
                    }
                    else
                    {
                        s0 = Vector256.Max(s0, r0);
                        s1 = Vector256.Max(s1, r1);
                    }
                }

                var taskAt = (nuint)nodeTask[v] * Lanes;
                var d0 = Vector256.LoadUnsafe(ref dRef, taskAt);
                var d1 = Vector256.LoadUnsafe(ref dRef, taskAt + 4);
                var e0 = Vector256.Max(Vector256.Max(s0, f0 - d0), statusFloor);
                var e1 = Vector256.Max(Vector256.Max(s1, f1 - d1), statusFloor);
                var nodeAt = (nuint)v * Lanes;
                e0.StoreUnsafe(ref esRef, nodeAt);
                e1.StoreUnsafe(ref esRef, nodeAt + 4);
                var g0 = e0 + d0;
                var g1 = e1 + d1;
                g0.StoreUnsafe(ref efRef, nodeAt);
                g1.StoreUnsafe(ref efRef, nodeAt + 4);
                max0 = Vector256.Max(max0, g0);
                max1 = Vector256.Max(max1, g1);
            }

            max0.CopyTo(latest);
            max1.CopyTo(latest[4..]);
        }
    }

    /// <summary>
    /// The link into node <paramref name="v"/> that set its early start in lane <paramref name="lane"/>, and why, as
    /// <see cref="CriticalPath.ForwardPass"/> records them: links in order, the first to exceed the running maximum
    /// (from the project start) wins; a later status date takes over.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (int Driver, StartDriver Why) DriverOf(int v, int lane, long[] durations, long[] es, long[] ef)
    {
        unchecked
        {
            var d = durations[(nodeTask[v] * Lanes) + lane];
            var earliest = projectStart;
            var driver = -1;
            var why = StartDriver.ProjectStart;
            for (var k = inStart[v]; k < inStart[v + 1]; k++)
            {
                var link = links[k];
                var required = Required(link, lane, es, ef);
                if ((link.Op & ToFinish) != 0)
                {
                    required -= d;
                }

                if (required > earliest)
                {
                    earliest = required;
                    driver = k;
                    why = StartDriver.Predecessor;
                }
            }

            return hasStatus && status > earliest ? (-1, StartDriver.StatusDate) : (driver, why);
        }
    }

    /// <summary>
    /// The instant task <paramref name="task"/> finishes in lane <paramref name="lane"/>, with the date convention of
    /// <see cref="ScheduleResult.EarlyFinishDate"/> (on one calendar without summaries: a zero-duration task not at its
    /// predecessor's finish, or a finish set by a start-to-finish link without lag, shows as a start date).
    /// </summary>
    public long FinishInstant(int task, int lane, long[] durations, long[] es, long[] ef)
    {
        var v = network.NodeOfTask[task];
        var at = (v * Lanes) + lane;
        var position = ef[at];
        var showsStart = false;
        if (network.DurationOf(task) == 0 || HasPlainStartToFinish(v))
        {
            var (driver, why) = DriverOf(v, lane, durations, es, ef);
            var atPredecessorFinish = ef[at] == es[at] && why == StartDriver.Predecessor;
            showsStart = (network.DurationOf(task) == 0 && !atPredecessorFinish)
                || (why == StartDriver.Predecessor && network.InType[driver] == (byte)DependencyType.StartToFinish && network.InLag[driver] == 0);
        }

        return showsStart ? time.StartInstant(position) : time.FinishInstant(position);
    }

    /// <summary>The predecessor node of link <paramref name="k"/>.</summary>
    public int From(int k) => links[k].From;

    public int TaskOf(int v) => nodeTask[v];

    private bool HasPlainStartToFinish(int v)
    {
        for (var k = inStart[v]; k < inStart[v + 1]; k++)
        {
            if (network.InType[k] == (byte)DependencyType.StartToFinish && network.InLag[k] == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What link <paramref name="link"/> requires of its target in lane <paramref name="lane"/>, before a finish link's duration is taken off.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long Required(Link link, int lane, long[] es, long[] ef)
    {
        unchecked
        {
            var at = (link.From * Lanes) + lane;
            var source = (link.Op & FromStart) != 0 ? es[at] : ef[at];
            if ((link.Op & PercentLag) != 0)
            {
                // As CriticalPath.PercentLag: a share of the predecessor's span in this lane.
                return source + (long)Math.Round(link.Lag * (ef[at] - es[at]) / 100.0, MidpointRounding.AwayFromZero);
            }

            if ((link.Op & ElapsedLag) != 0)
            {
                var instant = (link.Op & FromStart) != 0 ? time.StartInstant(source) : time.FinishInstant(source);
                return time.PositionAt(instant + link.Lag);
            }

            return source + link.Lag;
        }
    }

    private readonly record struct Link(int From, int Op, long Lag);

    /// <summary>
    /// The calendar's position → instant and instant → position maps as flat tables over the range a run covers, for
    /// elapsed lags: one load each instead of the compiled calendar's three or four dependent ones (day index, day,
    /// pattern, minute). Out of range, the calendar answers; the numbers are the same either way.
    /// </summary>
    /// <remarks>
    /// Measured on the benchmark network (2,994 elapsed links of 29,850): the calendar round trips took about two thirds
    /// of the batch pass. The tables are 4 bytes per working minute and per elapsed minute of the range (about 8 MB
    /// for three years), capped at <see cref="MaxEntries"/>.
    /// </remarks>
    private sealed class CalendarTables
    {
        private const long MaxEntries = 12_000_000;

        private readonly CompiledCalendar calendar;
        private readonly long firstPosition;
        private readonly int[] startInstant = [];
        private readonly long firstInstant;
        private readonly long firstPositionAt;
        private readonly int[] positionAt = [];

        /// <param name="calendar">The calendar.</param>
        /// <param name="from">The first position to tabulate.</param>
        /// <param name="to">The last position to tabulate; below <paramref name="from"/> for no tables.</param>
        /// <param name="lag">The longest elapsed lag, to tabulate instants that far past the last position.</param>
        public CalendarTables(CompiledCalendar calendar, long from, long to, long lag)
        {
            this.calendar = calendar;
            firstPosition = from;
            if (to < from)
            {
                return;
            }

            firstInstant = calendar.StartInstant(from);
            var lastInstant = calendar.StartInstant(to) + lag + 1;
            if (to - from + 1 + lastInstant - firstInstant + 1 > MaxEntries)
            {
                return;
            }

            startInstant = new int[to - from + 1];
            for (var p = from; p <= to; p++)
            {
                startInstant[p - from] = (int)(calendar.StartInstant(p) - firstInstant);
            }

            firstPositionAt = calendar.PositionAt(firstInstant);
            positionAt = new int[lastInstant - firstInstant + 1];
            for (var i = firstInstant; i <= lastInstant; i++)
            {
                positionAt[i - firstInstant] = (int)(calendar.PositionAt(i) - firstPositionAt);
            }
        }

        /// <summary>As <see cref="CompiledCalendar.StartInstant"/>.</summary>
        public long StartInstant(long position)
        {
            unchecked
            {
                var at = position - firstPosition;
                return (ulong)at < (ulong)startInstant.Length ? firstInstant + startInstant[at] : calendar.StartInstant(position);
            }
        }

        /// <summary>As <see cref="CompiledCalendar.FinishInstant"/>.</summary>
        public long FinishInstant(long position) => unchecked(position <= 0 ? StartInstant(0) : StartInstant(position - 1) + 1);

        /// <summary>As <see cref="CompiledCalendar.PositionAt"/>.</summary>
        public long PositionAt(long instant)
        {
            unchecked
            {
                var at = instant - firstInstant;
                return (ulong)at < (ulong)positionAt.Length ? firstPositionAt + positionAt[at] : calendar.PositionAt(instant);
            }
        }
    }
}
