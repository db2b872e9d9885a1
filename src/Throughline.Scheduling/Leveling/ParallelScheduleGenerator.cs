namespace Throughline.Scheduling.Leveling;

/// <summary>
/// The parallel schedule generation scheme: moves through time and, at each decision point, starts eligible jobs
/// in priority order while they fit. It builds non-delay schedules, which on resource-heavy instances are often
/// better starting points than serial ones (Kolisch 1996), so the search seeds its population with both.
/// </summary>
internal sealed class ParallelScheduleGenerator
{
    private readonly LevelingNetwork _net;
    private readonly int[] _free;
    private readonly int _horizon;

    public ParallelScheduleGenerator(LevelingNetwork network)
    {
        _net = network;
        _horizon = network.Horizon;
        _free = new int[network.ResourceCount * _horizon];
    }

    public long Generated { get; private set; }

    /// <summary>Schedules every job by the given priority values (smaller first); returns the makespan.</summary>
    public int Generate(double[] priority, Span<int> starts)
    {
        var n = _net.JobCount;
        var resources = _net.ResourceCount;
        var instance = _net.Instance;
        for (var r = 0; r < resources; r++)
        {
            for (var t = 0; t < _horizon; t++)
            {
                _free[(r * _horizon) + t] = instance.CapacityAt(r, t);
            }
        }

        Generated++;
        var remaining = new int[n];
        var earliest = new int[n];
        var candidates = new List<int>();
        for (var j = 0; j < n; j++)
        {
            remaining[j] = instance.PredecessorStart[j + 1] - instance.PredecessorStart[j];
            if (remaining[j] == 0)
            {
                candidates.Add(j);
            }
        }

        var finishes = new List<int>();
        var scheduled = 0;
        var t0 = 0;
        var makespan = 0;
        var eligible = new List<int>();
        while (scheduled < n)
        {
            var progress = true;
            while (progress)
            {
                progress = false;
                eligible.Clear();
                foreach (var j in candidates)
                {
                    if (earliest[j] <= t0)
                    {
                        eligible.Add(j);
                    }
                }

                eligible.Sort((a, b) => priority[a] != priority[b] ? priority[a].CompareTo(priority[b]) : a.CompareTo(b));
                foreach (var j in eligible)
                {
                    if (!Fits(j, t0))
                    {
                        continue;
                    }

                    Place(j, t0);
                    starts[j] = t0;
                    scheduled++;
                    candidates.Remove(j);
                    var finish = t0 + _net.Durations[j];
                    finishes.Add(finish);
                    makespan = Math.Max(makespan, finish);
                    for (var k = instance.SuccessorStart[j]; k < instance.SuccessorStart[j + 1]; k++)
                    {
                        var s = instance.Successors[k];
                        earliest[s] = Math.Max(earliest[s], t0 + instance.SuccessorLags[k]);
                        if (--remaining[s] == 0)
                        {
                            candidates.Add(s);
                            progress = true;
                        }
                    }
                }
            }

            if (scheduled == n)
            {
                break;
            }

            var next = int.MaxValue;
            foreach (var f in finishes)
            {
                if (f > t0 && f < next)
                {
                    next = f;
                }
            }

            foreach (var j in candidates)
            {
                if (earliest[j] > t0 && earliest[j] < next)
                {
                    next = earliest[j];
                }
            }

            // A capacity profile can open room at any period, not only at an event.
            t0 = next == int.MaxValue || _net.HasProfiles ? Math.Min(next, t0 + 1) : next;
        }

        return makespan;
    }

    private bool Fits(int j, int t)
    {
        var d = _net.Durations[j];
        for (var r = 0; r < _net.ResourceCount; r++)
        {
            var u = _net.Demands[(j * _net.ResourceCount) + r];
            if (u == 0)
            {
                continue;
            }

            for (var tau = t; tau < t + d; tau++)
            {
                if (_free[(r * _horizon) + tau] < u)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private void Place(int j, int t)
    {
        var d = _net.Durations[j];
        for (var r = 0; r < _net.ResourceCount; r++)
        {
            var u = _net.Demands[(j * _net.ResourceCount) + r];
            for (var tau = t; tau < t + d; tau++)
            {
                _free[(r * _horizon) + tau] -= u;
            }
        }
    }
}
