namespace Throughline.Scheduling.Leveling;

/// <summary>
/// What every schedule generation pass needs from an instance, computed once: precedences in both directions
/// (the backward direction is the instance on reversed time, for justification), a topological order, the
/// resource-free earliest and latest starts, and a horizon no generated schedule exceeds.
/// </summary>
/// <remarks>
/// Reversed time: with makespan T, a job's reversed start is <c>T − finish</c>. A forward constraint
/// <c>s_b ≥ s_a + lag</c> becomes <c>s'_a ≥ s'_b + lag + d_b − d_a</c>, so the backward arc b→a carries that lag
/// (for a PSPLIB finish-to-start link, simply <c>d_b</c>).
/// </remarks>
internal sealed class LevelingNetwork
{
    public LevelingNetwork(RcpspInstance instance)
    {
        Instance = instance;
        JobCount = instance.JobCount;
        ResourceCount = instance.ResourceCount;
        Durations = instance.Durations.ToArray();
        Demands = instance.Demands.ToArray();

        ForwardPredStart = instance.PredecessorStart;
        ForwardPreds = instance.Predecessors;
        ForwardPredLags = instance.PredecessorLags;

        // Backward predecessors of a are a's forward successors b, with lag + d_b - d_a.
        BackwardPredStart = instance.SuccessorStart;
        BackwardPreds = instance.Successors;
        BackwardPredLags = new int[instance.Successors.Length];
        for (var a = 0; a < JobCount; a++)
        {
            for (var k = instance.SuccessorStart[a]; k < instance.SuccessorStart[a + 1]; k++)
            {
                var b = instance.Successors[k];
                BackwardPredLags[k] = instance.SuccessorLags[k] + Durations[b] - Durations[a];
            }
        }

        TopologicalOrder = TopologicalSort(instance) ?? throw new ArgumentException(
            $"Instance {instance.Name} has a precedence cycle; leveling needs an acyclic network.", nameof(instance));
        TopologicalPosition = new int[JobCount];
        for (var i = 0; i < JobCount; i++)
        {
            TopologicalPosition[TopologicalOrder[i]] = i;
        }

        EarliestStart = new int[JobCount];
        foreach (var j in TopologicalOrder)
        {
            var es = 0;
            for (var k = ForwardPredStart[j]; k < ForwardPredStart[j + 1]; k++)
            {
                es = Math.Max(es, EarliestStart[ForwardPreds[k]] + ForwardPredLags[k]);
            }

            EarliestStart[j] = es;
        }

        CriticalPathLength = 0;
        for (var j = 0; j < JobCount; j++)
        {
            CriticalPathLength = Math.Max(CriticalPathLength, EarliestStart[j] + Durations[j]);
        }

        LatestStart = new int[JobCount];
        for (var i = JobCount - 1; i >= 0; i--)
        {
            var j = TopologicalOrder[i];
            var ls = CriticalPathLength - Durations[j];
            for (var k = instance.SuccessorStart[j]; k < instance.SuccessorStart[j + 1]; k++)
            {
                ls = Math.Min(ls, LatestStart[instance.Successors[k]] - instance.SuccessorLags[k]);
            }

            LatestStart[j] = ls;
        }

        // A serial pass starts job j no later than maxES + (durations placed before j) + P, where P is where capacity
        // profiles end: by then every job placed earlier has finished and each resource is back at its base capacity,
        // which covers any single demand. The backward pass sees profiles up to the forward makespan (itself within
        // that bound), so twice the bound covers both directions.
        var profileLength = 0;
        for (var r = 0; r < ResourceCount; r++)
        {
            profileLength = Math.Max(profileLength, instance.CapacityProfileLength(r));
        }

        Horizon = checked((2 * (CriticalPathLength + instance.DurationSum())) + profileLength + 2);
        HasProfiles = instance.HasCapacityProfiles;
        HasNegativeLags = instance.SuccessorLags.Any(l => l < 0);
    }

    public RcpspInstance Instance { get; }

    public int JobCount { get; }

    public int ResourceCount { get; }

    public int[] Durations { get; }

    public int[] Demands { get; }

    public int[] ForwardPredStart { get; }

    public int[] ForwardPreds { get; }

    public int[] ForwardPredLags { get; }

    public int[] BackwardPredStart { get; }

    public int[] BackwardPreds { get; }

    public int[] BackwardPredLags { get; }

    public int[] TopologicalOrder { get; }

    public int[] TopologicalPosition { get; }

    public int[] EarliestStart { get; }

    public int[] LatestStart { get; }

    public int CriticalPathLength { get; }

    public int Horizon { get; }

    public bool HasProfiles { get; }

    /// <summary>True when some successor may start before its predecessor, so start order is not precedence order.</summary>
    public bool HasNegativeLags { get; }

    private static int[]? TopologicalSort(RcpspInstance instance)
    {
        var n = instance.JobCount;
        var indegree = new int[n];
        for (var j = 0; j < n; j++)
        {
            indegree[j] = instance.PredecessorStart[j + 1] - instance.PredecessorStart[j];
        }

        // Smallest index first among ready jobs, so the order is a total, reproducible one.
        var ready = new PriorityQueue<int, int>();
        for (var j = 0; j < n; j++)
        {
            if (indegree[j] == 0)
            {
                ready.Enqueue(j, j);
            }
        }

        var order = new int[n];
        var count = 0;
        while (ready.TryDequeue(out var j, out _))
        {
            order[count++] = j;
            for (var k = instance.SuccessorStart[j]; k < instance.SuccessorStart[j + 1]; k++)
            {
                var s = instance.Successors[k];
                if (--indegree[s] == 0)
                {
                    ready.Enqueue(s, s);
                }
            }
        }

        return count == n ? order : null;
    }
}
