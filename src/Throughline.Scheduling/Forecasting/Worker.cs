using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Throughline.Domain;
using Throughline.Scheduling.Leveling;

namespace Throughline.Scheduling.Forecasting;

/// <summary>
/// One thread's share of a <see cref="MonteCarlo"/> run: its own durations, stream keys and forward-pass buffers,
/// made once and reused for every block it runs, so that an iteration allocates nothing.
/// </summary>
internal sealed class Worker
{
    private readonly long[] durations;
    private readonly long[] remaining;
    private readonly ulong[] keys;
    private readonly double[] factors;
    private readonly bool[] occurred;
    private readonly long[] values;
    private readonly long[] deviations;
    private readonly ForwardBuffers buffers;
    private readonly double[] pert;
    private readonly long[] lastPosition;
    private readonly int[] leafCalendars;
    private readonly BatchPass? batch;
    private readonly long[] laneDurations = [];
    private readonly long[] laneEs = [];
    private readonly long[] laneEf = [];
    private readonly long[] laneValues = [];
    private readonly long[] laneDeviations = [];
    private readonly double[] laneFactors = [];
    private readonly byte[] laneOccurred = [];
    private readonly CapacityPass? capacity;
    private readonly CapacityPass.Scratch? capacityScratch;
    private readonly long[] floors = [];
    private long finish;

    public Worker(ForecastModel model)
    {
        durations = new long[model.TaskCount];
        remaining = [.. model.Network.Remaining];
        keys = new ulong[model.StreamCount];
        factors = new double[model.GroupCount];
        occurred = new bool[model.RiskCount];
        values = new long[model.Targets.Count];
        deviations = new long[model.Targets.Count];
        buffers = new ForwardBuffers(model.Network);
        pert = BetaPertTable.Values;
        lastPosition = new long[model.Network.Calendars.Count];
        leafCalendars = model.LeafCalendars;
        batch = model.Batch;
        capacity = model.Capacity;
        if (capacity is not null)
        {
            capacityScratch = capacity.NewScratch();
            floors = new long[model.TaskCount];
            Array.Fill(floors, long.MinValue);
        }
        if (batch is not null)
        {
            const int L = BatchPass.Lanes;
            laneDurations = new long[model.TaskCount * L];
            laneEs = new long[batch.NodeCount * L];
            laneEf = new long[batch.NodeCount * L];
            laneValues = new long[model.Targets.Count * L];
            laneDeviations = new long[model.Targets.Count * L];
            laneFactors = new double[model.GroupCount * L];
            laneOccurred = new byte[model.RiskCount];
        }
    }

