using Throughline.Domain;
using Throughline.Scheduling.Forecasting;

namespace Throughline.Scheduling.Tests.Forecasting;

/// <summary>Criticality, sensitivity, merge statistics and risk entry points on networks whose answer is obvious.</summary>
public class MonteCarloStatisticsTests
{
    [Fact]
    public void The_path_that_is_always_longer_is_always_critical_and_the_other_never()
    {
        var net = new Net();
        var longPath = net.Task(10);
        var shortPath = net.Task(2);
        var end = net.Milestone();
        net.Link(longPath, end);
        net.Link(shortPath, end);
        var builder = new ForecastModelBuilder(net.Builder.Build());
        builder.SetDuration(longPath, DurationDistribution.Triangular, 9 * Net.Day, 10 * Net.Day, 12 * Net.Day);
        builder.SetDuration(shortPath, DurationDistribution.Triangular, 1 * Net.Day, 2 * Net.Day, 3 * Net.Day);
        builder.AddTarget(end);
        builder.AddTarget(-1);

        var result = MonteCarlo.Run(builder.Build(), new MonteCarloOptions { Iterations = 2048 });

        result.CriticalityIndex(0, longPath).ShouldBe(1);
        result.CriticalityIndex(0, shortPath).ShouldBe(0);
        result.CriticalityIndex(0, end).ShouldBe(1);
        result.CriticalityIndex(1, longPath).ShouldBe(1);
        result.SensitivityIndex(0, longPath).ShouldBeGreaterThan(0.99);
        result.SensitivityIndex(0, shortPath).ShouldBe(0, 0.1);
    }

    [Fact]
    public void Two_equal_paths_share_criticality_and_their_items_are_equally_sensitive()
    {
        var net = new Net();
        var a = net.Task(5);
        var b = net.Task(5);
        var end = net.Milestone();
        net.Link(a, end);
        net.Link(b, end);
        var builder = new ForecastModelBuilder(net.Builder.Build());
        builder.SetDuration(a, DurationDistribution.Triangular, 4 * Net.Day, 5 * Net.Day, 8 * Net.Day);
        builder.SetDuration(b, DurationDistribution.Triangular, 4 * Net.Day, 5 * Net.Day, 8 * Net.Day);
        builder.AddTarget(end);

        var result = MonteCarlo.Run(builder.Build(), new MonteCarloOptions { Iterations = 10_240 });

        result.CriticalityIndex(0, a).ShouldBe(0.5, 0.03);
        (result.CriticalityIndex(0, a) + result.CriticalityIndex(0, b)).ShouldBe(1, 0.001);
        result.SensitivityIndex(0, a).ShouldBe(result.SensitivityIndex(0, b), 0.05);
        result.SensitivityIndex(0, a).ShouldBeInRange(0.5, 0.8);

        // Merge bias: each path makes its most likely date in F(c) = 1/4 of iterations; both together in about 1/16.
        result.ProbabilityByDeterministicDate(end).ShouldBe(1.0 / 16, 0.02);
        result.ProbabilityByDeterministicDate(a).ShouldBe(0.25, 0.02);
    }

    [Fact]
    public void Correlated_items_make_the_sum_wider_than_independent_ones()
    {
        double Spread(double correlation)
        {
            var net = new Net();
            var tasks = Enumerable.Range(0, 10).Select(_ => net.Task(5)).ToArray();
            for (var i = 1; i < tasks.Length; i++)
            {
                net.Link(tasks[i - 1], tasks[i]);
            }

            var builder = new ForecastModelBuilder(net.Builder.Build()) { Correlation = correlation };
            foreach (var t in tasks)
            {
                builder.SetDuration(t, DurationDistribution.BetaPert, 4 * Net.Day, 5 * Net.Day, 8 * Net.Day, group: 0);
            }

            builder.AddTarget(tasks[^1]);
            var result = MonteCarlo.Run(builder.Build(), new MonteCarloOptions { Iterations = 10_240 });
            return Analytic.Moments(result.Finishes(0).ToArray().Select(result.WorkingPosition).ToArray()).Variance;
        }

        var independent = Spread(0);
        var correlated = Spread(0.5);

        // For n items of equal variance with pairwise correlation ρ, Var(sum) = n·σ²·(1 + (n − 1)ρ); the copula keeps
        // the Pearson correlation close to ρ for these near-symmetric marginals.
        (correlated / independent).ShouldBeInRange(1 + (9 * 0.45), 1 + (9 * 0.55));
    }

    [Fact]
    public void A_risk_linked_to_a_chain_enters_at_its_head_only()
    {
        var net = new Net();
        var a = net.Task(1);
        var b = net.Task(1);
        var c = net.Task(1);
        var side = net.Task(1);
        net.Link(a, b);
        net.Link(b, c);
        var network = net.Builder.Build();

        RiskEntries.Of(network, [c, b, a, side]).ShouldBe([a, side]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1000)]
    [InlineData(1024)]
    public void Each_block_visits_every_stratum_once(int size)
    {
        var bits = LatinHypercube.BitsFor(size);
        foreach (var stream in new[] { 0, 1, 99 })
        {
            var key = LatinHypercube.Key(3, 0, stream);
            var strata = Enumerable.Range(0, size).Select(j => (int)Math.Floor(LatinHypercube.Uniform(key, j, size, bits) * size)).Order();
            strata.ShouldBe(Enumerable.Range(0, size));
        }
    }

    [Fact]
    public void The_normal_quantile_inverts_the_normal_distribution_function()
    {
        foreach (var p in new[] { 1e-6, 0.01, 0.02425, 0.2, 0.5, 0.9, 0.999 })
        {
            StandardNormal.Cdf(StandardNormal.Quantile(p)).ShouldBe(p, 2e-7);
        }
    }
}
