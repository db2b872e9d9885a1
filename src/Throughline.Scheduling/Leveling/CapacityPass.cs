using Throughline.Scheduling.Calendars;

namespace Throughline.Scheduling.Leveling;

/// <summary>
/// What makes a Monte Carlo iteration respect capacity: the leveled plan's day model (<see cref="LevelingModel"/>) on
/// flat arrays, and a serial schedule generation scheme that re-runs it on each iteration's sampled durations in the
/// leveled plan's priority order. Its output is a leveling floor per task for <see cref="CriticalPath"/>'s forward
/// pass, which then computes the iteration's dates at minute precision on every calendar.
/// </summary>
/// <remarks>
/// <para>
/// One iteration: the unleveled forward pass gives each job its release (the day its early start falls on, which
/// carries constraints, the status date and links across calendars) and its length (the program days it spans on its
/// calendar, at least its working time in days, as <see cref="LevelingModel"/> counts it); the scheme takes the jobs
/// in priority order and starts each at the first day from its release and its predecessors' day links where every
/// team and person it draws on has room for its whole length; a job that waited for room gets a floor at the start
/// of the day it found it (what its links ask, the forward pass computes exactly). Done, started and pinned items keep their dates; their load was taken off capacity when the
/// plan was leveled.
/// </para>
/// <para>
/// The priority order is the leveling solver's: jobs by their start day in its schedule, ties by index, each after
/// its predecessors. <see cref="ProgramLeveler"/> writes the leveled plan from this same pass on the plan's own
/// durations (<see cref="PlanFloors"/>), so the forecast's plan date is the leveled schedule's.
/// </para>
/// </remarks>
internal sealed class CapacityPass
{
    private readonly int[] jobTask;
    private readonly bool[] jobFixed;
    private readonly int[] order;
    private readonly int[] demandStart;
    private readonly int[] demandResource;
    private readonly int[] demandUnits;
    private readonly int[] predecessorStart;
    private readonly int[] predecessorJob;
    private readonly DayLink[] predecessorLink;
    private readonly int[] template;
    private readonly int horizon;
    private readonly int dayMinutes;
    private readonly long originPosition;

    private CapacityPass(LevelingModel model, RcpspInstance instance, int[] jobTask, IReadOnlyList<int> leveledStartDay, CompiledCalendar programCalendar)
    {
        var jobs = model.Leaves.Count;
        var resources = instance.ResourceCount;
        this.jobTask = jobTask;
        jobFixed = [.. model.Fixed];
        dayMinutes = model.DayMinutes;
        originPosition = programCalendar.PositionOf(model.DateOfDay(0));

        // Demands, sparse: job i is instance job i + 1 (job 0 is the instance's source).
        demandStart = new int[jobs + 1];
        var resource = new List<int>();
        var units = new List<int>();
        for (var i = 0; i < jobs; i++)
        {
            for (var r = 0; r < resources; r++)
            {
                if (instance.Demand(i + 1, r) is var u and > 0)
                {
                    resource.Add(r);
                    units.Add(u);
                }
            }

            demandStart[i + 1] = resource.Count;
        }

        demandResource = [.. resource];
        demandUnits = [.. units];

        // Links by successor.
        var links = model.Links.OrderBy(l => l.Successor).ThenBy(l => l.Predecessor).ToArray();
        predecessorStart = new int[jobs + 1];
        foreach (var link in links)
        {
            predecessorStart[link.Successor + 1]++;
        }

        for (var i = 0; i < jobs; i++)
        {
            predecessorStart[i + 1] += predecessorStart[i];
        }

        predecessorJob = [.. links.Select(l => l.Predecessor)];
        predecessorLink = links;

        // Room per resource and day, capacity profile included (fixed items' load already off), three times the
        // leveled horizon so that pessimistic iterations still find their days; past it a job is not held back.
        var longest = 0;
        for (var r = 0; r < resources; r++)
        {
            longest = Math.Max(longest, instance.CapacityProfileLength(r));
        }

        horizon = Math.Max(64, 3 * longest);
        template = new int[resources * horizon];
        for (var r = 0; r < resources; r++)
        {
            for (var t = 0; t < horizon; t++)
            {
                template[(r * horizon) + t] = instance.CapacityAt(r, t);
            }
        }

        order = PriorityOrder(jobs, links, leveledStartDay);
    }

