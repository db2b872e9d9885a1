namespace Throughline.Scheduling.Leveling;

/// <summary>
/// Priority values of the classic rules, as a rank per job where smaller means "schedule sooner"; ties break on
/// the job index, so every rule gives one total order.
/// </summary>
internal static class PriorityRules
{
    public static double[] Values(LevelingNetwork net, PriorityRule rule)
    {
        var n = net.JobCount;
        var instance = net.Instance;
        var values = new double[n];
        switch (rule)
        {
            case PriorityRule.LatestFinish:
                for (var j = 0; j < n; j++)
                {
                    values[j] = net.LatestStart[j] + net.Durations[j];
                }

                break;
            case PriorityRule.LatestStart:
                for (var j = 0; j < n; j++)
                {
                    values[j] = net.LatestStart[j];
                }

                break;
            case PriorityRule.MinimumSlack:
                for (var j = 0; j < n; j++)
                {
                    values[j] = net.LatestStart[j] - net.EarliestStart[j];
                }

                break;
            case PriorityRule.MostTotalSuccessors:
                var counts = TotalSuccessorCounts(net);
                for (var j = 0; j < n; j++)
                {
                    values[j] = -counts[j];
                }

                break;
            case PriorityRule.GreatestRankPositionalWeight:
                for (var j = 0; j < n; j++)
                {
                    var weight = net.Durations[j];
                    for (var k = instance.SuccessorStart[j]; k < instance.SuccessorStart[j + 1]; k++)
                    {
                        weight += net.Durations[instance.Successors[k]];
                    }

                    values[j] = -weight;
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown priority rule.");
        }

        return values;
    }

    /// <summary>
    /// A precedence-feasible activity list: repeatedly the eligible job (all predecessors listed) with the best
    /// value, ties on the lower index.
    /// </summary>
    public static int[] ActivityList(LevelingNetwork net, double[] values)
    {
        var n = net.JobCount;
        var instance = net.Instance;
        var remaining = new int[n];
        var ready = new PriorityQueue<int, (double, int)>();
        for (var j = 0; j < n; j++)
        {
            remaining[j] = instance.PredecessorStart[j + 1] - instance.PredecessorStart[j];
            if (remaining[j] == 0)
            {
                ready.Enqueue(j, (values[j], j));
            }
        }

        var list = new int[n];
        var i = 0;
        while (ready.TryDequeue(out var j, out _))
        {
            list[i++] = j;
            for (var k = instance.SuccessorStart[j]; k < instance.SuccessorStart[j + 1]; k++)
            {
                var s = instance.Successors[k];
                if (--remaining[s] == 0)
                {
                    ready.Enqueue(s, (values[s], s));
                }
            }
        }

        return list;
    }

    /// <summary>
    /// Regret-based biased random sampling (Drexl 1991): among eligible jobs, pick job j with probability
    /// proportional to (regret_j + 1)^2, where regret is how much better j's value is than the worst eligible one.
    /// Gives diverse but good lists for a search's first population.
    /// </summary>
    public static void SampleActivityList(LevelingNetwork net, double[] values, Random random, Span<int> list, int[] remaining, int[] eligible)
    {
        var n = net.JobCount;
        var instance = net.Instance;
        var eligibleCount = 0;
        for (var j = 0; j < n; j++)
        {
            remaining[j] = instance.PredecessorStart[j + 1] - instance.PredecessorStart[j];
            if (remaining[j] == 0)
            {
                eligible[eligibleCount++] = j;
            }
        }

        for (var i = 0; i < n; i++)
        {
            var worst = double.MinValue;
            for (var e = 0; e < eligibleCount; e++)
            {
                worst = Math.Max(worst, values[eligible[e]]);
            }

            var total = 0.0;
            for (var e = 0; e < eligibleCount; e++)
            {
                var w = worst - values[eligible[e]] + 1;
                total += w * w;
            }

            var pick = random.NextDouble() * total;
            var chosen = eligibleCount - 1;
            for (var e = 0; e < eligibleCount; e++)
            {
                var w = worst - values[eligible[e]] + 1;
                pick -= w * w;
                if (pick < 0)
                {
                    chosen = e;
                    break;
                }
            }

            var j = eligible[chosen];
            eligible[chosen] = eligible[--eligibleCount];
            list[i] = j;
            for (var k = instance.SuccessorStart[j]; k < instance.SuccessorStart[j + 1]; k++)
            {
                var s = instance.Successors[k];
                if (--remaining[s] == 0)
                {
                    eligible[eligibleCount++] = s;
                }
            }
        }
    }

    private static int[] TotalSuccessorCounts(LevelingNetwork net)
    {
        var n = net.JobCount;
        var instance = net.Instance;
        var words = (n + 63) / 64;
        var reach = new ulong[n * words];
        var counts = new int[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var j = net.TopologicalOrder[i];
            for (var k = instance.SuccessorStart[j]; k < instance.SuccessorStart[j + 1]; k++)
            {
                var s = instance.Successors[k];
                reach[(j * words) + (s / 64)] |= 1UL << (s % 64);
                for (var w = 0; w < words; w++)
                {
                    reach[(j * words) + w] |= reach[(s * words) + w];
                }
            }

            for (var w = 0; w < words; w++)
            {
                counts[j] += System.Numerics.BitOperations.PopCount(reach[(j * words) + w]);
            }
        }

        return counts;
    }
}
