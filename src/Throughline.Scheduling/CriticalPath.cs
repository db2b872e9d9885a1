using Throughline.Domain;
using Throughline.Scheduling.Calendars;

namespace Throughline.Scheduling;

/// <summary>
/// The critical path method on a <see cref="ScheduleNetwork"/>: a forward pass for early dates, a backward pass for
/// late dates, then total and free slack. All arithmetic is in working-minute positions on each task's calendar;
/// a link between tasks on different calendars goes through the instant where its source event happens.
/// </summary>
/// <remarks>
/// Pure and deterministic: the network is never modified, so one network serves any number of runs with different
/// durations (<see cref="ForwardPass"/> reuses caller buffers for Monte Carlo).
/// The rules are written down in docs/scheduling.md.
/// </remarks>
public static class CriticalPath
{
    private const long NoBound = long.MaxValue;

    /// <summary>Schedules the network with its own durations.</summary>
    public static ScheduleResult Schedule(ScheduleNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return Schedule(network, network.Durations);
    }

    /// <summary>Schedules the network with <paramref name="durations"/> (working minutes by task index) instead of its own.</summary>
    public static ScheduleResult Schedule(ScheduleNetwork network, ReadOnlySpan<long> durations)
    {
        ArgumentNullException.ThrowIfNull(network);
        CheckDurations(network, durations);
        var m = network.NodeCount;
        var es = new long[m];
        var ef = new long[m];
        var driver = new int[m];
        var why = new StartDriver[m];
        var finishInstant = Forward(network, durations, es, ef, driver, why, new long[network.Calendars.Count]);

        var ls = new long[m];
        var lf = new long[m];
        var finishPositions = FinishPositions(network, finishInstant);
        var freeSlack = new long[m];
        Backward(network, finishPositions, es, ef, ls, lf, freeSlack);
        return new ScheduleResult(network, finishInstant, es, ef, ls, lf, freeSlack, driver, why);
    }

    /// <summary>
    /// The forward pass alone, into caller-owned buffers (length <see cref="ForwardBuffers"/>), for Monte Carlo runs
    /// that only need the finish. Returns the project finish as an instant on the calendars' shared origin.
    /// </summary>
    public static long ForwardPass(ScheduleNetwork network, ReadOnlySpan<long> durations, ForwardBuffers buffers)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(buffers);
        CheckDurations(network, durations);
        if (buffers.Length != network.NodeCount || buffers.LatestByCalendar.Length != network.Calendars.Count)
        {
            throw new ArgumentException("The buffers were made for another network.", nameof(buffers));
        }