    public int JobCount => jobTask.Length;

    /// <summary>The pass for a leveled plan, or null when leveling had nothing to level (no capacity data, or a cycle).</summary>
    public static CapacityPass? Create(ProgramLeveling leveling, ProgramNetwork built)
    {
        ArgumentNullException.ThrowIfNull(leveling);
        return leveling.Capacity is { } capacity ? Create(capacity, built) : null;
    }

    /// <summary>The pass for a day model, its instance and the priority (each leaf's start day in the solver's schedule).</summary>
    public static CapacityPass Create((LevelingModel Model, RcpspInstance Instance, int[] PriorityDays) capacity, ProgramNetwork built)
    {
        ArgumentNullException.ThrowIfNull(built);
        var (model, instance, priority) = capacity;
        var jobTask = new int[model.Leaves.Count];
        for (var i = 0; i < jobTask.Length; i++)
        {
            jobTask[i] = built.TaskOf[built.Index[model.Leaves[i].Id]];
        }

        return new CapacityPass(model, instance, jobTask, priority, built.Network.Calendars[0]);
    }

    /// <summary>
    /// The leveled plan: the pass on <paramref name="durations"/> (the network's own when null). Returns the floors by
    /// task and, by job, the day a job that waited for room starts (null for the others).
    /// </summary>
    public (long[] Floors, int?[] StartDay) PlanFloors(ScheduleNetwork net, long[]? durations = null)
    {
        ArgumentNullException.ThrowIfNull(net);
        durations ??= [.. Enumerable.Range(0, net.TaskCount).Select(net.DurationOf)];
        var buffers = new ForwardBuffers(net);
        var floors = new long[net.TaskCount];
        Array.Fill(floors, long.MinValue);
        CriticalPath.ForwardPass(net, durations, buffers);
        var scratch = NewScratch();
        Level(net, buffers, floors, scratch);
        var days = new int?[jobTask.Length];
        for (var j = 0; j < days.Length; j++)
        {
            days[j] = floors[jobTask[j]] == long.MinValue ? null : scratch.Start[j];
        }

        return (floors, days);
    }

    public Scratch NewScratch() => new(this);

    /// <summary>
    /// Levels one iteration: reads the unleveled early dates in <paramref name="buffers"/> and writes each job's
    /// leveling floor (or <see cref="long.MinValue"/>) into <paramref name="floors"/>, by task index. Allocates nothing.
    /// </summary>
    public void Level(ScheduleNetwork net, ForwardBuffers buffers, long[] floors, Scratch scratch)
    {
        var calendars = net.CalendarArray;
        var program = calendars[0];
        var es = buffers.EarlyStart;
        var ef = buffers.EarlyFinish;
        var release = scratch.Release;
        var length = scratch.Length;
        var start = scratch.Start;
        var free = scratch.Free;
        for (var j = 0; j < jobTask.Length; j++)
        {
            var v = net.NodeOfTask[jobTask[j]];
            var calendar = calendars[net.NodeCalendar[v]];
            var first = program.PositionAt(calendar.StartInstant(es[v]));
            release[j] = (int)(Math.Max(0, first - originPosition) / dayMinutes);
            var work = ef[v] - es[v];
            var span = work <= 0 ? 0 : program.PositionAt(calendar.FinishInstant(ef[v])) - first;
            length[j] = work <= 0 ? 0 : (int)((Math.Max(work, span) + dayMinutes - 1) / dayMinutes);
        }

        unchecked
        {
            foreach (var j in order)
            {
                var t = release[j];
                if (!jobFixed[j])
                {
                    for (var k = predecessorStart[j]; k < predecessorStart[j + 1]; k++)
                    {
                        var p = predecessorJob[k];
                        var candidate = start[p] + predecessorLink[k].StartLag(length[p], length[j]);
                        if (candidate > t)
                        {
                            t = candidate;
                        }
                    }

                }

                // Only a wait for room becomes a floor: what the links ask the forward pass computes exactly, where the
                // day model would round a predecessor's partial last day up to a whole one.
                var linked = t;
                if (!jobFixed[j])
                {
                    t = Fit(free, j, t, length[j]);
                }

                start[j] = t;
                Book(free, j, t, length[j], -1);
                var v = net.NodeOfTask[jobTask[j]];
                floors[jobTask[j]] = t > linked
                    ? calendars[net.NodeCalendar[v]].PositionAt(program.StartInstant(originPosition + ((long)t * dayMinutes)))
                    : long.MinValue;
            }

            // Give the room back: the scratch is ready for the next iteration without copying the template again.
            for (var j = 0; j < jobTask.Length; j++)
            {
                Book(free, j, start[j], length[j], 1);
            }
        }
    }

