namespace Throughline.Scheduling.Leveling;

/// <summary>
/// A resource-constrained project scheduling problem on integer time: jobs with durations and demands for
/// renewable resources, and minimum start-to-start time lags between jobs. This is the flat form the leveling
/// solver works on; PSPLIB files and leveled programs are both converted to it at the edge.
/// </summary>
/// <remarks>
/// Every precedence is stored as a minimum start-to-start lag: <c>start[j] ≥ start[i] + lag</c>. A PSPLIB
/// finish-to-start link is the lag <c>duration[i]</c>; the other link types and lags of a plan reduce to the same
/// form (FS: d_i + L, SS: L, FF: d_i + L − d_j, SF: L − d_j), so one generation scheme serves them all.
/// Time is in whole periods (PSPLIB's unit, or working days of a program calendar). Capacity may vary by period
/// (leave, on-call load); past the end of a profile the resource's base capacity applies.
/// </remarks>
public sealed class RcpspInstance
{
    private readonly int[] _durations;
    private readonly int[] _demands;
    private readonly int[] _capacities;
    private readonly int[][]? _capacityProfiles;

    /// <param name="name">For reports, e.g. the PSPLIB instance name.</param>
    /// <param name="durations">Duration of each job in periods (zero for milestones and the dummy source and sink).</param>
    /// <param name="capacities">Base capacity of each renewable resource per period.</param>
    /// <param name="demands">Demand of job j for resource r at <c>[j * resourceCount + r]</c>, for every period the job runs.</param>
    /// <param name="links">Precedences as (predecessor, successor, minimum start-to-start lag).</param>
    /// <param name="capacityProfiles">Optional per-resource capacity by period from time 0; null or a null entry means constant.</param>
    public RcpspInstance(
        string name,
        int[] durations,
        int[] capacities,
        int[] demands,
        IReadOnlyList<(int Predecessor, int Successor, int Lag)> links,
        int[][]? capacityProfiles = null)
    {
        ArgumentNullException.ThrowIfNull(durations);
        ArgumentNullException.ThrowIfNull(capacities);
        ArgumentNullException.ThrowIfNull(demands);
        ArgumentNullException.ThrowIfNull(links);
        if (demands.Length != durations.Length * capacities.Length)
        {
            throw new ArgumentException($"Expected {durations.Length * capacities.Length} demands (jobs x resources), got {demands.Length}.", nameof(demands));
        }

        if (capacityProfiles is not null && capacityProfiles.Length != capacities.Length)
        {
            throw new ArgumentException("One capacity profile (or null) per resource.", nameof(capacityProfiles));
        }

        for (var j = 0; j < durations.Length; j++)
        {
            if (durations[j] < 0)
            {
                throw new ArgumentException($"Job {j} has a negative duration.", nameof(durations));
            }
        }

        for (var j = 0; j < durations.Length; j++)
        {
            for (var r = 0; r < capacities.Length; r++)
            {
                if (demands[(j * capacities.Length) + r] > capacities[r])
                {
                    throw new ArgumentException(
                        $"Job {j} needs {demands[(j * capacities.Length) + r]} of resource {r}, whose capacity is {capacities[r]}: no schedule exists.",
                        nameof(demands));
                }

                if (demands[(j * capacities.Length) + r] < 0)
                {
                    throw new ArgumentException($"Job {j} has a negative demand.", nameof(demands));
                }
            }
        }

        Name = name;
        _durations = (int[])durations.Clone();
        _capacities = (int[])capacities.Clone();
        _demands = (int[])demands.Clone();
        _capacityProfiles = capacityProfiles?.Select(p => p is null ? null! : (int[])p.Clone()).ToArray();
        JobCount = durations.Length;
        ResourceCount = capacities.Length;

        var succCount = new int[JobCount + 1];
        var predCount = new int[JobCount + 1];
        foreach (var (p, s, _) in links)
        {
            if ((uint)p >= (uint)JobCount || (uint)s >= (uint)JobCount || p == s)
            {
                throw new ArgumentException($"Link {p}->{s} names a job outside 0..{JobCount - 1} or itself.", nameof(links));
            }

            succCount[p + 1]++;
            predCount[s + 1]++;
        }

        for (var j = 0; j < JobCount; j++)
        {
            succCount[j + 1] += succCount[j];
            predCount[j + 1] += predCount[j];
        }

        SuccessorStart = succCount;
        PredecessorStart = predCount;
        Successors = new int[links.Count];
        SuccessorLags = new int[links.Count];
        Predecessors = new int[links.Count];
        PredecessorLags = new int[links.Count];
        var sFill = (int[])succCount.Clone();
        var pFill = (int[])predCount.Clone();
        foreach (var (p, s, lag) in links)
        {
            Successors[sFill[p]] = s;
            SuccessorLags[sFill[p]++] = lag;
            Predecessors[pFill[s]] = p;
            PredecessorLags[pFill[s]++] = lag;
        }
    }

    public string Name { get; }

    public int JobCount { get; }

    public int ResourceCount { get; }

    /// <summary>CSR offsets: the successors of job j are <c>Successors[SuccessorStart[j]..SuccessorStart[j + 1]]</c>.</summary>
    public int[] SuccessorStart { get; }

    public int[] Successors { get; }

    /// <summary>Minimum start-to-start lag of each successor arc, parallel to <see cref="Successors"/>.</summary>
    public int[] SuccessorLags { get; }

    public int[] PredecessorStart { get; }

    public int[] Predecessors { get; }

    public int[] PredecessorLags { get; }

    public ReadOnlySpan<int> Durations => _durations;

    public int Duration(int job) => _durations[job];

    public int Demand(int job, int resource) => _demands[(job * ResourceCount) + resource];

    /// <summary>Flat demand matrix, <c>[job * ResourceCount + resource]</c>.</summary>
    public ReadOnlySpan<int> Demands => _demands;

    public int Capacity(int resource) => _capacities[resource];

    public bool HasCapacityProfiles => _capacityProfiles is not null && _capacityProfiles.Any(p => p is not null);

    /// <summary>Capacity of a resource in one period.</summary>
    public int CapacityAt(int resource, int period)
    {
        var profile = _capacityProfiles?[resource];
        return profile is not null && period < profile.Length ? profile[period] : _capacities[resource];
    }

    /// <summary>Number of periods from time 0 that a resource's capacity profile covers (0 when constant).</summary>
    public int CapacityProfileLength(int resource) => _capacityProfiles?[resource]?.Length ?? 0;

    /// <summary>Sum of all durations: a horizon no schedule generation scheme needs to exceed when lags are non-negative.</summary>
    public int DurationSum() => _durations.Sum();
}
