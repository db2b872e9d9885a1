using Throughline.Domain;
using Throughline.Scheduling.Leveling;

namespace Throughline.Scheduling.Forecasting;

/// <summary>
/// Collects the uncertainty of a <see cref="ScheduleNetwork"/> by task index and builds a <see cref="ForecastModel"/>.
/// A task without a distribution keeps the network's duration in every iteration.
/// </summary>
public sealed class ForecastModelBuilder
{
    private readonly ScheduleNetwork network;

    public ForecastModelBuilder(ScheduleNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        this.network = network;
        var n = network.TaskCount;
        Kind = Enumerable.Repeat(ForecastModel.Fixed, n).ToArray();
        Min = new double[n];
        Mode = new double[n];
        Max = new double[n];
        Mu = new double[n];
        Sigma = new double[n];
        Groups = Enumerable.Repeat(Array.Empty<int>(), n).ToArray();
    }

    /// <summary>
    /// Correlation (0 to 1) between the durations of two tasks in one group: a Gaussian copula with one shared factor
    /// per group, z = √ρ·F + √(1 − ρ)·E. Tasks in no group are independent. A task in k groups (a team and a shared
    /// technology, say) loads √ρ' on each factor with ρ' = min(ρ, 1/k), so two tasks sharing one group correlate by ρ'
    /// and two sharing two by 2ρ'.
    /// </summary>
    public double Correlation
    {
        get;
        set
        {
            if (double.IsNaN(value) || value is < 0 or > 1)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "A correlation lies between 0 and 1.");
            }

            field = value;
        }
    }

    internal byte[] Kind { get; }

    internal double[] Min { get; }

    internal double[] Mode { get; }

    internal double[] Max { get; }

    internal double[] Mu { get; }

    internal double[] Sigma { get; }

    internal int[][] Groups { get; }

    internal int GroupCount { get; private set; }

    internal List<RiskSpec> Risks { get; } = [];

    internal List<int> Targets { get; } = [];

    /// <summary>When set, every iteration is leveled against the plan's capacity (<see cref="CapacityPass"/>).</summary>
    internal CapacityPass? Capacity { get; set; }

    /// <summary>
    /// Gives <paramref name="task"/> a duration drawn from <paramref name="distribution"/> over a three-point estimate
    /// in working minutes; <paramref name="group"/> (0 or more, or -1 for none) correlates it with the group's other tasks.
    /// </summary>
    public void SetDuration(int task, DurationDistribution distribution, long optimistic, long mostLikely, long pessimistic, int group = -1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(group, -1);
        SetDuration(task, distribution, optimistic, mostLikely, pessimistic, group < 0 ? [] : [group]);
    }

    /// <summary>
    /// Gives <paramref name="task"/> a duration drawn from <paramref name="distribution"/> over a three-point estimate
    /// in working minutes, correlated with the other tasks of each of <paramref name="groups"/> (0 or more each).
    /// </summary>
    public void SetDuration(int task, DurationDistribution distribution, long optimistic, long mostLikely, long pessimistic, IReadOnlyList<int> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        CheckTask(task);
        if (optimistic < 0 || optimistic > mostLikely || mostLikely > pessimistic)
        {
            throw new ArgumentOutOfRangeException(nameof(mostLikely), "A three-point estimate needs 0 <= optimistic <= most likely <= pessimistic.");
        }

        foreach (var g in groups)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(g, nameof(groups));
        }

        if (network.IsSummary(task) || optimistic == pessimistic)
        {
            // A summary's span is rolled up; a certain duration needs no stream.
            Kind[task] = ForecastModel.Fixed;
            return;
        }

        Kind[task] = (byte)distribution;
        Min[task] = optimistic;
        Mode[task] = mostLikely;
        Max[task] = pessimistic;
        Groups[task] = [.. groups.Distinct()];
        GroupCount = Math.Max(GroupCount, groups.Count == 0 ? 0 : groups.Max() + 1);
        if (distribution == DurationDistribution.LogNormal)
        {
            // Shifted to start at the optimistic value, mode at the most likely, pessimistic at the 95th percentile:
            // ln(b − a) = μ + 1.645σ and ln(c − a) = μ − σ², so σ² + 1.645σ − ln((b − a)/(c − a)) = 0.
            const double Z95 = 1.6448536269514722;
            var range = (double)(pessimistic - optimistic);
            var mode = Math.Max(mostLikely - optimistic, 0.05 * range);
            var sigma = (-Z95 + Math.Sqrt((Z95 * Z95) + (4 * Math.Log(range / mode)))) / 2;
            Sigma[task] = sigma;
            Mu[task] = Math.Log(mode) + (sigma * sigma);
        }
    }

    /// <summary>A risk event: in a share <paramref name="probability"/> of iterations, <paramref name="impactMinutes"/> of working time is added to each of <paramref name="tasks"/>.</summary>
    public int AddRisk(double probability, long impactMinutes, IEnumerable<int> tasks) => AddRisk(probability, impactMinutes, tasks, 0);

    /// <summary>
    /// A risk event with a cost: in a share <paramref name="probability"/> of iterations, <paramref name="impactMinutes"/>
    /// of working time is added to each of <paramref name="tasks"/> (none for a cost-only risk) and <paramref name="cost"/>
    /// to the iteration's risk cost (<see cref="MonteCarloResult.Costs"/>).
    /// </summary>
    public int AddRisk(double probability, long impactMinutes, IEnumerable<int> tasks, double cost)
    {
        if (double.IsNaN(cost) || double.IsInfinity(cost))
        {
            throw new ArgumentOutOfRangeException(nameof(cost), cost, "A cost is a finite amount.");
        }

        ArgumentNullException.ThrowIfNull(tasks);
        if (double.IsNaN(probability) || probability is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "A probability lies between 0 and 1.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(impactMinutes);
        var linked = tasks.Distinct().Order().ToArray();
        foreach (var t in linked)
        {
            CheckTask(t);
        }

        Risks.Add(new RiskSpec(probability, impactMinutes, [.. linked.Where(t => !network.IsSummary(t))], cost));
        return Risks.Count - 1;
    }

    /// <summary>Records the finish of <paramref name="task"/> (or, for -1, of the whole project) in every iteration; returns the target's index.</summary>
    public int AddTarget(int task)
    {
        if (task != -1)
        {
            CheckTask(task);
        }

        Targets.Add(task);
        return Targets.Count - 1;
    }

    public ForecastModel Build() => new(network, this);

    private void CheckTask(int task)
    {
        if ((uint)task >= (uint)network.TaskCount)
        {
            throw new ArgumentOutOfRangeException(nameof(task), $"No task {task}; there are {network.TaskCount}.");
        }
    }

    internal sealed record RiskSpec(double Probability, long ImpactMinutes, int[] Tasks, double Cost);
}