    /// <summary>The first day from <paramref name="t"/> where every resource of job <paramref name="j"/> has room for <paramref name="days"/> days.</summary>
    private int Fit(int[] free, int j, int t, int days)
    {
        if (days <= 0 || demandStart[j] == demandStart[j + 1])
        {
            return t;
        }

        var fits = false;
        while (!fits && t + days <= horizon)
        {
            fits = true;
            for (var k = demandStart[j]; k < demandStart[j + 1] && fits; k++)
            {
                var row = demandResource[k] * horizon;
                var u = demandUnits[k];

                // From the window's end backwards, so a conflict at day τ moves the candidate straight past τ.
                for (var tau = t + days - 1; tau >= t; tau--)
                {
                    if (free[row + tau] < u)
                    {
                        t = tau + 1;
                        fits = false;
                        break;
                    }
                }
            }
        }

        return t;
    }

    private void Book(int[] free, int j, int t, int days, int sign)
    {
        var end = Math.Min(horizon, t + days);
        for (var k = demandStart[j]; k < demandStart[j + 1]; k++)
        {
            var row = demandResource[k] * horizon;
            var u = sign * demandUnits[k];
            for (var tau = t; tau < end; tau++)
            {
                free[row + tau] += u;
            }
        }
    }

    /// <summary>Jobs in leveled start order, each after its predecessors (Kahn's algorithm, ties by index).</summary>
    private static int[] PriorityOrder(int jobs, DayLink[] links, IReadOnlyList<int> leveledStartDay)
    {
        var waiting = new int[jobs];
        var successors = new List<int>[jobs];
        for (var i = 0; i < jobs; i++)
        {
            successors[i] = [];
        }

        foreach (var link in links)
        {
            waiting[link.Successor]++;
            successors[link.Predecessor].Add(link.Successor);
        }

        var ready = new PriorityQueue<int, (int Day, int Job)>();
        for (var i = 0; i < jobs; i++)
        {
            if (waiting[i] == 0)
            {
                ready.Enqueue(i, (leveledStartDay[i], i));
            }
        }

        var result = new List<int>(jobs);
        while (ready.TryDequeue(out var job, out _))
        {
            result.Add(job);
            foreach (var s in successors[job])
            {
                if (--waiting[s] == 0)
                {
                    ready.Enqueue(s, (leveledStartDay[s], s));
                }
            }
        }

        // Leveling runs only without cycles, so every job is placed.
        return [.. result];
    }

    /// <summary>One worker's buffers for <see cref="Level"/>: made once, reused for every iteration.</summary>
    internal sealed class Scratch
    {
        public Scratch(CapacityPass pass)
        {
            Release = new int[pass.JobCount];
            Length = new int[pass.JobCount];
            Start = new int[pass.JobCount];
            Free = (int[])pass.template.Clone();
        }

        public int[] Release { get; }

        public int[] Length { get; }

        public int[] Start { get; }

        public int[] Free { get; }
    }
}
