using System.Collections.Concurrent;

namespace Throughline.Scheduling.Forecasting;

/// <summary>
/// Monte Carlo schedule risk analysis: each iteration samples every uncertain duration and every risk event of a
/// <see cref="ForecastModel"/>, runs <see cref="CriticalPath.ForwardPass"/> on the network (all link types, lags
/// and calendars), and records the targets' finishes, the driving path and each task's duration.
/// </summary>
/// <remarks>
/// <para>
/// Determinism: iterations are cut into blocks of <see cref="BlockSize"/>; each block is its own Latin Hypercube
/// and draws from streams keyed by (seed, block, stream) alone, and all statistics are integer sums. So the result
/// is the same whatever the number of threads, and whichever thread runs which block.
/// </para>
/// <para>
/// Blocks run in rounds of <see cref="RoundBlocks"/>, in parallel within a round; convergence is tested after each
/// block in block order, and blocks after the one where it holds are discarded, so stopping does not depend on timing
/// either. An iteration allocates nothing: each worker owns its durations and forward-pass buffers.
/// </para>
/// </remarks>
public static class MonteCarlo
{
    /// <summary>Iterations per block (a power of two, so no block but the last needs cycle-walking).</summary>
    public const int BlockSize = 1024;

    internal const int RoundBlocks = 8;

    public static MonteCarloResult Run(ForecastModel model, MonteCarloOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= MonteCarloOptions.Default;
        var net = model.Network;
        var cap = options.Iterations;
        var blocks = (cap + BlockSize - 1) / BlockSize;
        var targets = model.Targets.Count;
        var n = model.TaskCount;

        var baseDurations = new long[n];
        for (var t = 0; t < n; t++)
        {
            baseDurations[t] = net.DurationOf(t);
        }

        var plan = model.Schedule(baseDurations);
        var deterministic = new long[targets];
        for (var k = 0; k < targets; k++)
        {
            var task = model.Targets[k];
            deterministic[k] = task < 0 ? plan.ProjectFinishInstant : net.Calendars[0].InstantOf(plan.EarlyFinishDate(task));
        }

        // "By the deterministic date": finished by the end of the day the deterministic schedule finishes it. By node;
        // summaries and gates get a threshold no finish meets (their tasks' figures are not reported).
        var byDate = new long[net.NodeCount];
        Array.Fill(byDate, long.MinValue);
        foreach (var t in model.Leaves)
        {
            var calendar = net.Calendars[net.CalendarOf(t)];
            byDate[net.NodeOfTask[t]] = calendar.PositionOf(plan.EarlyFinishDate(t).Date.AddDays(1));
        }

        var costs = model.HasCost ? new double[cap] : [];
        var context = new RunContext(model, options, baseDurations, [.. deterministic.Select(net.Calendars[0].PositionAt)], byDate, costs);
        var finishes = new long[targets][];
        for (var k = 0; k < targets; k++)
        {
            finishes[k] = new long[cap];
        }

        var total = new Partial(model, options.Statistics);
        var partials = new Partial[Math.Min(RoundBlocks, blocks)];
        for (var i = 0; i < partials.Length; i++)
        {
            partials[i] = new Partial(model, options.Statistics);
        }

        var workers = new ConcurrentBag<Worker>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
        var convergence = options.StopOnConvergence;
        var history = new List<long>();
        var done = 0;
        var iterations = 0;
        var converged = false;
        while (done < blocks && !converged)
        {
            var first = done;
            var last = Math.Min(blocks, done + RoundBlocks);
            Parallel.For(
                first,
                last,
                parallel,
                () => workers.TryTake(out var w) ? w : new Worker(model),
                (block, _, worker) =>
                {
                    var start = block * BlockSize;
                    var size = Math.Min(BlockSize, cap - start);
                    var partial = partials[block - first];
                    partial.Clear();
                    worker.RunBlock(context, block, start, size, finishes, partial);
                    options.Progress?.Invoke(size);
                    return worker;
                },
                workers.Add);

            for (var block = first; block < last; block++)
            {
                total.Add(partials[block - first]);
                iterations = Math.Min(cap, (block + 1) * BlockSize);
                if (convergence is not null && targets > 0)
                {
                    history.Add(Settled(model, finishes[targets - 1], iterations));
                    if (iterations >= convergence.MinimumIterations && history.Count > convergence.Window
                        && history.TakeLast(convergence.Window + 1).Max() - history.TakeLast(convergence.Window + 1).Min() <= convergence.ThresholdMinutes)
                    {
                        converged = block + 1 < blocks;
                        break;
                    }
                }
            }

            done = last;
        }

        for (var k = 0; k < targets; k++)
        {
            Array.Resize(ref finishes[k], iterations);
            Array.Sort(finishes[k]);
        }

        if (model.HasCost)
        {
            Array.Resize(ref costs, iterations);
            Array.Sort(costs);
        }

        var byDeterministic = new int[n];
        if (options.Statistics)
        {
            for (var t = 0; t < n; t++)
            {
                byDeterministic[t] = total.ByDeterministic[net.NodeOfTask[t]];
            }
        }

        return new MonteCarloResult(model, iterations, converged, finishes, deterministic, total.Critical, total.Sensitivity(iterations), byDeterministic, total.RiskHits)
        {
            SortedCosts = costs,
        };
    }

