namespace Throughline.Scheduling.Leveling;

/// <summary>
/// Forward-backward improvement (Valls, Ballestín and Quintanilla 2005, "Justification and RCPSP: a technique
/// that pays"): shift every job as late as the makespan allows, taking jobs by decreasing finish, then as early as
/// possible, taking them by increasing start. Each pass is a serial generation on an order read off the previous
/// schedule, so the makespan never grows, and it often shrinks.
/// </summary>
internal sealed class Justification
{
    private readonly LevelingNetwork _net;
    private readonly SerialScheduleGenerator _sgs;
    private readonly int[] _order;
    private readonly int[] _reversed;
    private readonly long[] _keys;
    private readonly int[] _position;
    private readonly int[] _candidate;

    public Justification(LevelingNetwork network, SerialScheduleGenerator generator)
    {
        _net = network;
        _sgs = generator;
        _order = new int[network.JobCount];
        _reversed = new int[network.JobCount];
        _keys = new long[network.JobCount];
        _position = new int[network.JobCount];
        _candidate = new int[network.JobCount];
    }

    /// <summary>
    /// Improves <paramref name="starts"/> (a feasible forward schedule with the given makespan) in place by
    /// repeated backward-forward passes until a pass brings no gain or <paramref name="maxRounds"/> is reached.
    /// Returns the new makespan. Leaves in <paramref name="order"/> the job order of the final schedule by start,
    /// a precedence-feasible activity list that decodes to it.
    /// </summary>
    public int Improve(Span<int> starts, int makespan, Span<int> order, int maxRounds)
    {
        var n = _net.JobCount;
        var durations = _net.Durations;
        for (var round = 0; round < maxRounds; round++)
        {
            // Backward pass: by finish descending, ties by start descending, then topological position descending.
            for (var j = 0; j < n; j++)
            {
                var finish = starts[j] + durations[j];
                _keys[j] = ((long)finish << 42) | ((long)starts[j] << 21) | (long)_net.TopologicalPosition[j];
            }

            SortJobsByKeyDescending(invertedPosition: false);
            EnsureFeasible(_order, _net.BackwardPredStart, _net.BackwardPreds);
            var backwardMakespan = _sgs.Backward(_order, _reversed, makespan);

            // Forward pass: by forward start (makespan' - reversed finish) ascending = reversed finish descending.
            for (var j = 0; j < n; j++)
            {
                var reversedFinish = _reversed[j] + durations[j];
                var forwardStart = backwardMakespan - reversedFinish;
                _keys[j] = ((long)(backwardMakespan - forwardStart) << 42)
                    | ((long)(backwardMakespan - (forwardStart + durations[j])) << 21)
                    | (long)(n - 1 - _net.TopologicalPosition[j]);
            }

            // Descending on (reversed finish, reversed start, -topological) = ascending forward start, finish, topological.
            SortJobsByKeyDescending(invertedPosition: true);
            EnsureFeasible(_order, _net.ForwardPredStart, _net.ForwardPreds);
            var forwardMakespan = _sgs.Forward(_order, _candidate);
            if (forwardMakespan < makespan)
            {
                _candidate.AsSpan().CopyTo(starts);
                _order.AsSpan().CopyTo(order);
                makespan = forwardMakespan;
                continue;
            }

            if (forwardMakespan == makespan)
            {
                // Same length: keep the justified schedule, it is the better parent for the search.
                _candidate.AsSpan().CopyTo(starts);
                _order.AsSpan().CopyTo(order);
            }

            break;
        }

        return makespan;
    }

    /// <summary>Writes into <paramref name="order"/> the jobs of a schedule by start, a list that decodes to it.</summary>
    public void OrderByStart(ReadOnlySpan<int> starts, Span<int> order)
    {
        var n = _net.JobCount;
        for (var j = 0; j < n; j++)
        {
            _keys[j] = ((long)starts[j] << 21) | (long)_net.TopologicalPosition[j];
        }

        Array.Sort(_keys);
        for (var i = 0; i < n; i++)
        {
            _order[i] = _net.TopologicalOrder[(int)(_keys[i] & 0x1F_FFFF)];
        }

        EnsureFeasible(_order, _net.ForwardPredStart, _net.ForwardPreds);
        _order.AsSpan().CopyTo(order);
    }

    /// <summary>Orders jobs by key, largest first; the low 21 bits hold the topological position (or n − 1 − it).</summary>
    /// <summary>Makes a forward activity list precedence-feasible, moving as little as a stable topological sort does.</summary>
    public void Repair(int[] order) => EnsureFeasible(order, _net.ForwardPredStart, _net.ForwardPreds);

    private void SortJobsByKeyDescending(bool invertedPosition)
    {
        var n = _net.JobCount;
        Array.Sort(_keys);
        for (var i = 0; i < n; i++)
        {
            var low = (int)(_keys[n - 1 - i] & 0x1F_FFFF);
            var topo = invertedPosition ? n - 1 - low : low;
            _order[i] = _net.TopologicalOrder[topo];
        }
    }

    /// <summary>
    /// With general lags, a sort by time can put a job before one of its predecessors (a zero lag between two
    /// jobs that tie). Checks the list and, only when needed, repairs it by a stable topological sort.
    /// </summary>
    private void EnsureFeasible(int[] order, int[] predStart, int[] preds)
    {
        var n = order.Length;
        for (var i = 0; i < n; i++)
        {
            _position[order[i]] = i;
        }

        for (var i = 0; i < n; i++)
        {
            var j = order[i];
            for (var k = predStart[j]; k < predStart[j + 1]; k++)
            {
                if (_position[preds[k]] > i)
                {
                    Repair(order, predStart, preds);
                    return;
                }
            }
        }
    }

    private void Repair(int[] order, int[] predStart, int[] preds)
    {
        var n = order.Length;
        var remaining = new int[n];
        for (var j = 0; j < n; j++)
        {
            remaining[j] = predStart[j + 1] - predStart[j];
        }

        // Successor lists for this direction, built on the rare repair path only.
        var succ = new List<int>[n];
        for (var j = 0; j < n; j++)
        {
            succ[j] = [];
        }

        for (var j = 0; j < n; j++)
        {
            for (var k = predStart[j]; k < predStart[j + 1]; k++)
            {
                succ[preds[k]].Add(j);
            }
        }

        var ready = new PriorityQueue<int, int>();
        for (var j = 0; j < n; j++)
        {
            if (remaining[j] == 0)
            {
                ready.Enqueue(j, _position[j]);
            }
        }

        var i = 0;
        while (ready.TryDequeue(out var j, out _))
        {
            order[i++] = j;
            foreach (var s in succ[j])
            {
                if (--remaining[s] == 0)
                {
                    ready.Enqueue(s, _position[s]);
                }
            }
        }
    }
}