    public void RunBlock(MonteCarlo.RunContext context, int block, int start, int size, long[][] finishes, MonteCarlo.Partial partial)
    {
        if (batch is not null && context.Options.Batched)
        {
            RunBlockBatched(context, block, start, size, finishes, partial);
            return;
        }

        var model = context.Model;
        var options = context.Options;
        var net = model.Network;
        var bits = LatinHypercube.BitsFor(size);
        for (var s = 0; s < keys.Length; s++)
        {
            keys[s] = LatinHypercube.Key(options.Seed, block, s);
        }

        context.BaseDurations.CopyTo(durations, 0);
        var uncertain = model.Uncertain;
        var groupStart = model.GroupStart;
        var groupOf = model.GroupOf;
        var loading = model.Loading;
        var own = model.Own;
        var risks = model.RiskCount;
        var targets = model.Targets;
        var statistics = options.Statistics;
        var disabled = options.DisabledRisks;

        for (var j = 0; j < size; j++)
        {
            for (var g = 0; g < factors.Length; g++)
            {
                factors[g] = StandardNormal.Quantile(LatinHypercube.Uniform(keys[model.GroupStream(g)], j, size, bits));
            }

            foreach (var t in uncertain)
            {
                var u = LatinHypercube.Uniform(keys[t], j, size, bits);
                if (groupStart[t + 1] > groupStart[t] && loading[t] > 0)
                {
                    var z = own[t] * StandardNormal.Quantile(u);
                    for (var l = groupStart[t]; l < groupStart[t + 1]; l++)
                    {
                        z += loading[t] * factors[groupOf[l]];
                    }

                    u = StandardNormal.Cdf(z);
                }

                durations[t] = Duration(model, pert, t, u);
            }

            // The work left on a started item scales with its sampled duration: r × sample / most likely.
            foreach (var t in model.Remaining)
            {
                remaining[t] = Scale(net.Remaining[t], durations[t], context.BaseDurations[t]);
            }

            var cost = 0.0;
            for (var r = 0; r < risks; r++)
            {
                occurred[r] = LatinHypercube.Uniform(keys[model.RiskStream(r)], j, size, bits) < model.RiskProbability[r]
                    && (disabled.Count == 0 || !disabled.Contains(r));
                if (occurred[r])
                {
                    partial.RiskHits[r]++;
                    cost += model.RiskCost[r];
                    for (var l = model.RiskLinkStart[r]; l < model.RiskLinkStart[r + 1]; l++)
                    {
                        var t = model.RiskLinkTask[l];
                        durations[t] += model.RiskImpact[r];
                        if (net.Remaining[t] >= 0)
                        {
                            // A risk on a started item delays the work still to do.
                            remaining[t] += model.RiskImpact[r];
                        }
                    }
                }
            }

            if (model.HasCost)
            {
                context.Costs[start + j] = cost;
            }

            finish = model.Remaining.Length > 0
                ? CriticalPath.ForwardPass(net, durations, remaining, buffers)
                : CriticalPath.ForwardPass(net, durations, buffers);
            if (capacity is not null)
            {
                // Level this iteration's durations, then schedule again with the jobs held back where people were busy.
                capacity.Level(net, buffers, floors, capacityScratch!);
                finish = CriticalPath.ForwardPass(net, durations, model.Remaining.Length > 0 ? remaining : default, floors, buffers);
            }
            for (var k = 0; k < targets.Count; k++)
            {
                var task = targets[k];
                values[k] = task < 0 ? finish : FinishInstant(net, task);
                finishes[k][start + j] = values[k];
            }

            if (statistics)
            {
                Gather(context, partial);
            }

            for (var r = 0; r < risks; r++)
            {
                if (occurred[r])
                {
                    for (var l = model.RiskLinkStart[r]; l < model.RiskLinkStart[r + 1]; l++)
                    {
                        durations[model.RiskLinkTask[l]] -= model.RiskImpact[r];
                    }
                }
            }
        }
    }

    /// <summary>A remaining duration <paramref name="given"/> scaled as the item's sampled duration is to its most likely one.</summary>
    internal static long Scale(long given, long sampled, long mostLikely) =>
        mostLikely > 0 ? (long)Math.Round(given * (double)sampled / mostLikely, MidpointRounding.AwayFromZero) : given;

    /// <summary>A sample of task <paramref name="t"/>'s duration at the (correlated) uniform <paramref name="u"/>, in whole working minutes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static long Duration(ForecastModel model, double[] pert, int t, double u)
    {
        var x = model.Kind[t] switch
        {
            (byte)DurationDistribution.Triangular => model.Min[t] + (model.Range[t] * Triangular(model.Shape[t], u)),
            (byte)DurationDistribution.BetaPert => model.Min[t] + (model.Range[t] * BetaPertTable.Quantile(pert, model.PertRow[t], model.PertBlend[t], u)),
            _ => model.Min[t] + Math.Exp(model.Mu[t] + (model.Sigma[t] * StandardNormal.Quantile(u))),
        };
        return unchecked((long)(x + 0.5));
    }

