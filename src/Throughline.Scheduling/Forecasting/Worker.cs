using Throughline.Domain;

namespace Throughline.Scheduling.Forecasting;

/// <summary>
/// One thread's share of a <see cref="MonteCarlo"/> run: its own durations, stream keys and forward-pass buffers,
/// made once and reused for every block it runs, so that an iteration allocates nothing.
/// </summary>
internal sealed class Worker
{
    private readonly long[] durations;
    private readonly ulong[] keys;
    private readonly double[] factors;
    private readonly bool[] occurred;
    private readonly long[] values;
    private readonly long[] deviations;
    private readonly ForwardBuffers buffers;
    private readonly double[] pert;
    private readonly long[] lastPosition;
    private readonly int[] leafCalendars;
    private long finish;

    public Worker(ForecastModel model)
    {
        durations = new long[model.TaskCount];
        keys = new ulong[model.StreamCount];
        factors = new double[model.GroupCount];
        occurred = new bool[model.RiskCount];
        values = new long[model.Targets.Count];
        deviations = new long[model.Targets.Count];
        buffers = new ForwardBuffers(model.Network);
        pert = BetaPertTable.Values;
        lastPosition = new long[model.Network.Calendars.Count];
        leafCalendars = model.LeafCalendars;
    }

    public void RunBlock(MonteCarlo.RunContext context, int block, int start, int size, long[][] finishes, MonteCarlo.Partial partial)
    {
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
        var kind = model.Kind;
        var min = model.Min;
        var range = model.Range;
        var shape = model.Shape;
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

                var x = kind[t] switch
                {
                    (byte)DurationDistribution.Triangular => min[t] + (range[t] * Triangular(shape[t], u)),
                    (byte)DurationDistribution.BetaPert => min[t] + (range[t] * BetaPertTable.Quantile(pert, shape[t], u)),
                    _ => min[t] + Math.Exp(model.Mu[t] + (model.Sigma[t] * StandardNormal.Quantile(u))),
                };
                durations[t] = unchecked((long)(x + 0.5));
            }

            for (var r = 0; r < risks; r++)
            {
                occurred[r] = LatinHypercube.Uniform(keys[model.RiskStream(r)], j, size, bits) < model.RiskProbability[r]
                    && (disabled.Count == 0 || !disabled.Contains(r));
                if (occurred[r])
                {
                    partial.RiskHits[r]++;
                    for (var l = model.RiskLinkStart[r]; l < model.RiskLinkStart[r + 1]; l++)
                    {
                        durations[model.RiskLinkTask[l]] += model.RiskImpact[r];
                    }
                }
            }

            finish = CriticalPath.ForwardPass(net, durations, buffers);
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
