using System.Diagnostics;

namespace Throughline.Scheduling.Leveling;

/// <summary>
/// One population of the leveling search (see docs/leveling.md): activity lists decoded by the serial scheme
/// and improved by forward-backward justification; steady-state replacement of the worst; two-point crossover
/// (Hartmann 1998) on lists re-read from the justified schedules, which is what makes crossover pass on good
/// structure (Debels et al. 2006, "standardized" keys); a shift mutation that keeps lists precedence-feasible;
/// and a partial restart when the search stalls.
/// </summary>
internal sealed class GeneticSearch
{
    // Tuned on j30 and j120 at 5,000 schedules (docs/leveling.md): a restart after 8 x population children without a
    // new best, a shift mutation on 60% of children, and peak crossover for half of them (it helped j120 by about
    // 0.1 point and was neutral on j30).
    private const int StallFactor = 8;
    private const double MutationRate = 0.6;
    private const double PeakShare = 0.5;

    private readonly LevelingNetwork _net;
    private readonly SerialScheduleGenerator _sgs;
    private readonly ParallelScheduleGenerator _psgs;
    private readonly Justification _justification;
    private readonly Random _random;
    private readonly long _budget;
    private readonly long _deadline;
    private readonly int _lowerBound;
    private readonly int _size;
    private readonly int[][] _lists;
    private readonly int[][] _starts;
    private readonly int[] _makespans;
    private readonly ulong[] _hashes;
    private readonly double[] _lftValues;
    private readonly int[] _childList;
    private readonly int[] _childStarts;
    private readonly bool[] _taken;
    private readonly int[] _position;
    private readonly int[] _scratchA;
    private readonly int[] _scratchB;
    private double[] _utilisation = new double[64];
    private int _count;

    /// <param name="budget">Schedules this search may generate.</param>
    /// <param name="deadline">A <see cref="Stopwatch"/> timestamp to stop at, or <see cref="long.MaxValue"/>.</param>
    public GeneticSearch(LevelingNetwork network, int seed, long budget, long deadline, int lowerBound)
    {
        _net = network;
        _sgs = new SerialScheduleGenerator(network);
        _psgs = new ParallelScheduleGenerator(network);
        _justification = new Justification(network, _sgs);
        _random = new Random(seed);
        _budget = budget;
        _deadline = deadline;
        _lowerBound = lowerBound;

        // Larger budgets afford larger populations; 40 is where small budgets (1,000 schedules) still evolve.
        _size = (int)Math.Clamp(budget / 100, 30, 80);
        var n = network.JobCount;
        _lists = new int[_size][];
        _starts = new int[_size][];
        _makespans = new int[_size];
        _hashes = new ulong[_size];
        for (var i = 0; i < _size; i++)
        {
            _lists[i] = new int[n];
            _starts[i] = new int[n];
        }

        _lftValues = PriorityRules.Values(network, PriorityRule.LatestFinish);
        _childList = new int[n];
        _childStarts = new int[n];
        _taken = new bool[n];
        _position = new int[n];
        _scratchA = new int[n];
        _scratchB = new int[n];
        BestStarts = new int[n];
        BestMakespan = int.MaxValue;
    }

    public int[] BestStarts { get; }

    public int BestMakespan { get; private set; }

    public long Generated => _sgs.Generated + _psgs.Generated;

    public void Run()
    {
        Seed();
        var stall = 0;
        while (!Exhausted())
        {
            var mother = Tournament();
            var father = Tournament();
            while (father == mother && _count > 1)
            {
                father = Tournament();
            }

            if (_random.Next(2) == 0)
            {
                (mother, father) = (father, mother);
            }

            if (_random.NextDouble() < PeakShare)
            {
                PeakCrossover(mother, _lists[father], _childList);
            }
            else
            {
                Crossover(_lists[mother], _lists[father], _childList);
            }

            if (_random.NextDouble() < MutationRate)
            {
                ShiftMutation(_childList);
            }

            var makespan = _sgs.Forward(_childList, _childStarts);
            makespan = _justification.Improve(_childStarts, makespan, _childList, maxRounds: Rounds(2));
            var before = BestMakespan;
            Offer(_childList, _childStarts, makespan);
            stall = BestMakespan < before ? 0 : stall + 1;
            if (stall > StallFactor * _size)
            {
                Restart();
                stall = 0;
            }
        }
    }