    /// <summary>
    /// <see cref="RunBlock"/> eight iterations at a time on a <see cref="BatchPass"/> network: the same draws (the
    /// streams are pure functions of the iteration), the same pass and the same statistics, so the same result.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RunBlockBatched(MonteCarlo.RunContext context, int block, int start, int size, long[][] finishes, MonteCarlo.Partial partial)
    {
        unchecked
        {
            const int L = BatchPass.Lanes;
            var pass = batch!;
            var model = context.Model;
            var options = context.Options;
            var net = model.Network;
            var bits = LatinHypercube.BitsFor(size);
            for (var s = 0; s < keys.Length; s++)
            {
                keys[s] = LatinHypercube.Key(options.Seed, block, s);
            }

            var baseDurations = context.BaseDurations;
            for (var t = 0; t < baseDurations.Length; t++)
            {
                Array.Fill(laneDurations, baseDurations[t], t * L, L);
            }

            var uncertain = model.Uncertain;
            var kind = model.Kind;
            var pertRow = model.PertRow;
            var pertBlend = model.PertBlend;
            var min = model.Min;
            var range = model.Range;
            var groupStart = model.GroupStart;
            var groupOf = model.GroupOf;
            var loading = model.Loading;
            var own = model.Own;
            var risks = model.RiskCount;
            var targets = model.Targets;
            var disabled = options.DisabledRisks;
            var calendar = net.CalendarArray[0];
            Span<double> u = stackalloc double[L];
            Span<long> latest = stackalloc long[L];
            Span<double> laneCost = stackalloc double[L];
            for (var j0 = 0; j0 < size; j0 += L)
            {
                var active = Math.Min(L, size - j0);
                for (var g = 0; g < model.GroupCount; g++)
                {
                    LatinHypercube.Uniforms(keys[model.GroupStream(g)], j0, size, bits, u);
                    for (var i = 0; i < L; i++)
                    {
                        laneFactors[(g * L) + i] = StandardNormal.Quantile(u[i]);
                    }
                }

                // A full batch of a block of 2^k iterations (all but the last batch of a run's last block): the common
                // estimate (Beta-PERT, no correlation) goes from stream key to eight durations in registers.
                var fused = Avx2.IsSupported && bits > 0 && j0 + L <= size;
                ref var durationRef = ref MemoryMarshal.GetArrayDataReference(laneDurations);
                foreach (var t in uncertain)
                {
                    var correlated = groupStart[t + 1] > groupStart[t] && loading[t] > 0;
                    if (!correlated && kind[t] == (byte)DurationDistribution.BetaPert && min[t] >= 0)
                    {
                        if (fused)
                        {
                            BetaPertTable.Durations(pert, pertRow[t], pertBlend[t], min[t], range[t], LatinHypercube.Eight(keys[t], j0, size, bits))
                                .StoreUnsafe(ref durationRef, (nuint)t * L);
                        }
                        else
                        {
                            LatinHypercube.Uniforms(keys[t], j0, size, bits, u);
                            BetaPertTable.Durations(pert, pertRow[t], pertBlend[t], min[t], range[t], u, laneDurations.AsSpan(t * L, L));
                        }

                        continue;
                    }

                    LatinHypercube.Uniforms(keys[t], j0, size, bits, u);
                    for (var i = 0; i < L; i++)
                    {
                        var ui = u[i];
                        if (correlated)
                        {
                            var z = own[t] * StandardNormal.Quantile(ui);
                            for (var l = groupStart[t]; l < groupStart[t + 1]; l++)
                            {
                                z += loading[t] * laneFactors[(groupOf[l] * L) + i];
                            }

                            ui = StandardNormal.Cdf(z);
                        }

                        laneDurations[(t * L) + i] = Duration(model, pert, t, ui);
                    }
                }

                laneCost.Clear();
                for (var r = 0; r < risks; r++)
                {
                    byte hit = 0;
                    if (disabled.Count == 0 || !disabled.Contains(r))
                    {
                        LatinHypercube.Uniforms(keys[model.RiskStream(r)], j0, size, bits, u);
                        for (var i = 0; i < L; i++)
                        {
                            if (u[i] < model.RiskProbability[r])
                            {
                                hit |= (byte)(1 << i);
                                partial.RiskHits[r] += i < active ? 1 : 0;
                                laneCost[i] += model.RiskCost[r];
                            }
                        }
                    }

                    laneOccurred[r] = hit;
                    if (hit != 0)
                    {
                        ApplyRisk(model, r, hit, model.RiskImpact[r]);
                    }
                }

                if (model.HasCost)
                {
                    laneCost[..active].CopyTo(context.Costs.AsSpan(start + j0, active));
                }

                // With statistics, the pass also counts the lanes that finish by each node's deterministic date.
                pass.Forward(laneDurations, laneEs, laneEf, latest, options.Statistics ? new BatchPass.ByDate(context.ByDateOfNode, partial.ByDeterministic, active) : default);
                for (var k = 0; k < targets.Count; k++)
                {
                    var task = targets[k];
                    for (var i = 0; i < active; i++)
                    {
                        var value = task >= 0
                            ? pass.FinishInstant(task, i, laneDurations, laneEs, laneEf)
                            : net.HasGivenFinish ? net.GivenFinishInstant
                            : latest[i] == long.MinValue ? net.ProjectStartInstant
                            : calendar.FinishInstant(latest[i]);
                        laneValues[(k * L) + i] = value;
                        finishes[k][start + j0 + i] = value;
                    }
                }

                if (options.Statistics)
                {
                    GatherBatched(context, partial, active);
                }

                for (var r = 0; r < risks; r++)
                {
                    if (laneOccurred[r] != 0)
                    {
                        ApplyRisk(model, r, laneOccurred[r], -model.RiskImpact[r]);
                    }
                }
            }
        }
    }

