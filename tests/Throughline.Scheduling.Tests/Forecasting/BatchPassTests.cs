using Throughline.Domain;
using Throughline.Scheduling.Forecasting;

namespace Throughline.Scheduling.Tests.Forecasting;

/// <summary>
/// The batch pass (eight iterations per pass, on one-calendar networks without summaries, constraints or progress)
/// is an optimisation, not a model: a run with it must equal, number for number, a run with the engine's pass.
/// </summary>
public class BatchPassTests
{
    [Theory]
    [InlineData(5000, 1UL, false)]
    [InlineData(3000, 9UL, true)]   // 3000 = 2 full blocks and one of 952 (cycle-walking, a partial last batch)
    [InlineData(13, 4UL, false)]    // one block, two batches, the second of 5 lanes
    public void Batched_runs_equal_the_engine_pass_iteration_for_iteration(int iterations, ulong seed, bool statusDate)
    {
        var model = OneCalendarModel(statusDate);
        model.Batch.ShouldNotBeNull();
        var options = new MonteCarloOptions { Iterations = iterations, Seed = seed, MaxDegreeOfParallelism = 1 };

        var engine = MonteCarlo.Run(model, options with { Batched = false });
        var batched = MonteCarlo.Run(model, options);

        ShouldBeIdentical(model, batched, engine);
    }

    [Fact]
    public void Batched_runs_do_not_depend_on_the_threads_and_leave_out_disabled_risks_alike()
    {
        var model = OneCalendarModel(statusDate: false);
        var options = new MonteCarloOptions { Iterations = 4096, Seed = 3, DisabledRisks = new HashSet<int> { 1 } };

        var one = MonteCarlo.Run(model, options with { MaxDegreeOfParallelism = 1 });
        var two = MonteCarlo.Run(model, options with { MaxDegreeOfParallelism = 2 });
        var engine = MonteCarlo.Run(model, options with { MaxDegreeOfParallelism = 2, Batched = false });

        ShouldBeIdentical(model, two, one);
        ShouldBeIdentical(model, engine, one);
        one.RiskOccurrence(1).ShouldBe(0);
    }

    [Fact]
    public void Networks_the_batch_pass_cannot_take_run_on_the_engine_pass()
    {
        // Two calendars, a summary, a constraint: each needs the engine's general pass.
        MonteCarloDeterminismTests.RandomModel().Batch.ShouldBeNull();

        var summary = new Net();
        var parent = summary.Task(0);
        var child = summary.Task(2);
        summary.Builder.SetParent(child, parent);
        new ForecastModelBuilder(summary.Builder.Build()).Build().Batch.ShouldBeNull();

        var constrained = new Net();
        var task = constrained.Task(2);
        constrained.Builder.SetConstraint(task, ConstraintType.StartNoEarlierThan, TestCalendars.At(11, 8));
        new ForecastModelBuilder(constrained.Builder.Build()).Build().Batch.ShouldBeNull();
    }

    [Theory]
    [InlineData(1024)]
    [InlineData(952)]
    [InlineData(8)]
    [InlineData(5)]
    [InlineData(1)]
    public void Eight_uniforms_at_once_equal_the_uniforms_one_at_a_time(int n)
    {
        var bits = LatinHypercube.BitsFor(n);
        Span<double> lanes = stackalloc double[8];
        for (var stream = 0; stream < 50; stream++)
        {
            var key = LatinHypercube.Key(77, 3, stream);
            for (var j0 = 0; j0 < n; j0 += 8)
            {
                LatinHypercube.Uniforms(key, j0, n, bits, lanes);
                for (var i = 0; i < 8 && j0 + i < n; i++)
                {
                    lanes[i].ShouldBe(LatinHypercube.Uniform(key, j0 + i, n, bits));
                }
            }
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.25)]   // on a table row: nothing to blend
    [InlineData(0.3)]
    [InlineData(0.999)]
    [InlineData(1.0)]
    public void Eight_beta_pert_durations_at_once_equal_the_durations_one_at_a_time(double mode)
    {
        var table = BetaPertTable.Values;
        var (row, blend) = BetaPertTable.Row(mode);
        var random = new Random(5);
        Span<long> lanes = stackalloc long[8];
        for (var batch = 0; batch < 500; batch++)
        {
            // The ends of the unit interval too: 1.0 itself is what a jitter rounded up to 1 gives.
            double[] u = batch == 0 ? [0.0, 1e-300, 0.5, 1.0, 1 - 1e-16, 1.0 / 1024, 1023.0 / 1024, 0.999] : [.. Enumerable.Range(0, 8).Select(_ => random.NextDouble())];
            var low = random.Next(0, 5000);
            var width = random.Next(0, 20_000) + random.NextDouble();
            BetaPertTable.Durations(table, row, blend, low, width, u, lanes);
            for (var i = 0; i < 8; i++)
            {
                lanes[i].ShouldBe((long)(low + (width * BetaPertTable.Quantile(table, row, blend, u[i])) + 0.5), $"u = {u[i]:R}");
            }
        }
    }

