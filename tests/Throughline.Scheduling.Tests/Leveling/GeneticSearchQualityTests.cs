using System.Globalization;
using Throughline.Interop.Psplib;
using Throughline.Scheduling.Leveling;
using Throughline.Testing;

namespace Throughline.Scheduling.Tests.Leveling;

/// <summary>
/// What the genetic search's operators (crossover, mutation, restarts) are worth: on hard PSPLIB instances, at a fixed
/// seed and schedule budget, the search must beat the sampling it starts from (the same biased random sampling and
/// justification, repeated until the budget is spent) by a recorded margin, and must reach the optimum where it
/// reached it when this was written. With its operators disabled it is that sampling, and these tests fail.
/// </summary>
public sealed class GeneticSearchQualityTests(ITestOutputHelper output)
{
    private const int Budget = 1_000;
    private const int Seed = 1;

    /// <summary>The j30 instances with the weakest critical-path bound (optimum known) and the like from j60 (best known).</summary>
    public static TheoryData<string> Sets() => ["j30", "j60"];

    private static readonly Dictionary<string, string[]> Hard = new()
    {
        ["j30"] = ["j3013_8", "j3029_6", "j309_2", "j3045_2", "j3013_2", "j3029_4", "j3029_9", "j3029_5", "j3045_6", "j3041_2", "j3025_8", "j3029_7"],
        ["j60"] = ["j6029_6", "j6045_10", "j6013_10", "j6045_2", "j6013_5", "j6045_4", "j6045_6", "j6029_4"],
    };

    /// <summary>
    /// Mean deviation above the best known makespan at seed 1 and 1,000 schedules, when this was written
    /// (2026-12-03): j30 search 1.91 %, sampling 3.17 %; j60 search 6.18 %, sampling 9.36 %. The margins asked for
    /// are a little under those gaps, so a real loss of search quality fails and a change of tie-break does not.
    /// </summary>
    private static readonly Dictionary<string, double> Margin = new() { ["j30"] = 1.0, ["j60"] = 2.5 };

    [Theory]
    [MemberData(nameof(Sets))]
    public void Beats_biased_random_sampling_at_the_same_budget_by_the_recorded_margin(string set)
    {
        var rows = Run(set);
        var search = rows.Average(r => r.SearchDeviation);
        var sampling = rows.Average(r => r.SamplingDeviation);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{set}: search {search:0.00}% above best known, sampling {sampling:0.00}%"));

        (sampling - search).ShouldBeGreaterThanOrEqualTo(Margin[set], $"{set}: search {search:0.00}%, sampling {sampling:0.00}% above best known");
        rows.ShouldAllBe(r => r.Search <= r.Sampling + 1, "the search is never much worse than sampling on one instance");
    }

    [Fact]
    public void Reaches_the_known_optimum_where_it_reached_it_when_this_was_written()
    {
        // j30 optima at seed 1 and 1,000 schedules; sampling alone misses the last two.
        var reached = Run("j30").Where(r => r.Search == r.BestKnown).Select(r => r.Instance).ToList();

        reached.ShouldBe(["j3045_2", "j3045_6", "j3029_7"], ignoreOrder: true);
    }

    private List<Row> Run(string set)
    {
        var bounds = PsplibBoundsReader.ReadFile(RepoPaths.RequireShared("psplib/solutions/bounds.csv")).Bounds;
        var rows = new List<Row>();
        foreach (var name in Hard[set])
        {
            var instance = PsplibReader.ReadFile(Path.Combine(RepoPaths.RequireShared("psplib/" + set), name + ".sm")).Instance.ShouldNotBeNull();
            var best = bounds[name].BestKnown;
            var search = RcpspSolver.Solve(instance, new RcpspSolverOptions { MaxSchedules = Budget, Seed = Seed, Threads = 1 });
            RcpspFeasibility.Violations(instance, search.Starts).ShouldBeEmpty();
            var sampling = BiasedRandomSampling(instance, Seed, Budget);
            var row = new Row(name, best, search.Makespan, sampling);
            output.WriteLine($"{name}: best known {best}, search {search.Makespan}, sampling {sampling}");
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>
    /// The search with no evolution: lists drawn by the search's own regret-biased sampling on latest finish times,
    /// decoded by the serial scheme and improved by two rounds of justification, until the budget is spent.
    /// </summary>
    private static int BiasedRandomSampling(RcpspInstance instance, int seed, long budget)
    {
        var net = new LevelingNetwork(instance);
        var sgs = new SerialScheduleGenerator(net);
        var justification = new Justification(net, sgs);
        var values = PriorityRules.Values(net, PriorityRule.LatestFinish);
        var random = new Random(seed);
        var n = net.JobCount;
        var list = new int[n];
        var starts = new int[n];
        var remaining = new int[n];
        var eligible = new int[n];
        var best = int.MaxValue;
        while (sgs.Generated < budget)
        {
            PriorityRules.SampleActivityList(net, values, random, list, remaining, eligible);
            var makespan = sgs.Forward(list, starts);
            makespan = justification.Improve(starts, makespan, list, maxRounds: (int)Math.Min(2, Math.Max(0, (budget - sgs.Generated) / 2)));
            best = Math.Min(best, makespan);
        }

        return best;
    }

    private sealed record Row(string Instance, int BestKnown, int Search, int Sampling)
    {
        public double SearchDeviation => 100.0 * (Search - BestKnown) / BestKnown;

        public double SamplingDeviation => 100.0 * (Sampling - BestKnown) / BestKnown;
    }
}