        return Forward(network, durations, buffers.EarlyStart, buffers.EarlyFinish, buffers.Driver, buffers.Why, buffers.LatestByCalendar);
    }

    /// <summary>
    /// <see cref="ForwardPass(ScheduleNetwork, ReadOnlySpan{long}, ForwardBuffers)"/> with the remaining duration of
    /// each in-progress task that gives one explicitly taken from <paramref name="remaining"/> (by task index) instead
    /// of the network: how Monte Carlo varies the work left on a started item. Whether a task counts as started still
    /// follows the network.
    /// </summary>
    internal static long ForwardPass(ScheduleNetwork network, ReadOnlySpan<long> durations, ReadOnlySpan<long> remaining, ForwardBuffers buffers)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(buffers);
        CheckDurations(network, durations);
        CheckDurations(network, remaining);
        if (buffers.Length != network.NodeCount || buffers.LatestByCalendar.Length != network.Calendars.Count)
        {
            throw new ArgumentException("The buffers were made for another network.", nameof(buffers));
        }

        return Forward(network, durations, buffers.EarlyStart, buffers.EarlyFinish, buffers.Driver, buffers.Why, buffers.LatestByCalendar, remaining);
    }

    /// <summary>
    /// The forward pass with a leveling floor on each task's early start (<paramref name="floors"/>, a position on the
    /// task's calendar by task index, <see cref="long.MinValue"/> for none): how a capacity-aware Monte Carlo
    /// iteration holds back work whose people are busy. A floor acts like a start-no-earlier-than under the task's own
    /// constraint; <paramref name="remaining"/> may be empty (the network's remaining durations).
    /// </summary>
    internal static long ForwardPass(ScheduleNetwork network, ReadOnlySpan<long> durations, ReadOnlySpan<long> remaining, ReadOnlySpan<long> floors, ForwardBuffers buffers) =>
        Forward(network, durations, buffers.EarlyStart, buffers.EarlyFinish, buffers.Driver, buffers.Why, buffers.LatestByCalendar, remaining, floors);

    /// <summary><see cref="Schedule(ScheduleNetwork, ReadOnlySpan{long})"/> with leveling floors (see <see cref="ForwardPass(ScheduleNetwork, ReadOnlySpan{long}, ReadOnlySpan{long}, ReadOnlySpan{long}, ForwardBuffers)"/>).</summary>
    internal static ScheduleResult Schedule(ScheduleNetwork network, ReadOnlySpan<long> durations, ReadOnlySpan<long> floors)
    {
        CheckDurations(network, durations);
        CheckDurations(network, floors);
        var m = network.NodeCount;
        var es = new long[m];
        var ef = new long[m];
        var driver = new int[m];
        var why = new StartDriver[m];
        var finishInstant = Forward(network, durations, es, ef, driver, why, new long[network.Calendars.Count], default, floors);
        var ls = new long[m];
        var lf = new long[m];
        var freeSlack = new long[m];
        Backward(network, FinishPositions(network, finishInstant), es, ef, ls, lf, freeSlack);
        return new ScheduleResult(network, finishInstant, es, ef, ls, lf, freeSlack, driver, why);
    }

    private static void CheckDurations(ScheduleNetwork network, ReadOnlySpan<long> durations)
    {
        if (durations.Length != network.TaskCount)
        {
            throw new ArgumentException($"Expected {network.TaskCount} durations, got {durations.Length}.", nameof(durations));
        }
    }

    private static long Forward(ScheduleNetwork net, ReadOnlySpan<long> durations, long[] es, long[] ef, int[] driver, StartDriver[] why, long[] latest, ReadOnlySpan<long> remainingGiven = default, ReadOnlySpan<long> floors = default)
    {
        var leveled = !floors.IsEmpty;
        var calendars = net.CalendarArray;
        var kind = net.NodeKind;
        var nodeTask = net.NodeTask;
        var nodeCal = net.NodeCalendar;
        var inStart = net.InStart;
        var inFrom = net.InFrom;
        var inType = net.InType;
        var inLagKind = net.InLagKind;
        var inLag = net.InLag;
        var single = net.SingleCalendar;
        var plain = net.IsPlain;

        for (var v = 0; v < es.Length; v++)
        {
            var task = nodeTask[v];
            var c = nodeCal[v];
            var first = inStart[v];
            var last = inStart[v + 1];
            if (kind[v] == ScheduleNetwork.SummaryNode)
            {
                // Roll-up: earliest child start, latest child finish; the driver is the child that finishes last.
                var start = long.MaxValue;
                var finish = long.MinValue;
                var lastChild = -1;
                for (var k = first; k < last; k++)
                {
                    var u = inFrom[k];
                    var s = single ? es[u] : Convert(calendars, nodeCal[u], es[u], true, c, 0, 0);
                    var f = single ? ef[u] : Convert(calendars, nodeCal[u], ef[u], false, c, 0, 0);
                    start = Math.Min(start, s);
                    if (f > finish)
                    {
                        finish = f;
                        lastChild = k;
                    }
                }

                // A finish converted between calendars can land earlier (a child's Friday 17:00 for a Saturday
                // requirement), so the summary also finishes no earlier than its gate's floor or its own start.
                var gate = net.GateOfTask[task];
                es[v] = start;
                ef[v] = Math.Max(finish, Math.Max(ef[gate], start));
                driver[v] = lastChild;
                why[v] = StartDriver.Parent;
                continue;
            }

            var isGate = kind[v] == ScheduleNetwork.GateNode;
            var d = isGate ? 0 : durations[task];
            // The project start is only the default start: a start-no-earlier-than date before it still applies,
            // as in Microsoft Project (a task constrained to start before the project starts does so).
            var earliest = plain[task] || net.ConstraintType[task] != ConstraintType.StartNoEarlierThan
                ? net.ProjectStartPosition[c]
                : long.MinValue;
            var floor = long.MinValue;
            var drv = -1;
            var reason = StartDriver.ProjectStart;
            for (var k = first; k < last; k++)
            {
                var u = inFrom[k];
                var type = inType[k];
                if (type == ScheduleNetwork.Gate)
                {
                    // From the parent's gate: start no earlier than the summary may, finish no earlier than its floor.
                    var s = single ? es[u] : Convert(calendars, nodeCal[u], es[u], true, c, 0, 0);
                    var f = single ? ef[u] : Convert(calendars, nodeCal[u], ef[u], false, c, 0, 0);
                    if (s > earliest)
                    {
                        earliest = s;
                        drv = k;
                        reason = StartDriver.Parent;
                    }

                    if (isGate)
                    {
                        floor = Math.Max(floor, f);
                    }
                    else if (f - d > earliest)
                    {
                        earliest = f - d;
                        drv = k;
                        reason = StartDriver.Parent;
                    }

                    continue;
                }

                var fromStart = type is (byte)DependencyType.StartToStart or (byte)DependencyType.StartToFinish;
                var toFinish = type is (byte)DependencyType.FinishToFinish or (byte)DependencyType.StartToFinish;
                var lagKind = inLagKind[k];
                var lag = lagKind == (byte)LagKind.PercentOfPredecessor ? PercentLag(inLag[k], es[u], ef[u]) : inLag[k];
                var source = fromStart ? es[u] : ef[u];
                var required = single && lagKind != (byte)LagKind.Elapsed
                    ? source + lag
                    : Convert(calendars, nodeCal[u], source, fromStart, c, lagKind, lag);
                if (toFinish)
                {
                    if (isGate)
                    {
                        floor = Math.Max(floor, required);
                        continue;
                    }

                    required -= plain[task] ? d : d + net.Split[task];
                }

                if (required > earliest)
                {
                    earliest = required;
                    drv = k;
                    reason = StartDriver.Predecessor;
                }
            }

            if (!isGate && plain[task])
            {
                // Most tasks have no constraint, deadline or progress: skipping their six per-task arrays took the
                // 1M-task forward pass from 164-212 ms to 99-135 ms (loaded 2-core machine, docs/benchmarks.md).
                if (net.HasStatusDate && net.StatusPosition[c] > earliest)
                {
                    earliest = net.StatusPosition[c];
                    drv = -1;
                    reason = StartDriver.StatusDate;
                }

                if (leveled && floors[task] > earliest)
                {
                    earliest = floors[task];
                    drv = -1;
                    reason = StartDriver.Leveling;
                }

                es[v] = earliest;
                ef[v] = earliest + d;
                driver[v] = drv;
                why[v] = reason;
                continue;
            }

            var constraint = net.ConstraintType[task];
            var date = net.ConstraintPosition[task];
            if (isGate)
            {
                // A summary's constraint bounds its children through the gate: start constraints on the start,
                // finish constraints as a floor on every child's finish. Upper bounds act in the backward pass.
                switch (constraint)
                {
                    case ConstraintType.StartNoEarlierThan or ConstraintType.MustStartOn when date > earliest:
                        earliest = date;
                        drv = -1;
                        reason = StartDriver.Constraint;
                        break;
                    case ConstraintType.FinishNoEarlierThan or ConstraintType.MustFinishOn:
                        floor = Math.Max(floor, date);
                        break;
                    default:
                        break;
                }

                es[v] = earliest;
                ef[v] = Math.Max(earliest, floor);
                driver[v] = drv;
                why[v] = reason;
                continue;
            }

            var actualStart = net.ActualStart[task];
            var actualFinish = net.ActualFinish[task];
            var percent = net.PercentComplete[task];
            var remaining = net.Remaining[task];
            var started = actualStart >= 0 || actualFinish >= 0 || percent > 0 || (remaining >= 0 && remaining < d);
            if (!started && net.HasStatusDate && net.StatusPosition[c] > earliest)
            {
                earliest = net.StatusPosition[c];
                drv = -1;
                reason = StartDriver.StatusDate;
            }

            if (leveled && !started && floors[task] > earliest)
            {
                earliest = floors[task];
                drv = -1;
                reason = StartDriver.Leveling;
            }

            // Constraints are honoured over links (Microsoft Project's default); a conflict shows as negative slack.
            var span = d + net.Split[task];
            var constrained = constraint switch
            {
                ConstraintType.StartNoEarlierThan => Math.Max(earliest, date),
                ConstraintType.FinishNoEarlierThan => Math.Max(earliest, date - span),
                ConstraintType.StartNoLaterThan => Math.Min(earliest, date),
                ConstraintType.FinishNoLaterThan => Math.Min(earliest, date - span),
                ConstraintType.MustStartOn => date,
                ConstraintType.MustFinishOn => date - span,
                ConstraintType.AsSoonAsPossible or ConstraintType.AsLateAsPossible => earliest,
            };
            if (constrained != earliest)
            {
                earliest = constrained;
                drv = -1;
                reason = StartDriver.Constraint;
            }

            long end;
            if (actualFinish >= 0)
            {
                end = actualFinish;
                earliest = actualStart >= 0 ? actualStart : actualFinish - span;
                drv = -1;
                reason = StartDriver.Actual;
            }
            else if (started)
            {
                if (actualStart >= 0)
                {
                    earliest = actualStart;
                    drv = -1;
                    reason = StartDriver.Actual;
                }

                // A split's gap is counted with the work done: the interruption is behind the task, or else still
                // between its start and its remaining work.
                var done = (long)Math.Round(d * percent / 100, MidpointRounding.AwayFromZero);
                var left = remaining < 0 ? d - done : remainingGiven.IsEmpty ? remaining : remainingGiven[task];
                end = earliest + done + net.Split[task];
                if (net.HasStatusDate && left > 0)
                {
                    end = Math.Max(end, net.StatusPosition[c]);
                }

                end += left;
            }
            else
            {
                // A split task takes its work plus its interruption (Microsoft Project keeps a split's gap when the task moves).
                end = earliest + span;
            }

            es[v] = earliest;
            ef[v] = end;
            driver[v] = drv;
            why[v] = reason;
        }

        return FinishInstant(net, ef, latest);
    }

    /// <summary>The given project finish, or the latest early finish of any task; <paramref name="latest"/> is scratch, one per calendar.</summary>
    private static long FinishInstant(ScheduleNetwork net, long[] ef, long[] latest)
    {
        if (net.HasGivenFinish)
        {
            return net.GivenFinishInstant;
        }

        // One maximum per calendar, then one conversion each: no per-task binary search. The scratch array comes from
        // the caller (ForwardBuffers for a Monte Carlo iteration), so the forward pass allocates nothing.
        Array.Fill(latest, long.MinValue);
        var any = false;
        for (var v = 0; v < ef.Length; v++)
        {
            if (net.NodeKind[v] == ScheduleNetwork.LeafNode)
            {
                var c = net.NodeCalendar[v];
                latest[c] = Math.Max(latest[c], ef[v]);
                any = true;
            }
        }

        if (!any)
        {
            return net.ProjectStartInstant;
        }

        var instant = long.MinValue;
        for (var c = 0; c < latest.Length; c++)
        {
            if (latest[c] != long.MinValue)
            {
                instant = Math.Max(instant, net.CalendarArray[c].FinishInstant(latest[c]));
            }
        }

        return instant;
    }

    private static long[] FinishPositions(ScheduleNetwork net, long finishInstant)
    {
        var positions = new long[net.Calendars.Count];
        for (var c = 0; c < positions.Length; c++)
        {
            positions[c] = net.Calendars[c].PositionAt(finishInstant);
        }

        return positions;
    }

    /// <summary>
    /// Late dates in reverse topological order, and free slack alongside: both look at the same outgoing links, one
    /// against the successors' late dates, the other against their early dates (one walk over the out-links instead of two).
    /// </summary>
    private static void Backward(ScheduleNetwork net, long[] finishPositions, long[] es, long[] ef, long[] ls, long[] lf, long[] free)
    {
        var calendars = net.CalendarArray;
        var kind = net.NodeKind;
        var nodeTask = net.NodeTask;
        var nodeCal = net.NodeCalendar;
        var outStart = net.OutStart;
        var outTo = net.OutTo;
        var outType = net.OutType;
        var outLagKind = net.OutLagKind;
        var outLag = net.OutLag;
        var single = net.SingleCalendar;

        for (var v = es.Length - 1; v >= 0; v--)
        {
            var task = nodeTask[v];
            var c = nodeCal[v];
            var first = outStart[v];
            var last = outStart[v + 1];
            if (kind[v] == ScheduleNetwork.GateNode)
            {
                // All children are done: the summary's late dates are the earliest child late start and the latest
                // child late finish; links into the summary's finish are bounded by the earliest child late finish.
                var lateStart = long.MaxValue;
                var lateFinish = long.MinValue;
                var earliestLateFinish = long.MaxValue;
                var gateLateStart = long.MaxValue;
                var childFinish = long.MinValue;
                for (var k = first; k < last; k++)
                {
                    // The gate's own bounds invert the gate-to-child edge (w is a leaf or a child summary's gate);
                    // the summary's displayed late dates are its children's (x is a leaf or a child's roll-up).
                    var w = outTo[k];
                    var x = net.NodeOfTask[nodeTask[w]];
                    if (single)
                    {
                        gateLateStart = Math.Min(gateLateStart, ls[w]);
                        earliestLateFinish = Math.Min(earliestLateFinish, lf[w]);
                        lateStart = Math.Min(lateStart, ls[x]);
                        lateFinish = Math.Max(lateFinish, lf[x]);
                        childFinish = Math.Max(childFinish, ef[x]);
                        continue;
                    }

                    childFinish = Math.Max(childFinish, Convert(calendars, nodeCal[x], ef[x], false, c, 0, 0));

                    gateLateStart = Math.Min(gateLateStart, Back(calendars, c, true, nodeCal[w], 0, 0, ls[w]));
                    earliestLateFinish = Math.Min(earliestLateFinish, Back(calendars, c, false, nodeCal[w], 0, 0, lf[w]));
                    lateStart = Math.Min(lateStart, Convert(calendars, nodeCal[x], ls[x], true, c, 0, 0));
                    lateFinish = Math.Max(lateFinish, Convert(calendars, nodeCal[x], lf[x], false, c, 0, 0));
                }

                ls[v] = gateLateStart;
                lf[v] = earliestLateFinish;
                var summary = net.NodeOfTask[task];
                ls[summary] = lateStart;

                // Where the forward pass lifted the summary's finish above its children's (see there), lift the late
                // finish alike, so the lift is not read as negative slack.
                lf[summary] = lateFinish + Math.Max(0, ef[summary] - childFinish);
                free[summary] = ClampFreeSlack(free[summary], es[summary], ef[summary], lateStart, lateFinish);
                continue;
            }

            var latestFinish = finishPositions[c];
            var latestStart = NoBound;
            var freeSlack = latestFinish - ef[v];
            for (var k = first; k < last; k++)
            {
                var w = outTo[k];
                var type = outType[k];
                var cw = nodeCal[w];
                if (type == ScheduleNetwork.Rollup)
                {
                    // To the parent's roll-up, which holds the parent's bounds until its gate is reached.
                    latestFinish = Math.Min(latestFinish, single ? lf[w] : Back(calendars, c, false, cw, 0, 0, lf[w]));
                    if (ls[w] != NoBound)
                    {
                        // A bound on the summary's start (an SS or SF link out of it, SNLT, MSO) bounds its earliest
                        // child; a later child keeps its offset from the summary's start, so it is not made to start
                        // before it can (which would invent negative slack).
                        var offset = es[v] - (single ? es[w] : Back(calendars, c, true, cw, 0, 0, es[w]));
                        latestStart = Math.Min(latestStart, offset + (single ? ls[w] : Back(calendars, c, true, cw, 0, 0, ls[w])));
                    }

                    continue;
                }

                var fromStart = type is (byte)DependencyType.StartToStart or (byte)DependencyType.StartToFinish;
                var toFinish = type is (byte)DependencyType.FinishToFinish or (byte)DependencyType.StartToFinish;
                var lagKind = outLagKind[k];
                var lag = lagKind == (byte)LagKind.PercentOfPredecessor ? PercentLag(outLag[k], es[v], ef[v]) : outLag[k];
                var bound = toFinish ? lf[w] : ls[w];
                var allowed = single && lagKind != (byte)LagKind.Elapsed
                    ? bound - lag
                    : Back(calendars, c, fromStart, cw, lagKind, lag, bound, net.LinksBackFromFinish);
                if (fromStart)
                {
                    latestStart = Math.Min(latestStart, allowed);
                }
                else
                {
                    latestFinish = Math.Min(latestFinish, allowed);
                }

                // Free slack: the same link against the successor's early dates (a summary's are its roll-up's).
                var x = kind[w] == ScheduleNetwork.GateNode ? net.NodeOfTask[nodeTask[w]] : w;
                var early = toFinish ? ef[x] : es[x];
                var allowedEarly = single && lagKind != (byte)LagKind.Elapsed
                    ? early - lag
                    : Back(calendars, c, fromStart, nodeCal[x], lagKind, lag, early);
                freeSlack = Math.Min(freeSlack, allowedEarly - (fromStart ? es[v] : ef[v]));
            }

            if (!net.IsPlain[task])
            {
                var date = net.ConstraintPosition[task];
                switch (net.ConstraintType[task])
                {
                    case ConstraintType.FinishNoLaterThan or ConstraintType.MustFinishOn:
                        latestFinish = Math.Min(latestFinish, date);
                        break;
                    case ConstraintType.StartNoLaterThan or ConstraintType.MustStartOn when !net.StartFixed[task]:
                        latestStart = Math.Min(latestStart, date);
                        break;
                    default:
                        break;
                }

                latestFinish = Math.Min(latestFinish, net.Deadline[task]);
            }
            if (kind[v] == ScheduleNetwork.SummaryNode)
            {
                // Bounds for the children; the gate replaces them with the rolled-up late dates.
                lf[v] = latestFinish;
                ls[v] = latestStart;
                free[v] = freeSlack;
                continue;
            }

            var span = ef[v] - es[v];
            var start = Math.Min(latestFinish - span, latestStart);
            ls[v] = start;
            lf[v] = start + span;
            free[v] = ClampFreeSlack(freeSlack, es[v], ef[v], start, start + span);
        }
    }

    /// <summary>Free slack is never negative and never more than total slack.</summary>
    private static long ClampFreeSlack(long free, long earlyStart, long earlyFinish, long lateStart, long lateFinish) =>
        Math.Max(0, Math.Min(free, Math.Min(lateStart - earlyStart, lateFinish - earlyFinish)));

    private static long PercentLag(long percent, long start, long finish) =>
        (long)Math.Round(percent * (finish - start) / 100.0, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The earliest position on calendar <paramref name="to"/> that a link allows, given the source event at
    /// <paramref name="position"/> on calendar <paramref name="from"/>. A start event happens at its start instant
    /// (Monday 08:00), a finish event at its finish instant (Friday 17:00); working lag is added on the target's
    /// calendar, elapsed lag to the instant.
    /// </summary>
    internal static long Convert(CompiledCalendar[] calendars, int from, long position, bool fromStart, int to, byte lagKind, long lag)
    {
        if (lagKind != (byte)LagKind.Elapsed && from == to)
        {
            return position + lag;
        }

        var source = calendars[from];
        var instant = fromStart ? source.StartInstant(position) : source.FinishInstant(position);
        return lagKind == (byte)LagKind.Elapsed
            ? calendars[to].PositionAt(instant + lag)
            : calendars[to].PositionAt(instant) + lag;
    }

    /// <summary>
    /// The inverse of <see cref="Convert"/>: the latest source position whose link still allows <paramref name="bound"/>.
    /// With <paramref name="fromFinish"/> the target's bound is read as the finish instant of its previous working minute
    /// (Friday 16:00 for a Saturday 08:00 start), as Primavera P6 does, rather than its start instant.
    /// </summary>
    internal static long Back(CompiledCalendar[] calendars, int from, bool fromStart, int to, byte lagKind, long lag, long bound, bool fromFinish = false)
    {
        if (lagKind != (byte)LagKind.Elapsed && from == to)
        {
            return bound - lag;
        }

        var target = calendars[to];
        var instant = lagKind == (byte)LagKind.Elapsed ? target.StartInstant(bound) - lag
            : fromFinish ? target.FinishInstant(bound - lag)
            : target.StartInstant(bound - lag);
        var source = calendars[from];
        return fromStart ? source.LastStartAtOrBefore(instant) : source.PositionAt(instant);
    }
}