    private static void ShouldBeIdentical(ForecastModel model, MonteCarloResult actual, MonteCarloResult expected)
    {
        actual.Iterations.ShouldBe(expected.Iterations);
        for (var k = 0; k < model.Targets.Count; k++)
        {
            actual.Finishes(k).ToArray().ShouldBe(expected.Finishes(k).ToArray());
            for (var t = 0; t < model.TaskCount; t++)
            {
                actual.CriticalityIndex(k, t).ShouldBe(expected.CriticalityIndex(k, t), $"criticality of {t} to target {k}");
                actual.SensitivityIndex(k, t).ShouldBe(expected.SensitivityIndex(k, t), $"sensitivity of {t} to target {k}");
            }
        }

        for (var t = 0; t < model.TaskCount; t++)
        {
            actual.ProbabilityByDeterministicDate(t).ShouldBe(expected.ProbabilityByDeterministicDate(t), $"by-date share of {t}");
        }

        for (var r = 0; r < model.RiskCount; r++)
        {
            actual.RiskOccurrence(r).ShouldBe(expected.RiskOccurrence(r));
        }
    }

    /// <summary>
    /// 300 tasks on one calendar with holidays: every link type, working (negative too), elapsed and percent lags,
    /// milestones (zero durations, shown at a predecessor's finish or not), correlated and independent estimates of
    /// all three distributions, risks, and targets on a milestone, on a task fed by a lag-free start-to-finish link and
    /// on the project finish.
    /// </summary>
    private static ForecastModel OneCalendarModel(bool statusDate)
    {
        var random = new Random(23);
        var net = new Net(TestCalendars.Standard(new DateOnly(2024, 3, 29), new DateOnly(2024, 4, 1), new DateOnly(2024, 5, 27)));
        if (statusDate)
        {
            net.Builder.StatusDate = TestCalendars.At(20, 12);
        }

        const int n = 300;
        for (var t = 0; t < n; t++)
        {
            if (t % 17 == 5)
            {
                net.Milestone();
            }
            else
            {
                net.Task(random.Next(1, 12) / 2.0);
            }

            if (t >= 8)
            {
                for (var k = 0; k < 3; k++)
                {
                    var type = (DependencyType)random.Next(4);
                    var lag = random.Next(5) switch
                    {
                        0 => Lag.None,
                        1 => Net.Days(random.Next(-1, 3)),
                        2 => Lag.Elapsed(random.Next(0, 2880)),
                        3 => Lag.Percent(random.Next(0, 100)),
                        _ => Lag.None,
                    };
                    net.Link(random.Next(Math.Max(0, t - 40), t - 3), t, type, lag);
                }
            }
        }

        var sf = net.Task(1);
        net.Link(120, sf, DependencyType.StartToFinish);
        var network = net.Builder.Build();
        var builder = new ForecastModelBuilder(network) { Correlation = 0.35 };
        for (var t = 0; t < network.TaskCount; t++)
        {
            var d = network.DurationOf(t);
            builder.SetDuration(t, (DurationDistribution)(t % 3), d * 7 / 10, d, d * 17 / 10, t % 4 == 0 ? [] : [t % 3, 3 + (t % 2)]);
        }

        for (var r = 0; r < 5; r++)
        {
            builder.AddRisk(0.1 + (0.15 * r), 240 * (r + 1), [random.Next(n), random.Next(n), random.Next(n)]);
        }

        builder.AddTarget(5 + (17 * 10));
        builder.AddTarget(sf);
        builder.AddTarget(-1);
        return builder.Build();
    }
}
