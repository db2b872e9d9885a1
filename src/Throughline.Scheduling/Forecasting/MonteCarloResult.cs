namespace Throughline.Scheduling.Forecasting;

/// <summary>
/// The outcome of a <see cref="MonteCarlo"/> run on a <see cref="ForecastModel"/>, by target and task index.
/// A target's finishes are instants (elapsed minutes since the calendars' origin; see <see cref="Calendars.CompiledCalendar"/>),
/// sorted ascending; <see cref="FinishDate"/> turns one into a local date-time.
/// </summary>
public sealed class MonteCarloResult
{
    private readonly long[][] finishes;
    private readonly int[] critical;
    private readonly double[] sensitivity;
    private readonly int[] byDeterministic;
    private readonly int[] riskHits;
    private readonly long[] deterministic;

    internal MonteCarloResult(ForecastModel model, int iterations, bool converged, long[][] finishes, long[] deterministic, int[] critical, double[] sensitivity, int[] byDeterministic, int[] riskHits)
    {
        Model = model;
        Iterations = iterations;
        Converged = converged;
        this.finishes = finishes;
        this.deterministic = deterministic;
        this.critical = critical;
        this.sensitivity = sensitivity;
        this.byDeterministic = byDeterministic;
        this.riskHits = riskHits;
    }

    public ForecastModel Model { get; }

    public int Iterations { get; }

    /// <summary>Whether the run stopped on convergence before its cap.</summary>
    public bool Converged { get; }

    /// <summary>
    /// Each iteration's risk cost (the cost impacts of the risks that occurred), sorted ascending; empty when no risk
    /// has a cost (see <see cref="ForecastModelBuilder.AddRisk(double, long, IEnumerable{int}, double)"/>).
    /// </summary>
    public ReadOnlySpan<double> Costs => SortedCosts;

    internal double[] SortedCosts { get; init; } = [];

    /// <summary>The nearest-rank percentile of the risk cost (0 without risk costs).</summary>
    public double CostPercentile(double q)
    {
        if (double.IsNaN(q) || q is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(q));
        }

        return SortedCosts.Length == 0 ? 0 : SortedCosts[Math.Max(0, (int)Math.Ceiling(q * SortedCosts.Length) - 1)];
    }

    /// <summary>The sorted finishes of target <paramref name="target"/>, one per iteration.</summary>
    public ReadOnlySpan<long> Finishes(int target) => finishes[target];

    /// <summary>The finish with the durations of the network (most likely) and no risk, as the critical path gives it.</summary>
    public long DeterministicFinish(int target) => deterministic[target];

    /// <summary>The nearest-rank percentile: the smallest finish reached by at least <paramref name="q"/> of iterations.</summary>
    public long Percentile(int target, double q)
    {
        if (double.IsNaN(q) || q is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(q));
        }

        var sorted = finishes[target];
        return sorted[Math.Max(0, (int)Math.Ceiling(q * sorted.Length) - 1)];
    }

    /// <summary>The share of iterations whose finish is at or before <paramref name="value"/>.</summary>
    public double ProbabilityBy(int target, long value)
    {
        var sorted = finishes[target];
        var lo = 0;
        var hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo / (double)sorted.Length;
    }

    /// <summary>The local date-time of a finish (as <see cref="ScheduleResult.FinishDate"/> shows it).</summary>
    public DateTime FinishDate(long value) => Model.Network.Calendars[0].DateOf(value);

    /// <summary>A finish as working minutes on the first calendar (the program's), to count working days between two.</summary>
    public long WorkingPosition(long value) => Model.Network.Calendars[0].PositionAt(value);

    /// <summary>Share of iterations in which <paramref name="task"/> is on the driving path to <paramref name="target"/>.</summary>
    public double CriticalityIndex(int target, int task) => critical[(target * Model.TaskCount) + task] / (double)Iterations;

    /// <summary>Pearson correlation, over iterations, of the task's duration with the target's finish (0 when the duration never varies).</summary>
    public double SensitivityIndex(int target, int task) => sensitivity[(target * Model.TaskCount) + task];

    /// <summary>Share of iterations in which <paramref name="task"/> finishes by the end of the day of its deterministic finish.</summary>
    public double ProbabilityByDeterministicDate(int task) => byDeterministic[task] / (double)Iterations;

    /// <summary>Share of iterations in which risk <paramref name="risk"/> occurred.</summary>
    public double RiskOccurrence(int risk) => riskHits[risk] / (double)Iterations;
}
