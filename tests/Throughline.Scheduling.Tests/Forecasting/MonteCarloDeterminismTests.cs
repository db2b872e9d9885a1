using Throughline.Domain;
using Throughline.Scheduling.Forecasting;

namespace Throughline.Scheduling.Tests.Forecasting;

/// <summary>One seed, one result: whatever the number of threads, and whether or not the run stops on convergence.</summary>
public class MonteCarloDeterminismTests
{
    [Fact]
    public void A_fixed_seed_gives_the_same_result_on_one_and_two_threads()
    {
        var model = RandomModel();
        var options = new MonteCarloOptions { Iterations = 5000, Seed = 42 };

        var one = MonteCarlo.Run(model, options with { MaxDegreeOfParallelism = 1 });
        var two = MonteCarlo.Run(model, options with { MaxDegreeOfParallelism = 2 });

        one.Iterations.ShouldBe(5000);
        for (var k = 0; k < model.Targets.Count; k++)
        {
            two.Finishes(k).ToArray().ShouldBe(one.Finishes(k).ToArray());
            for (var t = 0; t < model.TaskCount; t++)
            {
                two.CriticalityIndex(k, t).ShouldBe(one.CriticalityIndex(k, t));
                two.SensitivityIndex(k, t).ShouldBe(one.SensitivityIndex(k, t));
            }
        }

        for (var t = 0; t < model.TaskCount; t++)
        {
            two.ProbabilityByDeterministicDate(t).ShouldBe(one.ProbabilityByDeterministicDate(t));
        }

        for (var r = 0; r < model.RiskCount; r++)
        {
            two.RiskOccurrence(r).ShouldBe(one.RiskOccurrence(r));
        }
    }

    [Fact]
    public void Another_seed_gives_another_sample()
    {
        var model = RandomModel();

        var a = MonteCarlo.Run(model, new MonteCarloOptions { Iterations = 2000, Seed = 1 });
        var b = MonteCarlo.Run(model, new MonteCarloOptions { Iterations = 2000, Seed = 2 });

        b.Finishes(1).ToArray().ShouldNotBe(a.Finishes(1).ToArray());
    }

    [Fact]
    public void Stopping_on_convergence_does_not_depend_on_the_threads_and_stops_before_the_cap()
    {
        var model = RandomModel();
        var options = new MonteCarloOptions { Iterations = 200_000, Seed = 5, StopOnConvergence = new ConvergenceCriterion(ThresholdMinutes: 480) };

        var one = MonteCarlo.Run(model, options with { MaxDegreeOfParallelism = 1 });
        var two = MonteCarlo.Run(model, options with { MaxDegreeOfParallelism = 2 });

        one.Converged.ShouldBeTrue();
        one.Iterations.ShouldBeLessThan(200_000);
        (one.Iterations % MonteCarlo.BlockSize).ShouldBe(0);
        two.Iterations.ShouldBe(one.Iterations);
        two.Finishes(1).ToArray().ShouldBe(one.Finishes(1).ToArray());
    }

    [Fact]
    public void An_iteration_allocates_nothing()
    {
        var model = RandomModel();
        MonteCarlo.Run(model, new MonteCarloOptions { Iterations = 1024, MaxDegreeOfParallelism = 1 });

        var small = Allocated(model, 1024);
        var large = Allocated(model, 8 * 1024);

        // Eight times the iterations: only the per-iteration finish arrays grow (2 targets × 8 bytes × 2 for the sort copy),
        // plus ForwardPass's one small array per call (see docs/forecasting.md).
        ((large - small) / (7.0 * 1024)).ShouldBeLessThan(200);
    }

    private static long Allocated(ForecastModel model, int iterations)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        MonteCarlo.Run(model, new MonteCarloOptions { Iterations = iterations, MaxDegreeOfParallelism = 1 });
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>200 tasks in layers with every link type, working and elapsed lags, two calendars, correlated teams and risks.</summary>
    internal static ForecastModel RandomModel()
    {
        var random = new Random(17);
        var net = new Net(TestCalendars.Standard(), TestCalendars.TwentyFourSeven());
        const int n = 200;
        for (var t = 0; t < n; t++)
        {
            net.Task(random.Next(1, 6), t % 7 == 0 ? 1 : 0);
            if (t >= 10)
            {
                for (var k = 0; k < 3; k++)
                {
                    var type = (DependencyType)random.Next(4);
                    var lag = random.Next(4) switch
                    {
                        0 => Lag.None,
                        1 => Net.Days(random.Next(0, 3)),
                        2 => Lag.Elapsed(random.Next(0, 2880)),
                        _ => Lag.Percent(random.Next(0, 100)),
                    };
                    net.Link(random.Next(Math.Max(0, t - 30), t - 5), t, type, lag);
                }
            }
        }

        var network = net.Builder.Build();
        var builder = new ForecastModelBuilder(network) { Correlation = 0.4 };
        for (var t = 0; t < n; t++)
        {
            var d = network.DurationOf(t);
            builder.SetDuration(t, (DurationDistribution)(t % 3), d * 8 / 10, d, d * 18 / 10, t % 5 == 0 ? -1 : t % 4);
        }

        for (var r = 0; r < 6; r++)
        {
            builder.AddRisk(0.1 + (0.1 * r), 480 * (r + 1), [random.Next(n), random.Next(n)]);
        }

        builder.AddTarget(150);
        builder.AddTarget(-1);
        return builder.Build();
    }
}
