namespace Throughline.Scheduling.Leveling;

/// <summary>
/// The serial schedule generation scheme: takes jobs in a given order and starts each at the earliest period
/// where its predecessors allow it and every resource it needs has room for its whole duration. Works forward,
/// or backward on reversed time (for justification). One instance per thread: it owns its buffers.
/// </summary>
/// <remarks>
/// Resource room is a flat array <c>free[r * horizon + t]</c> per direction; a pass resets only the stretch the
/// previous pass in that direction touched. The feasibility scan checks a candidate window from its end
/// backwards, so a conflict at period τ moves the candidate straight past τ. With constant capacities a pass on
/// j120 costs about 15-20 µs (docs/benchmarks.md, #4).
/// </remarks>
internal sealed class SerialScheduleGenerator
{
    private readonly LevelingNetwork _net;
    private readonly int _horizon;
    private readonly int[] _forwardTemplate;
    private readonly int[] _forwardFree;
    private readonly int[] _backwardFree;
    private int _forwardDirty;
    private int _backwardDirty;
    private int _backwardMakespan = -1;

    public SerialScheduleGenerator(LevelingNetwork network)
    {
        _net = network;
        _horizon = network.Horizon;
        var size = network.ResourceCount * _horizon;
        _forwardTemplate = new int[size];
        for (var r = 0; r < network.ResourceCount; r++)
        {
            for (var t = 0; t < _horizon; t++)
            {
                _forwardTemplate[(r * _horizon) + t] = network.Instance.CapacityAt(r, t);
            }
        }

        _forwardFree = (int[])_forwardTemplate.Clone();
        _backwardFree = new int[size];
        if (!network.HasProfiles)
        {
            // Constant capacities read the same both ways.
            Array.Copy(_forwardTemplate, _backwardFree, size);
            _backwardMakespan = int.MinValue;
        }
    }

    /// <summary>Schedules generated so far by this generator: the literature's unit of effort.</summary>
    public long Generated { get; private set; }

    /// <summary>
    /// Schedules the jobs forward in <paramref name="order"/>, which must list every job after its predecessors.
    /// Writes start periods into <paramref name="starts"/> and returns the makespan.
    /// </summary>
    public int Forward(ReadOnlySpan<int> order, Span<int> starts)
    {
        Reset(_forwardFree, _forwardTemplate, _forwardDirty);
        var makespan = Generate(order, starts, _net.ForwardPredStart, _net.ForwardPreds, _net.ForwardPredLags, _forwardFree);
        _forwardDirty = makespan;
        return makespan;
    }

    /// <summary>
    /// Schedules the jobs on reversed time in <paramref name="order"/> (every job after its forward successors),
    /// against capacities seen backwards from <paramref name="makespan"/>. Reversed starts go to
    /// <paramref name="reversedStarts"/>; returns the reversed makespan.
    /// </summary>
    public int Backward(ReadOnlySpan<int> order, Span<int> reversedStarts, int makespan)
    {
        if (_net.HasProfiles && makespan != _backwardMakespan)
        {
            // Reversed period t is forward period makespan - 1 - t; before time 0 the base capacity applies.
            for (var r = 0; r < _net.ResourceCount; r++)
            {
                for (var t = 0; t < _horizon; t++)
                {
                    var forward = makespan - 1 - t;
                    _backwardFree[(r * _horizon) + t] = forward >= 0 ? _net.Instance.CapacityAt(r, forward) : _net.Instance.Capacity(r);
                }
            }

            _backwardMakespan = makespan;
        }
        else if (_net.HasProfiles)
        {
            // Same mapping as last time: undo the last pass from a fresh copy of the mapped capacities.
            for (var r = 0; r < _net.ResourceCount; r++)
            {
                for (var t = 0; t < _backwardDirty; t++)
                {
                    var forward = makespan - 1 - t;
                    _backwardFree[(r * _horizon) + t] = forward >= 0 ? _net.Instance.CapacityAt(r, forward) : _net.Instance.Capacity(r);
                }
            }
        }
        else
        {
            Reset(_backwardFree, _forwardTemplate, _backwardDirty);
        }

        var reversed = Generate(order, reversedStarts, _net.BackwardPredStart, _net.BackwardPreds, _net.BackwardPredLags, _backwardFree);
        _backwardDirty = reversed;
        return reversed;
    }

    private void Reset(int[] free, int[] template, int dirty)
    {
        for (var r = 0; r < _net.ResourceCount; r++)
        {
            Array.Copy(template, r * _horizon, free, r * _horizon, dirty);
        }
    }

    private int Generate(
        ReadOnlySpan<int> order,
        Span<int> starts,
        int[] predStart,
        int[] preds,
        int[] predLags,
        int[] free)
    {
        var horizon = _horizon;
        var resources = _net.ResourceCount;
        var durations = _net.Durations;
        var demands = _net.Demands;
        Generated++;
        var makespan = 0;

        // Hot loop: unchecked because the horizon bounds every index and sum (see LevelingNetwork).
        unchecked
        {
            for (var i = 0; i < order.Length; i++)
            {
                var j = order[i];
                var t = 0;
                for (var k = predStart[j]; k < predStart[j + 1]; k++)
                {
                    var candidate = starts[preds[k]] + predLags[k];
                    if (candidate > t)
                    {
                        t = candidate;
                    }
                }

                var d = durations[j];
                var demandBase = j * resources;
                if (d > 0)
                {
                    // Find the earliest t with room over [t, t + d) for every resource.
                    var fits = false;
                    while (!fits)
                    {
                        fits = true;
                        for (var r = 0; r < resources && fits; r++)
                        {
                            var u = demands[demandBase + r];
                            if (u == 0)
                            {
                                continue;
                            }

                            var row = r * horizon;
                            for (var tau = t + d - 1; tau >= t; tau--)
                            {
                                if (free[row + tau] < u)
                                {
                                    t = tau + 1;
                                    fits = false;
                                    break;
                                }
                            }
                        }
                    }

                    for (var r = 0; r < resources; r++)
                    {
                        var u = demands[demandBase + r];
                        if (u == 0)
                        {
                            continue;
                        }

                        var row = r * horizon;
                        for (var tau = t; tau < t + d; tau++)
                        {
                            free[row + tau] -= u;
                        }
                    }
                }

                starts[j] = t;
                if (t + d > makespan)
                {
                    makespan = t + d;
                }
            }
        }

        return makespan;
    }
}
