using Throughline.Domain;
using Throughline.Scheduling.Forecasting;

namespace Throughline.Scheduling.Tests.Forecasting;

/// <summary>The simulation against results known in closed form or by exact numerical integration.</summary>
public class MonteCarloAnalyticTests
{
    private const long A = 480;
    private const long C = 960;
    private const long B = 2880;
    private const int Iterations = 10 * MonteCarlo.BlockSize;

    [Fact]
    public void A_chain_of_triangular_items_has_the_sum_of_their_means_and_variances_and_is_close_to_normal()
    {
        const int n = 30;
        var net = new Net();
        var tasks = Enumerable.Range(0, n).Select(_ => net.Task(2)).ToArray();
        for (var i = 1; i < n; i++)
        {
            net.Link(tasks[i - 1], tasks[i]);
        }

        var model = Model(net, b =>
        {
            foreach (var t in tasks)
            {
                b.SetDuration(t, DurationDistribution.Triangular, A, C, B);
            }

            b.AddTarget(tasks[^1]);
        });

        var result = MonteCarlo.Run(model, new MonteCarloOptions { Iterations = Iterations, Seed = 7 });

        // On one calendar with plain finish-to-start links, the finish is the start plus the sum of the durations.
        var start = net.Calendars[0].PositionOf(TestCalendars.At(4, 8));
        var totals = Minutes(result).Select(f => f - start).ToArray();
        var (mean, variance) = Analytic.Moments(totals);
        var expectedMean = n * Analytic.TriangularMean(A, C, B);
        var expectedVariance = n * Analytic.TriangularVariance(A, C, B);
        var sd = Math.Sqrt(expectedVariance);
        Math.Abs(mean - expectedMean).ShouldBeLessThan(3 * sd / Math.Sqrt(Iterations));
        (variance / expectedVariance).ShouldBeInRange(0.95, 1.05);

        // Kolmogorov-Smirnov distance to the normal with those moments (1.63/√N is the 1% critical value).
        var ks = 0.0;
        for (var i = 0; i < totals.Length; i++)
        {
            var normal = Normal((totals[i] - expectedMean) / sd);
            ks = Math.Max(ks, Math.Max(Math.Abs(((i + 1) / (double)totals.Length) - normal), Math.Abs((i / (double)totals.Length) - normal)));
        }

        ks.ShouldBeLessThan(1.63 / Math.Sqrt(Iterations));
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(4, 1)]
    [InlineData(8, 1)]
    [InlineData(3, 3)]
    public void Parallel_identical_paths_into_a_milestone_finish_at_the_exact_maximum_distribution(int paths, int length)
    {
        var net = new Net();
        var milestone = net.Milestone();
        var tasks = new List<int>();
        for (var p = 0; p < paths; p++)
        {
            var previous = -1;
            for (var i = 0; i < length; i++)
            {
                var t = net.Task(2);
                tasks.Add(t);
                if (previous >= 0)
                {
                    net.Link(previous, t);
                }

                previous = t;
            }

            net.Link(previous, milestone);
        }

        var model = Model(net, b =>
        {
            foreach (var t in tasks)
            {
                b.SetDuration(t, DurationDistribution.Triangular, A, C, B);
            }

            b.AddTarget(milestone);
        });

        var result = MonteCarlo.Run(model, new MonteCarloOptions { Iterations = Iterations, Seed = 11 });

        // One path's length is the exact convolution of whole-minute triangular masses; the maximum of k is F^k.
        var single = Analytic.RoundedTriangularMass(A, C, B);
        var path = single;
        for (var i = 1; i < length; i++)
        {
            path = Analytic.Convolve(path, single);
        }

        var maxCdf = Analytic.Cumulative(path).Select(f => Math.Pow(f, paths)).ToArray();
        var expectedMean = 0.0;
        for (var x = 0; x < maxCdf.Length; x++)
        {
            expectedMean += 1 - maxCdf[x];   // E[X] = Σ P(X > x) for whole numbers
        }

        var start = net.Calendars[0].PositionOf(TestCalendars.At(4, 8));
        var finishes = Minutes(result).Select(f => f - start).ToArray();
        var (mean, variance) = Analytic.Moments(finishes);
        Math.Abs(mean - expectedMean).ShouldBeLessThan(4 * Math.Sqrt(variance / Iterations));
        foreach (var q in new[] { 0.1, 0.5, 0.8, 0.9, 0.95 })
        {
            // Allow the sampling error of a quantile: about three standard errors, √(q(1 − q)/N) / density.
            var exact = Analytic.Quantile(maxCdf, q);
            var density = (Analytic.Quantile(maxCdf, Math.Min(0.999, q + 0.01)) - Analytic.Quantile(maxCdf, q - 0.01)) / 0.02;
            var tolerance = 3 * Math.Sqrt(q * (1 - q) / Iterations) * density + 1;
            ((double)Math.Abs(result.WorkingPosition(result.Percentile(0, q)) - start - exact)).ShouldBeLessThan(tolerance, $"P{q * 100}");
        }

        // Merge bias: the deterministic (most likely) date is met with probability F(c·length)^k, far below 50%.
        var byMostLikely = finishes.Count(f => f <= C * length) / (double)finishes.Length;
        byMostLikely.ShouldBe(maxCdf[C * length], 0.02);
    }

