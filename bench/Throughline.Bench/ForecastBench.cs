using Throughline.Domain;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Throughline.Scheduling.Forecasting;

namespace Throughline.Bench;

/// <summary>
/// Times <see cref="MonteCarlo.Run"/> on the layered benchmark network: every task gets a three-point estimate
/// (0.8, 1, 1.6 times its duration, Beta-PERT unless told otherwise), tasks fall in 20 correlated teams when
/// <c>--correlation</c> is given, and 50 risks hit 5 tasks each. Usage (see docs/benchmarks.md):
/// <c>dotnet run -c Release --project bench/Throughline.Bench -- --forecast [tasks] [iterations] [--threads N] [--runs N] [--triangular] [--correlation R] [--no-stats]</c>
/// </summary>
internal static class ForecastBench
{
    public static void Run(string[] args)
    {
        var positional = new List<int>();
        var threads = new List<int>();
        var runs = 3;
        var distribution = DurationDistribution.BetaPert;
        var correlation = 0.0;
        var statistics = true;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--threads":
                    threads.Add(int.Parse(args[++i], CultureInfo.InvariantCulture));
                    break;
                case "--runs":
                    runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--triangular":
                    distribution = DurationDistribution.Triangular;
                    break;
                case "--correlation":
                    correlation = double.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--no-stats":
                    statistics = false;
                    break;
                default:
                    positional.Add(int.Parse(args[i], CultureInfo.InvariantCulture));
                    break;
            }
        }

        var tasks = positional.Count > 0 ? positional[0] : 10_000;
        var iterations = positional.Count > 1 ? positional[1] : 10_000;
        if (threads.Count == 0)
        {
            threads.AddRange([1, 2]);
        }

        var (network, links) = NetworkGenerator.Layered(tasks);
        var builder = new ForecastModelBuilder(network) { Correlation = correlation };
        var random = new Random(7);
        for (var t = 0; t < network.TaskCount; t++)
        {
            var d = network.DurationOf(t);
            builder.SetDuration(t, distribution, d * 8 / 10, d, d * 16 / 10, correlation > 0 ? t % 20 : -1);
        }

        for (var r = 0; r < 50; r++)
        {
            builder.AddRisk(0.05 + (random.NextDouble() * 0.5), 480L * random.Next(1, 10), Enumerable.Range(0, 5).Select(_ => random.Next(network.TaskCount)));
        }

        builder.AddTarget(-1);
        var model = builder.Build();
        Console.WriteLine(FormattableString.Invariant($"forecast: {tasks} tasks, {links} links, {iterations} iterations, {distribution}, correlation {correlation}, statistics {(statistics ? "on" : "off")}, {Environment.ProcessorCount} cores"));
        // The floor: the forward passes alone, one thread, fixed durations (what the engine's CriticalPath costs).
        var buffers = new Throughline.Scheduling.ForwardBuffers(network);
        var fixedDurations = Enumerable.Range(0, network.TaskCount).Select(network.DurationOf).ToArray();
        for (var w = 0; w < 200; w++)
        {
            Throughline.Scheduling.CriticalPath.ForwardPass(network, fixedDurations, buffers);
        }

        var passes = Math.Min(iterations, 2000);
        var passCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var passClock = Stopwatch.StartNew();
        for (var i = 0; i < passes; i++)
        {
            Throughline.Scheduling.CriticalPath.ForwardPass(network, fixedDurations, buffers);
        }

        passClock.Stop();
        var passCpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - passCpu).TotalSeconds;
        Console.WriteLine(FormattableString.Invariant($"forward pass alone: {passClock.Elapsed.TotalMilliseconds / passes:F3} ms per iteration ({passCpuSeconds * 1000 / passes:F3} ms CPU), {passClock.Elapsed.TotalSeconds / passes * iterations:F3} s for {iterations} iterations on one thread"));
        if (model.Batch is { } batch)
        {
            Split(model, batch);
        }

        Console.WriteLine(FormattableString.Invariant($"{"threads",8} {"median s",9} {"min s",7} {"max s",7} {"ns/task-iteration",18} {"CPU s",7} {"alloc MB",9} {"P50",17} {"P80",17}"));
        foreach (var threadCount in threads)
        {
            var options = new MonteCarloOptions { Iterations = iterations, Seed = 1, MaxDegreeOfParallelism = threadCount, Statistics = statistics };
            var times = new List<double>();
            var cpu = new List<double>();
            long allocated = 0;
            MonteCarloResult? result = null;
            for (var run = 0; run < runs + 1; run++)
            {
                GC.Collect();
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                result = MonteCarlo.Run(model, options);
                clock.Stop();
                var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
                allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

                // The first run warms up the JIT (and builds the PERT table) and is not counted.
                if (run > 0)
                {
                    times.Add(clock.Elapsed.TotalSeconds);
                    cpu.Add(cpuSeconds);
                }
            }

            times.Sort();
            cpu.Sort();
            var median = times[times.Count / 2];
            Console.WriteLine(FormattableString.Invariant($"{threadCount,8} {median,9:F3} {times[0],7:F3} {times[^1],7:F3} {median * 1e9 / ((double)tasks * iterations),18:F2} {cpu[cpu.Count / 2],7:F3} {allocated / 1e6,9:F1} {result!.FinishDate(result.Percentile(0, 0.5)),17:yyyy-MM-dd HH:mm} {result.FinishDate(result.Percentile(0, 0.8)),17:yyyy-MM-dd HH:mm}"));
        }
    }

    /// <summary>
    /// Where an iteration's time goes on the batch path, one thread, in microseconds per iteration: the batch pass
    /// alone (most-likely durations in all eight lanes), and the sampling of every uncertain duration (the uniforms
    /// alone, then uniforms and quantiles as the worker does them). Each figure is the fastest of 15 repeats of 16 batches:
    /// on a shared machine the minimum is the figure least disturbed by other people's work.
    /// </summary>
    private static void Split(ForecastModel model, BatchPass batch)
    {
        const int L = BatchPass.Lanes;
        const int Batches = 16;
        var n = model.TaskCount;
        var durations = new long[n * L];
        for (var t = 0; t < n; t++)
        {
            Array.Fill(durations, model.Network.DurationOf(t), t * L, L);
        }

        var es = new long[batch.NodeCount * L];
        var ef = new long[batch.NodeCount * L];
        var latest = new long[L];
        var pass = Fastest([MethodImpl(MethodImplOptions.AggressiveOptimization)] () => batch.Forward(durations, es, ef, latest));

        var pert = BetaPertTable.Values;
        var u = new double[L];
        var bits = LatinHypercube.BitsFor(MonteCarlo.BlockSize);
        var keys = Enumerable.Range(0, n).Select(t => LatinHypercube.Key(1, 0, t)).ToArray();
        var j0 = 0;
        var sink = 0.0;
        var uniforms = Fastest([MethodImpl(MethodImplOptions.AggressiveOptimization)] () =>
        {
            j0 = (j0 + L) % MonteCarlo.BlockSize;
            foreach (var t in model.Uncertain)
            {
                LatinHypercube.Uniforms(keys[t], j0, MonteCarlo.BlockSize, bits, u);
                sink += u[3];
            }
        });
        var sampling = Fastest([MethodImpl(MethodImplOptions.AggressiveOptimization)] () =>
        {
            // What the worker does for a full batch of Beta-PERT estimates: key to eight durations in registers.
            j0 = (j0 + L) % MonteCarlo.BlockSize;
            foreach (var t in model.Uncertain)
            {
                BetaPertTable.Durations(pert, model.PertRow[t], model.PertBlend[t], model.Min[t], model.Range[t], LatinHypercube.Eight(keys[t], j0, MonteCarlo.BlockSize, bits))
                    .CopyTo(durations.AsSpan(t * L));
            }
        });

        Console.WriteLine(FormattableString.Invariant($"batch path, one thread, fastest us per iteration: pass {pass:F1}; sampling {sampling:F1}, of which uniforms {uniforms:F1} ({model.Uncertain.Length} uncertain tasks; {sink % 2:F0})"));

        static double Fastest(Action batchOfEight)
        {
            var best = double.MaxValue;
            for (var repeat = 0; repeat < 16; repeat++)
            {
                var clock = Stopwatch.StartNew();
                for (var b = 0; b < Batches; b++)
                {
                    batchOfEight();
                }

                // The first repeat warms up the JIT.
                if (repeat > 0)
                {
                    best = Math.Min(best, clock.Elapsed.TotalMilliseconds * 1000 / (Batches * L));
                }
            }

            return best;
        }
    }
}
