using Throughline.Scheduling.Leveling;

namespace Throughline.Scheduling.Tests.Leveling;

/// <summary>Small hand-made instances whose best schedules can be worked out on paper.</summary>
internal static class Instances
{
    /// <summary>
    /// Jobs with one resource; links are finish-to-start (lag = the predecessor's duration).
    /// </summary>
    public static RcpspInstance FinishToStart(int capacity, (int Duration, int Demand)[] jobs, params (int From, int To)[] links) =>
        new(
            "hand",
            jobs.Select(j => j.Duration).ToArray(),
            [capacity],
            jobs.Select(j => j.Demand).ToArray(),
            links.Select(l => (l.From, l.To, jobs[l.From].Duration)).ToList());

    /// <summary>
    /// Source 0, sink 6; jobs 1-5 on one resource of capacity 2; 2 precedes 5. Optimum 8, the energy bound
    /// (15 units of work on capacity 2).
    /// </summary>
    public static RcpspInstance TightFive() => FinishToStart(
        2,
        [(0, 0), (3, 2), (2, 1), (2, 1), (3, 1), (2, 1), (0, 0)],
        (0, 1), (0, 2), (0, 3), (0, 4), (2, 5), (1, 6), (3, 6), (4, 6), (5, 6));
}