    [Fact]
    public void Beta_pert_has_the_pert_mean_and_variance()
    {
        var net = new Net();
        var t = net.Task(2);
        var model = Model(net, b =>
        {
            b.SetDuration(t, DurationDistribution.BetaPert, A, C, B);
            b.AddTarget(t);
        });

        var result = MonteCarlo.Run(model, new MonteCarloOptions { Iterations = Iterations });

        var start = net.Calendars[0].PositionOf(TestCalendars.At(4, 8));
        var (mean, variance) = Analytic.Moments(Minutes(result).Select(f => f - start).ToArray());
        var pertMean = (A + (4.0 * C) + B) / 6;
        mean.ShouldBe(pertMean, (B - A) * 0.001);
        (variance / ((pertMean - A) * (B - pertMean) / 7)).ShouldBeInRange(0.98, 1.02);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void The_beta_pert_table_matches_the_exact_beta_mean_for_every_mode(double mode)
    {
        // Mean of the table's quantile function over u is the distribution's mean: (1 + 4r)/6 on [0, 1].
        var sum = 0.0;
        const int steps = 200_000;
        for (var k = 0; k < steps; k++)
        {
            sum += BetaPertTable.Quantile(mode, (k + 0.5) / steps);
        }

        (sum / steps).ShouldBe((1 + (4 * mode)) / 6, 3e-4);
    }

    [Fact]
    public void Lognormal_has_its_mode_at_the_most_likely_and_the_pessimistic_at_p95()
    {
        var net = new Net();
        var t = net.Task(2);
        var model = Model(net, b =>
        {
            b.SetDuration(t, DurationDistribution.LogNormal, A, C, B);
            b.AddTarget(t);
        });

        var result = MonteCarlo.Run(model, new MonteCarloOptions { Iterations = Iterations });

        var start = net.Calendars[0].PositionOf(TestCalendars.At(4, 8));
        ((double)(result.WorkingPosition(result.Percentile(0, 0.95)) - start)).ShouldBe(B, B * 0.01);
        var sigma = model.Sigma[t];
        var mu = model.Mu[t];
        Math.Exp(mu - (sigma * sigma)).ShouldBe(C - A, 1e-6);   // the mode of the shifted lognormal
        ((double)(result.WorkingPosition(result.Percentile(0, 0.5)) - start)).ShouldBe(A + Math.Exp(mu), 5);
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(0.3)]
    [InlineData(0.07)]
    public void A_risk_event_with_probability_p_delays_exactly_that_share_of_iterations(double p)
    {
        var net = new Net();
        var t = net.Task(2);
        var model = Model(net, b =>
        {
            b.AddRisk(p, 480, [t]);
            b.AddTarget(t);
        });

        var result = MonteCarlo.Run(model, new MonteCarloOptions { Iterations = Iterations, Seed = 3 });

        // Each block of 1,024 is a Latin hypercube: the event falls in ⌊p·1024⌋ or ⌈p·1024⌉ of its iterations.
        var deterministic = result.WorkingPosition(result.DeterministicFinish(0));
        var delayed = Minutes(result).Count(f => f > deterministic);
        delayed.ShouldBeInRange((int)Math.Floor(p * MonteCarlo.BlockSize) * 10, (int)Math.Ceiling(p * MonteCarlo.BlockSize) * 10);
        result.RiskOccurrence(0).ShouldBe(delayed / (double)Iterations);
        Minutes(result).Where(f => f > deterministic).ShouldAllBe(f => f == deterministic + 480);
    }

    /// <summary>The first target's finishes as working minutes on the (only) calendar: a sum of durations in a chain.</summary>
    private static long[] Minutes(MonteCarloResult result) => [.. result.Finishes(0).ToArray().Select(result.WorkingPosition)];

    private static ForecastModel Model(Net net, Action<ForecastModelBuilder> configure)
    {
        var builder = new ForecastModelBuilder(net.Builder.Build());
        configure(builder);
        return builder.Build();
    }

    private static double Normal(double z) => 0.5 * (1 + Erf(z / Math.Sqrt(2)));

    /// <summary>erf by its Taylor series (to 1e-10 for |z| ≤ 4, beyond which it is ±1 to 2e-8; independent of the engine's approximation).</summary>
    private static double Erf(double z)
    {
        if (Math.Abs(z) > 4)
        {
            return Math.Sign(z);
        }

        var sum = 0.0;
        var term = z;
        for (var n = 0; n < 200; n++)
        {
            sum += term / ((2 * n) + 1);
            term *= -z * z / (n + 1);
        }

        return 2 / Math.Sqrt(Math.PI) * sum;
    }
}
