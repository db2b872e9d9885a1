using Throughline.Scheduling.Leveling;

namespace Throughline.Scheduling.Forecasting;

/// <summary>
/// What a Monte Carlo run varies on a <see cref="ScheduleNetwork"/>, on flat arrays by task index: each task's
/// duration distribution, the shared factors that correlate tasks, the risk events, and the targets whose finish is
/// recorded. Built by <see cref="ForecastModelBuilder"/>; immutable, so one model serves any number of runs.
/// </summary>
public sealed class ForecastModel
{
    internal const byte Fixed = 255;

    internal ForecastModel(ScheduleNetwork network, ForecastModelBuilder b)
    {
        Network = network;
        var n = network.TaskCount;
        Kind = [.. b.Kind];
        Min = [.. b.Min];
        Mode = [.. b.Mode];
        Max = [.. b.Max];
        Range = [.. Enumerable.Range(0, n).Select(t => Max[t] - Min[t])];
        Shape = [.. Enumerable.Range(0, n).Select(t => Max[t] > Min[t] ? (Mode[t] - Min[t]) / (Max[t] - Min[t]) : 0)];
        PertRow = new int[n];
        PertBlend = new double[n];
        for (var t = 0; t < n; t++)
        {
            (PertRow[t], PertBlend[t]) = BetaPertTable.Row(Shape[t]);
        }

        Mu = [.. b.Mu];
        Sigma = [.. b.Sigma];
        GroupCount = b.GroupCount;
        Correlation = b.Correlation;
        GroupStart = new int[n + 1];
        Loading = new double[n];
        Own = new double[n];
        for (var t = 0; t < n; t++)
        {
            var k = b.Groups[t].Length;
            GroupStart[t + 1] = GroupStart[t] + k;
            var rho = k == 0 ? 0 : Math.Min(Correlation, 1.0 / k);
            Loading[t] = Math.Sqrt(rho);
            Own[t] = Math.Sqrt(Math.Max(0, 1 - (k * rho)));
        }

        GroupOf = [.. b.Groups.SelectMany(g => g)];
        Uncertain = [.. Enumerable.Range(0, n).Where(t => Kind[t] != Fixed)];
        RiskProbability = [.. b.Risks.Select(r => r.Probability)];
        RiskImpact = [.. b.Risks.Select(r => r.ImpactMinutes)];
        RiskLinkStart = new int[b.Risks.Count + 1];
        for (var r = 0; r < b.Risks.Count; r++)
        {
            RiskLinkStart[r + 1] = RiskLinkStart[r] + b.Risks[r].Tasks.Length;
        }

        RiskLinkTask = [.. b.Risks.SelectMany(r => r.Tasks)];
        Targets = [.. b.Targets];
        var variable = new bool[n];
        foreach (var t in Uncertain)
        {
            variable[t] = true;
        }

        foreach (var t in RiskLinkTask)
        {
            variable[t] = true;
        }

        Variable = [.. Enumerable.Range(0, n).Where(t => variable[t])];
        Remaining = [.. Variable.Where(t => network.Remaining[t] >= 0)];
        RiskCost = [.. b.Risks.Select(r => r.Cost)];
        HasCost = RiskCost.Any(c => c != 0);
        Leaves = [.. Enumerable.Range(0, n).Where(t => !network.IsSummary(t))];
        LeafCalendars = [.. Leaves.Select(network.CalendarOf).Distinct().Order()];
        Capacity = b.Capacity;

        // The eight-lane pass has no leveling step: a capacity-aware run takes one iteration at a time.
        Batch = Capacity is null ? BatchPass.TryCreate(network, Horizon(network)) : null;
    }

    /// <summary>Whether each iteration is leveled against the plan's teams and people (else the pure critical-path view).</summary>
    public bool CapacityAware => Capacity is not null;

    internal CapacityPass? Capacity { get; }

    /// <summary>
    /// The network scheduled with <paramref name="durations"/>: leveled as an iteration is when the model is
    /// capacity-aware. With the network's own durations this is the deterministic plan the run compares against.
    /// </summary>
    internal ScheduleResult Schedule(long[] durations)
    {
        if (Capacity is null)
        {
            return CriticalPath.Schedule(Network, durations);
        }

        return CriticalPath.Schedule(Network, durations, Capacity.PlanFloors(Network, durations).Floors);
    }

    public ScheduleNetwork Network { get; }

