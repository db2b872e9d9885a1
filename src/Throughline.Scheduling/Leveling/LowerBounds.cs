namespace Throughline.Scheduling.Leveling;

/// <summary>
/// Lower bounds on the makespan, so that every result states its gap and stops early when it meets one.
/// </summary>
internal static class LowerBounds
{
    /// <summary>The resource-free critical path length (the literature's reference bound for j60 to j120).</summary>
    public static int CriticalPath(LevelingNetwork net) => net.CriticalPathLength;

    /// <summary>
    /// The energy bound: a resource of capacity R cannot do more than R unit-periods of work per period, so the
    /// makespan is at least the total work on it divided by R, rounded up. With capacity profiles the bound counts
    /// the capacity actually available period by period.
    /// </summary>
    public static int Energy(LevelingNetwork net)
    {
        var bound = 0;
        var instance = net.Instance;
        for (var r = 0; r < net.ResourceCount; r++)
        {
            long work = 0;
            for (var j = 0; j < net.JobCount; j++)
            {
                work += (long)net.Durations[j] * net.Demands[(j * net.ResourceCount) + r];
            }

            if (work == 0)
            {
                continue;
            }

            long available = 0;
            var t = 0;
            while (available < work)
            {
                available += instance.CapacityAt(r, t);
                t++;
                if (t > net.Horizon)
                {
                    break;
                }
            }

            bound = Math.Max(bound, t);
        }

        return bound;
    }

    /// <summary>
    /// Jobs that can never overlap (together they need more of some resource than its capacity) must run one
    /// after another, so the durations of a set of pairwise incompatible jobs add up to a bound. The set is found
    /// greedily, longest jobs first. Only for constant capacities: a profile could raise capacity above the base.
    /// </summary>
    public static int Disjunctive(LevelingNetwork net)
    {
        if (net.HasProfiles)
        {
            return 0;
        }

        // Greedy clique of pairwise incompatible jobs, longest first: their durations add.
        var n = net.JobCount;
        var byDuration = Enumerable.Range(0, n).Where(j => net.Durations[j] > 0)
            .OrderByDescending(j => net.Durations[j]).ThenBy(j => j).ToArray();
        var best = 0;
        foreach (var seed in byDuration)
        {
            var clique = new List<int> { seed };
            var sum = net.Durations[seed];
            foreach (var j in byDuration)
            {
                if (j == seed)
                {
                    continue;
                }

                if (clique.TrueForAll(c => Incompatible(net, c, j)))
                {
                    clique.Add(j);
                    sum += net.Durations[j];
                }
            }

            best = Math.Max(best, sum);
        }

        return best;
    }

    private static bool Incompatible(LevelingNetwork net, int a, int b)
    {
        for (var r = 0; r < net.ResourceCount; r++)
        {
            if (net.Demands[(a * net.ResourceCount) + r] + net.Demands[(b * net.ResourceCount) + r] > net.Instance.Capacity(r))
            {
                return true;
            }
        }

        return false;
    }
}
