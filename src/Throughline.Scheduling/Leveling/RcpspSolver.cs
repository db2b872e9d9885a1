using System.Diagnostics;

namespace Throughline.Scheduling.Leveling;

/// <summary>
/// The resource-constrained scheduler: computes lower bounds, then runs one genetic search per thread (an
/// island each, with its own seed and an equal share of the schedule budget) and keeps the best schedule.
/// Deterministic for a given seed, schedule budget and thread count; a time limit makes it depend on speed.
/// </summary>
public static class RcpspSolver
{
    /// <summary>Finds a short feasible schedule within the options' budget.</summary>
    public static RcpspResult Solve(RcpspInstance instance, RcpspSolverOptions options)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxSchedules is null && options.TimeLimit is null)
        {
            throw new ArgumentException("Give a schedule budget, a time limit or both.", nameof(options));
        }

        var clock = Stopwatch.StartNew();
        var network = new LevelingNetwork(instance);
        var criticalPath = LowerBounds.CriticalPath(network);
        var lowerBound = Math.Max(criticalPath, Math.Max(LowerBounds.Energy(network), LowerBounds.Disjunctive(network)));
        var threads = Math.Max(1, options.Threads);
        var budget = options.MaxSchedules ?? long.MaxValue;
        var deadline = options.TimeLimit is { } limit
            ? Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency)
            : long.MaxValue;

        var searches = new GeneticSearch[threads];
        for (var i = 0; i < threads; i++)
        {
            var share = budget == long.MaxValue ? long.MaxValue : (budget / threads) + (i < budget % threads ? 1 : 0);
            searches[i] = new GeneticSearch(network, unchecked((options.Seed * 7919) + i), share, deadline, lowerBound);
        }

        if (threads == 1)
        {
            searches[0].Run();
        }
        else
        {
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, i => searches[i].Run());
        }

        // Ties go to the lowest island, so the result does not depend on which thread finished first.
        var best = searches[0];
        foreach (var s in searches)
        {
            if (s.BestMakespan < best.BestMakespan)
            {
                best = s;
            }
        }

        return new RcpspResult(
            best.BestStarts,
            best.BestMakespan,
            lowerBound,
            criticalPath,
            searches.Sum(s => s.Generated),
            clock.Elapsed);
    }
}