    private void ApplyRisk(ForecastModel model, int r, byte lanes, long impact)
    {
        unchecked
        {
            for (var l = model.RiskLinkStart[r]; l < model.RiskLinkStart[r + 1]; l++)
            {
                var at = model.RiskLinkTask[l] * BatchPass.Lanes;
                for (var i = 0; i < BatchPass.Lanes; i++)
                {
                    if ((lanes & (1 << i)) != 0)
                    {
                        laneDurations[at + i] += impact;
                    }
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void GatherBatched(MonteCarlo.RunContext context, MonteCarlo.Partial partial, int active)
    {
        unchecked
        {
            const int L = BatchPass.Lanes;
            var model = context.Model;
            var net = model.Network;
            var n = model.TaskCount;
            var calendar0 = net.CalendarArray[0];
            var targets = values.Length;
            Array.Clear(laneDeviations);
            for (var k = 0; k < targets; k++)
            {
                for (var i = 0; i < active; i++)
                {
                    var f = calendar0.PositionAt(laneValues[(k * L) + i]) - context.DeterministicPosition[k];
                    laneDeviations[(k * L) + i] = f;
                    partial.SumF[k] += f;
                    partial.SumF2[k] += f * f;
                    WalkDrivingPathBatched(net, model.Targets[k], i, laneValues[(k * L) + i], partial.Critical, k * n);
                }
            }

            // Lanes past the block's end count for nothing: their duration deviations are masked to zero. Eight lanes of
            // 64 bits are one 512-bit register (two 256-bit ones without AVX-512, split by the runtime).
            var keep = Vector512.ShiftRightArithmetic(Vector512.Create(0L, 1, 2, 3, 4, 5, 6, 7) - Vector512.Create((long)active), 63);
            ref var durationRef = ref MemoryMarshal.GetArrayDataReference(laneDurations);
            ref var deviationRef = ref MemoryMarshal.GetArrayDataReference(laneDeviations);
            var baseDurations = context.BaseDurations;
            var sumD = partial.SumD;
            var sumD2 = partial.SumD2;
            var sumDF = partial.SumDF;
            var f0 = targets > 0 ? Vector512.LoadUnsafe(ref deviationRef, 0) : Vector512<long>.Zero;
            foreach (var t in model.Variable)
            {
                var d = (Vector512.LoadUnsafe(ref durationRef, (nuint)t * L) - Vector512.Create(baseDurations[t])) & keep;
                sumD[t] += Vector512.Sum(d);
                sumD2[t] += Vector512.Sum(d * d);
                if (targets > 0)
                {
                    sumDF[t] += Vector512.Sum(d * f0);
                }

                for (var k = 1; k < targets; k++)
                {
                    sumDF[(k * n) + t] += Vector512.Sum(d * Vector512.LoadUnsafe(ref deviationRef, (nuint)(k * L)));
                }
            }
        }
    }

    /// <summary><see cref="WalkDrivingPath"/> for lane <paramref name="lane"/> of a batch, with drivers recomputed along the way.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WalkDrivingPathBatched(ScheduleNetwork net, int target, int lane, long finishInstant, int[] counts, int row)
    {
        unchecked
        {
            const int L = BatchPass.Lanes;
            var pass = batch!;
            int v;
            if (target >= 0)
            {
                v = net.NodeOfTask[target];
            }
            else
            {
                // As WalkDrivingPath: the last leaf (in topological order) whose finish is the project finish.
                var calendar = net.CalendarArray[0];
                var p = calendar.PositionAt(finishInstant);
                var last = calendar.FinishInstant(p) == finishInstant ? p : long.MinValue;
                v = -1;
                for (var node = pass.NodeCount - 1; node >= 0; node--)
                {
                    if (laneEf[(node * L) + lane] == last)
                    {
                        v = node;
                        break;
                    }
                }
            }

            while (v >= 0)
            {
                counts[row + pass.TaskOf(v)]++;
                var (driver, why) = pass.DriverOf(v, lane, laneDurations, laneEs, laneEf);
                v = why == StartDriver.Predecessor ? pass.From(driver) : -1;
            }
        }
    }

    /// <summary>The instant a task finishes in this iteration, as <see cref="ScheduleResult.EarlyFinishDate"/> shows it.</summary>
    private long FinishInstant(ScheduleNetwork net, int task) =>
        ScheduleResult.EarlyFinishInstant(net, buffers.EarlyStart, buffers.EarlyFinish, buffers.Driver, buffers.Why, task);

    /// <summary>The inverse distribution function of the triangular distribution on [0, 1] with its mode at <paramref name="mode"/>.</summary>
    internal static double Triangular(double mode, double u) =>
        u < mode ? Math.Sqrt(u * mode) : 1 - Math.Sqrt((1 - u) * (1 - mode));

    private void Gather(MonteCarlo.RunContext context, MonteCarlo.Partial partial)
    {
        var model = context.Model;
        var net = model.Network;
        var n = model.TaskCount;
        var baseDurations = context.BaseDurations;
        var sumD = partial.SumD;
        var sumD2 = partial.SumD2;
        var sumDF = partial.SumDF;
        var calendar0 = net.CalendarArray[0];
        for (var k = 0; k < values.Length; k++)
        {
            // In working minutes of the program calendar: a finish instant jumps over nights and weekends, which
            // would weaken the correlation of a duration with it for no reason of the work.
            var f = calendar0.PositionAt(values[k]) - context.DeterministicPosition[k];
            deviations[k] = f;
            partial.SumF[k] += f;
            partial.SumF2[k] += f * f;
            WalkDrivingPath(net, model.Targets[k], partial.Critical, k * n);
        }

        // One pass over the tasks that vary (a pass per sum cost ~30% more at 10,000 tasks).
        foreach (var t in model.Variable)
        {
            var d = durations[t] - baseDurations[t];
            sumD[t] += d;
            sumD2[t] += d * d;
            for (var k = 0; k < deviations.Length; k++)
            {
                sumDF[(k * n) + t] += d * deviations[k];
            }
        }

        // By node, front to back: no task-to-node indirection (summaries and gates have a threshold nothing meets).
        var ef = buffers.EarlyFinish;
        var byDate = context.ByDateOfNode;
        var counts = partial.ByDeterministic;
        for (var v = 0; v < counts.Length; v++)
        {
            counts[v] += ef[v] <= byDate[v] ? 1 : 0;
        }
    }

    /// <summary>
    /// Counts the tasks on the driving path into <paramref name="target"/> (the project finish for -1): back from it
    /// along the links that set each early start, through a summary to the child that finished last, as
    /// <see cref="ScheduleResult.CriticalPath"/> walks. Node indices fall strictly along the way (topological order).
    /// </summary>
    private void WalkDrivingPath(ScheduleNetwork net, int target, int[] counts, int row)
    {
        var ef = buffers.EarlyFinish;
        var why = buffers.Why;
        var driver = buffers.Driver;
        int v;
        if (target >= 0)
        {
            v = net.NodeOfTask[target];
        }
        else
        {
            // The project finish is the latest leaf finish; on each calendar only one position ends at that instant
            // (none if the minute before it is not working there). Comparing positions avoids converting every
            // leaf's finish to an instant, which cost more than the forward pass on the four-calendar example.
            var calendars = net.CalendarArray;
            foreach (var c in leafCalendars)
            {
                var p = calendars[c].PositionAt(finish);
                lastPosition[c] = calendars[c].FinishInstant(p) == finish ? p : long.MinValue;
            }

            v = -1;
            for (var node = net.NodeCount - 1; node >= 0; node--)
            {
                if (net.NodeKind[node] == ScheduleNetwork.LeafNode && ef[node] == lastPosition[net.NodeCalendar[node]])
                {
                    v = node;
                    break;
                }
            }
        }

        while (v >= 0)
        {
            switch (net.NodeKind[v])
            {
                case ScheduleNetwork.LeafNode:
                    counts[row + net.NodeTask[v]]++;
                    break;
                case ScheduleNetwork.SummaryNode:
                    v = driver[v] >= 0 ? net.InFrom[driver[v]] : -1;
                    continue;
                default:
                    break;
            }

            v = why[v] is StartDriver.Predecessor or StartDriver.Parent ? net.InFrom[driver[v]] : -1;
        }
    }
}


