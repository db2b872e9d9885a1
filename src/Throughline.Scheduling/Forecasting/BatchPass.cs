using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
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

    // The pass's own order of the links (a maximum does not depend on the order): per node, the plain links from a
    // predecessor's start, those from its finish, then the rest (percent and elapsed lags). The plain ones, four in
    // five links, run without a branch on the link's type. (Padding every node's plain links to the same count, so
    // that the loops' exits would predict, was measured and was slower: the padding costs more than it saves.)
    private readonly int[] plainStart;
    private readonly PlainLink[] plain;
    private readonly int[] restStart;
    private readonly Link[] rest;
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

        plainStart = new int[(2 * nodeTask.Length) + 1];
        restStart = new int[nodeTask.Length + 1];
        var plainLinks = new List<PlainLink>();
        var restLinks = new List<Link>();
        for (var v = 0; v < nodeTask.Length; v++)
        {
            foreach (var fromStart in (bool[])[true, false])
            {
                plainStart[(2 * v) + (fromStart ? 0 : 1)] = plainLinks.Count;
                for (var k = inStart[v]; k < inStart[v + 1]; k++)
                {
                    var link = links[k];
                    if (IsPlain(link) && ((link.Op & FromStart) != 0) == fromStart)
                    {
                        // A start link leaves the finish requirement alone and the other way round: the lag it does not
                        // take is far below any position.
                        var toFinish = (link.Op & ToFinish) != 0;
                        plainLinks.Add(new PlainLink(link.From * Lanes, toFinish ? NoFloor : link.Lag, toFinish ? link.Lag : NoFloor));
                    }
                }
            }

            restStart[v] = restLinks.Count;
            for (var k = inStart[v]; k < inStart[v + 1]; k++)
            {
                if (!IsPlain(links[k]))
                {
                    restLinks.Add(links[k]);
                }
            }
        }

        plainStart[^1] = plainLinks.Count;
        restStart[^1] = restLinks.Count;
        plain = [.. plainLinks];
        rest = [.. restLinks];

        var elapsed = Enumerable.Range(0, links.Length).Where(k => (links[k].Op & ElapsedLag) != 0).Select(k => links[k].Lag).DefaultIfEmpty().Max();
        time = new CalendarTables(calendar, Math.Max(projectStart - 1, 0), links.Any(l => (l.Op & ElapsedLag) != 0) ? horizon : -1, Math.Max(elapsed, 0));
    }

    public int NodeCount => nodeTask.Length;

    private static bool IsPlain(Link link) => (link.Op & (PercentLag | ElapsedLag)) == 0;

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
    public void Forward(long[] durations, long[] es, long[] ef, Span<long> latest, ByDate byDate = default)
    {
        // Eight lanes of 64 bits are one 512-bit register (two 256-bit ones where the machine has no AVX-512: the
        // runtime splits the operations, with the same results). The loads below are not bounds-checked.
        if (es.Length < nodeTask.Length * Lanes || ef.Length < nodeTask.Length * Lanes || durations.Length < network.TaskCount * Lanes)
        {
            throw new ArgumentException("The pass needs eight lanes per node and per task.");
        }

        unchecked
        {
            ref var esRef = ref MemoryMarshal.GetArrayDataReference(es);
            ref var efRef = ref MemoryMarshal.GetArrayDataReference(ef);
            ref var dRef = ref MemoryMarshal.GetArrayDataReference(durations);
            var start = Vector512.Create(projectStart);
            var statusFloor = Vector512.Create(hasStatus ? status : long.MinValue);
            var noFloor = Vector512.Create(NoFloor);
            var half = Vector512.Create(50L);
            var max = Vector512.Create(long.MinValue);
            Span<long> special = stackalloc long[Lanes];
            var (thresholds, counts, activeBits) = (byDate.Thresholds, byDate.Counts, (1u << byDate.Active) - 1);
            for (var v = 0; v < nodeTask.Length; v++)
            {
                var s = start;
                var f = noFloor;
                for (var k = plainStart[2 * v]; k < plainStart[(2 * v) + 1]; k++)
                {
                    var link = plain[k];
                    var from = Vector512.LoadUnsafe(ref esRef, (nuint)link.At);
                    s = Vector512.Max(s, from + Vector512.Create(link.StartLag));
                    f = Vector512.Max(f, from + Vector512.Create(link.FinishLag));
                }

                for (var k = plainStart[(2 * v) + 1]; k < plainStart[(2 * v) + 2]; k++)
                {
                    var link = plain[k];
                    var from = Vector512.LoadUnsafe(ref efRef, (nuint)link.At);
                    s = Vector512.Max(s, from + Vector512.Create(link.StartLag));
                    f = Vector512.Max(f, from + Vector512.Create(link.FinishLag));
                }

                for (var k = restStart[v]; k < restStart[v + 1]; k++)
                {
                    var link = rest[k];
                    Vector512<long> r;
                    if ((link.Op & VectorPercent) != 0)
                    {
                        // lag = round(percent × span / 100), half away from zero: for 0 <= x = percent × span < 2^45,
                        // (x + 50) / 100 in doubles, truncated, is that integer exactly (the division is correctly
                        // rounded and x / 100 is never within an ulp of a half).
                        var at = (nuint)link.From * Lanes;
                        var from = Vector512.LoadUnsafe(ref esRef, at);
                        var to = Vector512.LoadUnsafe(ref efRef, at);
                        var lag = Vector512.ConvertToInt64(Vector512.ConvertToDouble(((to - from) * Vector512.Create(link.Lag)) + half) / 100.0);
                        r = ((link.Op & FromStart) != 0 ? from : to) + lag;
                    }
                    else if ((link.Op & ElapsedLag) == 0 || !time.TryElapsed(link, Vector512.LoadUnsafe(ref (link.Op & FromStart) != 0 ? ref esRef : ref efRef, (nuint)link.From * Lanes), out r))
                    {
                        for (var i = 0; i < Lanes; i++)
                        {
                            special[i] = Required(link, i, es, ef);
                        }

                        r = Vector512.Create<long>(special);
                    }

                    if ((link.Op & ToFinish) != 0)
                    {
                        f = Vector512.Max(f, r);
                    }
                    else
                    {
                        s = Vector512.Max(s, r);
                    }
                }

                var d = Vector512.LoadUnsafe(ref dRef, (nuint)nodeTask[v] * Lanes);
                var e = Vector512.Max(Vector512.Max(s, f - d), statusFloor);
                var nodeAt = (nuint)v * Lanes;
                e.StoreUnsafe(ref esRef, nodeAt);
                var g = e + d;
                g.StoreUnsafe(ref efRef, nodeAt);
                max = Vector512.Max(max, g);
                if (counts is not null)
                {
                    // Here rather than in a sweep of its own over the finishes: they are in a register now.
                    var by = (uint)Vector512.LessThanOrEqual(g, Vector512.Create(thresholds![v])).ExtractMostSignificantBits();
                    counts[v] += BitOperations.PopCount(by & activeBits);
                }
            }

            max.CopyTo(latest);
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
            // The pass's early start is the maximum of the project start, every link's requirement and the status
            // date. The first link whose requirement is that maximum (above the project start) is the one that first
            // exceeded the running maximum, so the search stops there; if none is, the status date or the project
            // start set it. The same answer as trying every link, for about half the links on average.
            var d = durations[(nodeTask[v] * Lanes) + lane];
            var start = es[(v * Lanes) + lane];
            if (start > projectStart)
            {
                for (var k = inStart[v]; k < inStart[v + 1]; k++)
                {
                    var link = links[k];
                    var required = Required(link, lane, es, ef);
                    if ((link.Op & ToFinish) != 0)
                    {
                        required -= d;
                    }

                    if (required == start)
                    {
                        return (k, StartDriver.Predecessor);
                    }
                }

                return (-1, StartDriver.StatusDate);
            }

            return (-1, StartDriver.ProjectStart);
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

    internal readonly record struct Link(int From, int Op, long Lag);

    /// <summary>
    /// For a pass that also counts (when <paramref name="Counts"/> is not null), per node, the lanes (of the first <paramref name="Active"/>) whose early finish is
    /// at or before <paramref name="Thresholds"/>[node], into <paramref name="Counts"/>.
    /// </summary>
    public readonly record struct ByDate(long[]? Thresholds, int[]? Counts, int Active);

    /// <summary>A link without a percent or elapsed lag, for the pass: where its predecessor's lanes start, and the lag it adds to the start and to the finish requirement.</summary>
    private readonly record struct PlainLink(int At, long StartLag, long FinishLag);

    /// <summary>
    /// The calendar's position → instant and instant → position maps as flat tables over the range a run covers, for
    /// elapsed lags: fewer dependent loads than the compiled calendar's (day index, day, pattern, minute), from tables
    /// that stay in the cache. Out of range, the calendar answers; the numbers are the same either way.
    /// </summary>
    /// <remarks>
    /// Measured on the benchmark network (2,994 elapsed links of 29,850): the calendar round trips took about two thirds
    /// of the batch pass. Position → instant is one table of 4 bytes per working minute (about 1.4 MB for three years).
    /// Instant → position was a table of 4 bytes per minute too (6 MB for three years, more than the core's share of
    /// the second-level cache), and its misses were the largest single cost of a batch iteration in a profile (19%);
    /// it is now two small tables: per day, the working minutes before it and its pattern; per distinct day pattern,
    /// the working minutes before each minute of the day (a few KB).
    /// </remarks>
    private sealed class CalendarTables
    {
        private const long MaxEntries = 12_000_000;
        private const int MinutesPerDay = 1440;

        private readonly CompiledCalendar calendar;
        private readonly long firstPosition;
        private readonly int[] startInstant = [];
        private readonly long firstInstant;
        private readonly long firstDayInstant;
        private readonly long firstDayPosition;
        private readonly Day[] days = [];
        private readonly int[] withinDay = [];

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
            if (to - from + 1 > MaxEntries || firstInstant < 0)
            {
                return;
            }

            startInstant = new int[to - from + 1];
            for (var p = from; p <= to; p++)
            {
                startInstant[p - from] = (int)(calendar.StartInstant(p) - firstInstant);
            }

            firstDayInstant = firstInstant / MinutesPerDay * MinutesPerDay;
            firstDayPosition = calendar.PositionAt(firstDayInstant);
            days = new Day[((lastInstant - firstDayInstant) / MinutesPerDay) + 1];
            var patterns = new List<ushort[]>();
            var profile = new ushort[MinutesPerDay];
            for (var d = 0; d < days.Length; d++)
            {
                var dayStart = firstDayInstant + ((long)d * MinutesPerDay);
                var before = calendar.PositionAt(dayStart);
                for (var m = 0; m < MinutesPerDay; m++)
                {
                    profile[m] = (ushort)(calendar.PositionAt(dayStart + m) - before);
                }

                var pattern = patterns.FindIndex(known => known.AsSpan().SequenceEqual(profile));
                if (pattern < 0)
                {
                    pattern = patterns.Count;
                    patterns.Add([.. profile]);
                }

                days[d] = new Day((int)(before - firstDayPosition), pattern * MinutesPerDay);
            }

            withinDay = [.. patterns.SelectMany(known => known).Select(minutes => (int)minutes)];
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
                var at = (ulong)(instant - firstDayInstant);
                var d = at / MinutesPerDay;
                if (d < (ulong)days.Length)
                {
                    var day = days[d];
                    return firstDayPosition + day.Before + withinDay[day.Row + (int)(at - (d * MinutesPerDay))];
                }

                return calendar.PositionAt(instant);
            }
        }

        /// <summary>
        /// What elapsed-lag link <paramref name="link"/> requires in all eight lanes at once, from its predecessor's
        /// start or finish positions <paramref name="source"/>: the same numbers as <see cref="Required"/>, by hardware
        /// gathers from the tables. False (and the caller goes lane by lane) without AVX-512 or when a lane falls
        /// outside the tables.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public unsafe bool TryElapsed(Link link, Vector512<long> source, out Vector512<long> required)
        {
            unchecked
            {
                required = default;
                if (!Avx2.IsSupported || !Vector512.IsHardwareAccelerated || days.Length == 0)
                {
                    return false;
                }

                // Position → instant: a start is the start of its own minute; a finish (FinishInstant) is one minute past
                // the start of the minute before it, and position 0's finish is its start.
                var fromStart = (link.Op & FromStart) != 0;
                var minute = fromStart ? source : source - Vector512<long>.One;
                var at = minute - Vector512.Create(firstPosition);
                if (!fromStart && Vector512.LessThanOrEqualAny(source, Vector512<long>.Zero))
                {
                    return false;
                }

                if (Vector512.GreaterThanOrEqualAny(at.AsUInt64(), Vector512.Create((ulong)startInstant.Length)))
                {
                    return false;
                }

                Vector512<long> instant;
                fixed (int* starts = startInstant)
                {
                    instant = Widen(Avx2.GatherVector128(starts, at.GetLower(), 4), Avx2.GatherVector128(starts, at.GetUpper(), 4))
                        + Vector512.Create(firstInstant + (fromStart ? 0 : 1) + link.Lag);
                }

                // Instant → position: the day (a correctly rounded quotient of integers below 2^40 floors exactly),
                // its working minutes before and pattern, then the pattern's minutes before the minute of the day.
                var offset = instant - Vector512.Create(firstDayInstant);
                var day = Vector512.ConvertToInt64(Vector512.Floor(Vector512.ConvertToDouble(offset) / MinutesPerDay));
                if (Vector512.GreaterThanOrEqualAny(day.AsUInt64(), Vector512.Create((ulong)days.Length)))
                {
                    return false;
                }

                var ofDay = offset - (day * MinutesPerDay);
                fixed (Day* first = days)
                fixed (int* within = withinDay)
                {
                    var entry = Vector512.Create(Avx2.GatherVector256((long*)first, day.GetLower(), 8), Avx2.GatherVector256((long*)first, day.GetUpper(), 8));
                    var before = entry & Vector512.Create(0xFFFF_FFFFL);
                    var at2 = Vector512.ShiftRightLogical(entry, 32) + ofDay;
                    var minutes = Widen(Avx2.GatherVector128(within, at2.GetLower(), 4), Avx2.GatherVector128(within, at2.GetUpper(), 4));
                    required = Vector512.Create(firstDayPosition) + before + minutes;
                }

                return true;
            }
        }

        private static Vector512<long> Widen(Vector128<int> lower, Vector128<int> upper) =>
            Vector512.Create(Avx2.ConvertToVector256Int64(lower), Avx2.ConvertToVector256Int64(upper));

        /// <summary>A day of the range: working minutes before it (from the range's first day) and where its pattern starts in the minute table.</summary>
        private readonly record struct Day(int Before, int Row);
    }
}