    private bool Exhausted() =>
        Generated >= _budget
        || BestMakespan <= _lowerBound
        || (_deadline != long.MaxValue && Stopwatch.GetTimestamp() >= _deadline);

    private void Seed()
    {
        var n = _net.JobCount;
        foreach (var rule in Enum.GetValues<PriorityRule>())
        {
            if (Exhausted())
            {
                return;
            }

            var values = PriorityRules.Values(_net, rule);
            var list = PriorityRules.ActivityList(_net, values);
            list.CopyTo(_childList, 0);
            var makespan = _sgs.Forward(_childList, _childStarts);
            makespan = _justification.Improve(_childStarts, makespan, _childList, maxRounds: Rounds(3));
            Offer(_childList, _childStarts, makespan);

            if (Exhausted())
            {
                return;
            }

            makespan = _psgs.Generate(values, _childStarts);
            _justification.OrderByStart(_childStarts, _childList);
            makespan = _justification.Improve(_childStarts, makespan, _childList, maxRounds: Rounds(3));
            Offer(_childList, _childStarts, makespan);
        }

        while (_count < _size && !Exhausted())
        {
            Sample();
        }

        _ = n;
    }

    private void Sample()
    {
        PriorityRules.SampleActivityList(_net, _lftValues, _random, _childList, _scratchA, _scratchB);
        var makespan = _sgs.Forward(_childList, _childStarts);
        makespan = _justification.Improve(_childStarts, makespan, _childList, maxRounds: Rounds(2));
        Offer(_childList, _childStarts, makespan);
    }

    /// <summary>Justification rounds (two passes each) that fit in what is left of the budget, so it is met exactly.</summary>
    private int Rounds(int wanted) => (int)Math.Min(wanted, Math.Max(0, (_budget - Generated) / 2));

    private void Restart()
    {
        // Keep the better half; refill the rest with fresh biased samples.
        SortPopulation();
        _count = Math.Max(1, _size / 2);
        while (_count < _size && !Exhausted())
        {
            Sample();
        }
    }

    private void SortPopulation()
    {
        var order = Enumerable.Range(0, _count).OrderBy(i => _makespans[i]).ThenBy(i => i).ToArray();
        var lists = order.Select(i => (int[])_lists[i].Clone()).ToArray();
        var starts = order.Select(i => (int[])_starts[i].Clone()).ToArray();
        var makespans = order.Select(i => _makespans[i]).ToArray();
        var hashes = order.Select(i => _hashes[i]).ToArray();
        for (var i = 0; i < _count; i++)
        {
            lists[i].CopyTo(_lists[i], 0);
            starts[i].CopyTo(_starts[i], 0);
            _makespans[i] = makespans[i];
            _hashes[i] = hashes[i];
        }
    }

    private void Offer(int[] list, int[] starts, int makespan)
    {
        if (makespan < BestMakespan)
        {
            BestMakespan = makespan;
            starts.CopyTo(BestStarts, 0);
        }

        var hash = Hash(starts);
        for (var i = 0; i < _count; i++)
        {
            if (_hashes[i] == hash && _makespans[i] == makespan)
            {
                return;
            }
        }

        int slot;
        if (_count < _size)
        {
            slot = _count++;
        }
        else
        {
            slot = 0;
            for (var i = 1; i < _count; i++)
            {
                if (_makespans[i] > _makespans[slot])
                {
                    slot = i;
                }
            }

            if (_makespans[slot] < makespan)
            {
                return;
            }
        }

        list.CopyTo(_lists[slot], 0);
        starts.CopyTo(_starts[slot], 0);
        _makespans[slot] = makespan;
        _hashes[slot] = hash;
    }

    private int Tournament()
    {
        var a = _random.Next(_count);
        var b = _random.Next(_count);
        return _makespans[a] < _makespans[b] || (_makespans[a] == _makespans[b] && a < b) ? a : b;
    }