    public int TaskCount => Network.TaskCount;

    /// <summary>Tasks whose finish each iteration records; -1 is the project finish.</summary>
    public IReadOnlyList<int> Targets { get; }

    public int RiskCount => RiskProbability.Length;

    /// <summary>Correlation between two tasks of one group (the shared factor's weight is its square root).</summary>
    public double Correlation { get; }

    internal byte[] Kind { get; }

    internal double[] Min { get; }

    internal double[] Mode { get; }

    internal double[] Max { get; }

    /// <summary>Max − Min.</summary>
    internal double[] Range { get; }

    /// <summary>Where the mode sits in the range, (Mode − Min) / (Max − Min), 0 to 1.</summary>
    internal double[] Shape { get; }

    /// <summary>Each task's Beta-PERT shape as <see cref="BetaPertTable.Row"/> gives it: the table row below it and the blend towards the next.</summary>
    internal int[] PertRow { get; }

    internal double[] PertBlend { get; }

    internal double[] Mu { get; }

    internal double[] Sigma { get; }

    /// <summary>Task t's groups are <c>GroupOf[GroupStart[t]..GroupStart[t + 1]]</c>.</summary>
    internal int[] GroupStart { get; }

    internal int[] GroupOf { get; }

    /// <summary>Each task's weight on each of its group factors, √min(ρ, 1/k) for k groups.</summary>
    internal double[] Loading { get; }

    /// <summary>Each task's weight on its own noise, √(1 − k·min(ρ, 1/k)).</summary>
    internal double[] Own { get; }

    internal int GroupCount { get; }

    /// <summary>Tasks with a distribution, in index order.</summary>
    internal int[] Uncertain { get; }

    /// <summary>Tasks whose duration can differ from the network's: uncertain or linked to a risk.</summary>
    internal int[] Variable { get; }

    /// <summary>
    /// Variable tasks in progress with an explicit remaining duration: the remaining work varies with the sampled
    /// duration (r × sample / most likely, so its spread is the estimate's, scaled) and takes the risks' impacts.
    /// </summary>
    internal int[] Remaining { get; }

    /// <summary>Each risk's cost impact when it occurs (in the caller's currency units); 0 for none.</summary>
    internal double[] RiskCost { get; }

    /// <summary>Whether any risk has a cost impact, so that each iteration's risk cost is recorded.</summary>
    internal bool HasCost { get; }

    /// <summary>Tasks that are not summaries.</summary>
    internal int[] Leaves { get; }

    /// <summary>The calendars leaf tasks are on (a network may hold calendars no task uses, some without working time).</summary>
    internal int[] LeafCalendars { get; }

    /// <summary>The eight-iterations-at-a-time pass when the network allows it (one calendar, no summaries, constraints or progress), else null.</summary>
    internal BatchPass? Batch { get; }

    internal double[] RiskProbability { get; }

    internal long[] RiskImpact { get; }

    internal int[] RiskLinkStart { get; }

    internal int[] RiskLinkTask { get; }

    /// <summary>
    /// A position on the first calendar that runs rarely pass: the project finish with every task at its pessimistic
    /// duration and every risk occurring, plus half the span again and two weeks.
    /// </summary>
    private long Horizon(ScheduleNetwork network)
    {
        if (!network.SingleCalendar)
        {
            return -1;
        }

        var upper = new long[TaskCount];
        for (var t = 0; t < upper.Length; t++)
        {
            upper[t] = Kind[t] == Fixed ? network.DurationOf(t) : (long)Math.Ceiling(Max[t]);
        }

        for (var r = 0; r < RiskProbability.Length; r++)
        {
            for (var l = RiskLinkStart[r]; l < RiskLinkStart[r + 1]; l++)
            {
                upper[RiskLinkTask[l]] += RiskImpact[r];
            }
        }

        var calendar = network.Calendars[0];
        var start = network.ProjectStartPosition[0];
        var finish = calendar.PositionAt(CriticalPath.Schedule(network, upper).ProjectFinishInstant);
        return finish + ((finish - start) / 2) + (14 * 24 * 60);
    }

    /// <summary>Random streams: one per task index, then one per group factor, then one per risk.</summary>
    internal int StreamCount => TaskCount + GroupCount + RiskCount;

    internal int GroupStream(int group) => TaskCount + group;

    internal int RiskStream(int risk) => TaskCount + GroupCount + risk;
}