    /// <summary>The P80 of the first <paramref name="count"/> finishes of the last target, in working minutes on the first calendar.</summary>
    private static long Settled(ForecastModel model, long[] finishes, int count)
    {
        var sorted = finishes[..count];
        Array.Sort(sorted);
        var p80 = sorted[Math.Max(0, (int)Math.Ceiling(0.8 * count) - 1)];
        return model.Network.Calendars[0].PositionAt(p80);
    }

    /// <summary>What every worker reads, and <see cref="Costs"/>, which each writes at its own iterations (empty without risk costs).</summary>
    internal sealed record RunContext(ForecastModel Model, MonteCarloOptions Options, long[] BaseDurations, long[] DeterministicPosition, long[] ByDateOfNode, double[] Costs);

    /// <summary>Integer sums over some blocks; adding them in any order gives the same totals.</summary>
    internal sealed class Partial
    {
        public Partial(ForecastModel model, bool statistics)
        {
            var n = statistics ? model.TaskCount : 0;
            var k = model.Targets.Count;
            SumD = new long[n];
            SumD2 = new long[n];
            SumDF = new long[n * k];
            SumF = new long[k];
            SumF2 = new long[k];
            Critical = new int[n * k];
            ByDeterministic = new int[statistics ? model.Network.NodeCount : 0];
            RiskHits = new int[model.RiskCount];
        }

        public long[] SumD { get; }

        public long[] SumD2 { get; }

        public long[] SumDF { get; }

        public long[] SumF { get; }

        public long[] SumF2 { get; }

        public int[] Critical { get; }

        public int[] ByDeterministic { get; }

        public int[] RiskHits { get; }

        public void Clear()
        {
            Array.Clear(SumD);
            Array.Clear(SumD2);
            Array.Clear(SumDF);
            Array.Clear(SumF);
            Array.Clear(SumF2);
            Array.Clear(Critical);
            Array.Clear(ByDeterministic);
            Array.Clear(RiskHits);
        }

        public void Add(Partial other)
        {
            Sum(SumD, other.SumD);
            Sum(SumD2, other.SumD2);
            Sum(SumDF, other.SumDF);
            Sum(SumF, other.SumF);
            Sum(SumF2, other.SumF2);
            for (var i = 0; i < Critical.Length; i++)
            {
                Critical[i] += other.Critical[i];
            }

            for (var i = 0; i < ByDeterministic.Length; i++)
            {
                ByDeterministic[i] += other.ByDeterministic[i];
            }

            for (var i = 0; i < RiskHits.Length; i++)
            {
                RiskHits[i] += other.RiskHits[i];
            }

            static void Sum(long[] into, long[] from)
            {
                for (var i = 0; i < into.Length; i++)
                {
                    into[i] += from[i];
                }
            }
        }

        /// <summary>Pearson correlations from the sums, all taken as deviations from the deterministic values.</summary>
        public double[] Sensitivity(int iterations)
        {
            var n = SumD.Length;
            var result = new double[SumDF.Length];
            for (var k = 0; k < SumF.Length; k++)
            {
                var meanF = SumF[k] / (double)iterations;
                var varF = (SumF2[k] / (double)iterations) - (meanF * meanF);
                for (var t = 0; t < n; t++)
                {
                    var meanD = SumD[t] / (double)iterations;
                    var varD = (SumD2[t] / (double)iterations) - (meanD * meanD);
                    var cov = (SumDF[(k * n) + t] / (double)iterations) - (meanD * meanF);
                    result[(k * n) + t] = varD > 1e-9 && varF > 1e-9 ? Math.Clamp(cov / Math.Sqrt(varD * varF), -1, 1) : 0;
                }
            }

            return result;
        }
    }
}