    /// <summary>
    /// Two-point crossover: the mother's first q1 jobs, then the father's next jobs in his order until q2, then
    /// the mother's remaining jobs. Precedence-feasible when both parents are.
    /// </summary>
    private void Crossover(int[] mother, int[] father, int[] child)
    {
        var n = mother.Length;
        var q1 = _random.Next(n + 1);
        var q2 = _random.Next(n + 1);
        if (q1 > q2)
        {
            (q1, q2) = (q2, q1);
        }

        Array.Clear(_taken);
        var i = 0;
        for (; i < q1; i++)
        {
            child[i] = mother[i];
            _taken[mother[i]] = true;
        }

        for (var k = 0; k < n && i < q2; k++)
        {
            var j = father[k];
            if (!_taken[j])
            {
                child[i++] = j;
                _taken[j] = true;
            }
        }

        for (var k = 0; k < n && i < n; k++)
        {
            var j = mother[k];
            if (!_taken[j])
            {
                child[i++] = j;
                _taken[j] = true;
            }
        }
    }

    /// <summary>
    /// Peak crossover (after Valls, Ballestín and Quintanilla 2008): the child keeps, in the mother's order, the
    /// jobs the mother runs inside her densest stretch of time, where she packed resources best; the jobs before
    /// and after that stretch come in the father's order. Precedence-feasible when lags are non-negative (a
    /// predecessor never starts later than its successor); otherwise repaired.
    /// </summary>
    private void PeakCrossover(int mother, int[] father, int[] child)
    {
        var starts = _starts[mother];
        var makespan = _makespans[mother];
        var n = _net.JobCount;
        var resources = _net.ResourceCount;
        if (makespan < 2)
        {
            Crossover(_lists[mother], father, child);
            return;
        }

        // Utilisation per period, as a fraction of capacity summed over resources.
        var load = _utilisation.Length >= makespan ? _utilisation : _utilisation = new double[makespan * 2];
        Array.Clear(load, 0, makespan);
        for (var j = 0; j < n; j++)
        {
            var weight = 0.0;
            for (var r = 0; r < resources; r++)
            {
                weight += (double)_net.Demands[(j * resources) + r] / _net.Instance.Capacity(r);
            }

            for (var t = starts[j]; t < starts[j] + _net.Durations[j]; t++)
            {
                load[t] += weight;
            }
        }

        var length = Math.Max(1, (int)(makespan * (0.25 + (0.5 * _random.NextDouble()))));
        var sum = 0.0;
        for (var t = 0; t < length; t++)
        {
            sum += load[t];
        }

        var bestSum = sum;
        var a = 0;
        for (var t = length; t < makespan; t++)
        {
            sum += load[t] - load[t - length];
            if (sum > bestSum)
            {
                bestSum = sum;
                a = t - length + 1;
            }
        }

        var b = a + length;
        var i = 0;
        foreach (var j in father)
        {
            if (starts[j] < a)
            {
                child[i++] = j;
            }
        }

        foreach (var j in _lists[mother])
        {
            if (starts[j] >= a && starts[j] < b)
            {
                child[i++] = j;
            }
        }

        foreach (var j in father)
        {
            if (starts[j] >= b)
            {
                child[i++] = j;
            }
        }

        if (_net.HasNegativeLags)
        {
            _justification.Repair(child);
        }
    }

    /// <summary>Moves one job to a random position between its last predecessor and its first successor.</summary>
    private void ShiftMutation(int[] list)
    {
        var n = list.Length;
        for (var i = 0; i < n; i++)
        {
            _position[list[i]] = i;
        }

        var from = _random.Next(n);
        var j = list[from];
        var instance = _net.Instance;
        var lo = 0;
        for (var k = instance.PredecessorStart[j]; k < instance.PredecessorStart[j + 1]; k++)
        {
            lo = Math.Max(lo, _position[instance.Predecessors[k]] + 1);
        }

        var hi = n - 1;
        for (var k = instance.SuccessorStart[j]; k < instance.SuccessorStart[j + 1]; k++)
        {
            hi = Math.Min(hi, _position[instance.Successors[k]] - 1);
        }

        if (hi <= lo)
        {
            return;
        }

        var to = lo + _random.Next(hi - lo + 1);
        if (to > from)
        {
            Array.Copy(list, from + 1, list, from, to - from);
        }
        else if (to < from)
        {
            Array.Copy(list, to, list, to + 1, from - to);
        }

        list[to] = j;
    }

    private static ulong Hash(int[] starts)
    {
        var h = 14695981039346656037UL;
        foreach (var s in starts)
        {
            h = unchecked((h ^ (uint)s) * 1099511628211UL);
        }

        return h;
    }
}
