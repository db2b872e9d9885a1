using Throughline.Domain;
using Throughline.Scheduling.Leveling;

namespace Throughline.Scheduling.Forecasting;

/// <summary>
/// Forecasts a domain <see cref="Program"/>: "will each committed date hold, and how sure are we?". Builds the
/// schedule network, a <see cref="ForecastModel"/> from the estimates, teams and risk register, runs
/// <see cref="MonteCarlo"/>, and reports per committed item and for the program end.
/// </summary>
/// <remarks>
/// Mapping (docs/forecasting.md): an estimate is sampled with the item's distribution, else its team's, else the
/// program's <see cref="ForecastSettings.Distribution"/> (<see cref="ProgramForecastOptions.Distribution"/> overrides
/// them all); a single value m gets the <see cref="Uncertainty"/> of its first tag listed in the program's categories,
/// else its team's, else the program's, else <see cref="ProgramForecastOptions.DefaultUncertainty"/>; finished items,
/// milestones and summaries do not vary. Items correlate through their team (the item's team assignment, else its
/// first person's team, else its project's owning team) and through each of their tags listed in
/// <see cref="ForecastSettings.Correlate"/>. Open and mitigating risks with a schedule impact are events: when one occurs, its
/// impact is added to each linked item that no other linked item precedes (<see cref="RiskEntries"/>), and the links
/// carry it on; occurred risks are taken to be in the plan already, closed ones are gone.
/// When the plan has capacity data (teams and people that <see cref="ProgramLeveler"/> levels against), the
/// deterministic dates are the leveled plan's and every iteration is leveled too (<see cref="CapacityPass"/>);
/// <see cref="ProgramForecastOptions.Unleveled"/> asks for the pure critical-path view instead.
/// </remarks>
public static class ProgramForecaster
{
    private static readonly double[] Quantiles = [0.10, 0.50, 0.80, 0.90, 0.95];

    public static ProgramForecast Forecast(Program program, ProgramForecastOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        options ??= ProgramForecastOptions.Default;
        var built = ProgramNetwork.Build(program);
        var network = built.Network;
        var items = program.WorkItems;
        var itemOf = built.ItemOf;
        WorkItem ItemOf(int task) => items[itemOf[task]];
        bool Reported(int task) => built.Index[ItemOf(task).Id] == itemOf[task];   // the first of two items with one id
        int TaskOf(WorkItemId id) => built.Index.TryGetValue(id, out var i) ? built.TaskOf[i] : -1;

        var settings = program.Forecast;
        var builder = new ForecastModelBuilder(network)
        {
            Correlation = options.Correlation ?? settings.Correlation ?? ProgramForecastOptions.DefaultCorrelation,
            Capacity = options.Unleveled ? null : CapacityPass.Create(ProgramLeveler.Level(program), built),
        };
        var teamsById = new Dictionary<TeamId, Team>();
        foreach (var team in program.Teams)
        {
            teamsById.TryAdd(team.Id, team);
        }

        var driverGroups = new Dictionary<string, int>(StringComparer.Ordinal);   // "team:<id>" or "tag:<tag>" to its group
        var correlated = new HashSet<string>(settings.Correlate, StringComparer.Ordinal);
        int GroupOf(string driver)
        {
            if (!driverGroups.TryGetValue(driver, out var g))
            {
                g = driverGroups.Count;
                driverGroups[driver] = g;
            }

            return g;
        }

        var groups = new List<int>();
        var itemTasks = itemOf.Count;   // decision gates come after the items' tasks
        foreach (var gate in built.Gates)
        {
            var lag = gate.Lag;
            builder.SetDuration(gate.Task, options.Distribution ?? settings.Distribution ?? DurationDistribution.BetaPert, lag.Optimistic.Minutes, lag.MostLikely.Minutes, lag.Pessimistic.Minutes, []);
        }

        for (var t = 0; t < itemTasks; t++)
        {
            var item = ItemOf(t);
            var m = network.DurationOf(t);
            if (item.IsMilestone || network.IsSummary(t) || item.Status == WorkItemStatus.Done || item.Progress.ActualFinish is not null || m == 0)
            {
                continue;
            }

            var teamId = WorkItemTeam.Of(program, item);
            var team = teamId is { } id ? teamsById.GetValueOrDefault(id) : null;
            groups.Clear();
            if (teamId is { } tid)
            {
                groups.Add(GroupOf("team:" + tid.Value));
            }

            foreach (var tag in item.Tags)
            {
                if (correlated.Contains(tag))
                {
                    groups.Add(GroupOf("tag:" + tag));
                }
            }

            var distribution = options.Distribution ?? item.Distribution ?? team?.Distribution ?? settings.Distribution ?? DurationDistribution.BetaPert;
            if (item.Estimate is { IsThreePoint: true } e)
            {
                builder.SetDuration(t, distribution, e.Optimistic.Minutes, e.MostLikely.Minutes, e.Pessimistic.Minutes, groups);
            }
            else
            {
                var spread = SpreadOf(item, team, settings, options);
                builder.SetDuration(t, distribution, (long)Math.Round(m * spread.Optimistic), m, (long)Math.Round(m * spread.Pessimistic), groups);
            }
        }

        // Schedule risks first, so that their streams (by risk index) do not depend on the cost data; then the risks
        // that only cost money. Only amounts in the cost basis's currency add up.
        var basis = CostBasis(program);
        decimal CostOf(Risk risk) => risk.CostImpact is { Amount: > 0 } c && basis is { } b && c.Currency == b.Currency ? c.Amount : 0;
        var risks = new List<Risk>();
        var costRisks = new List<Risk>();
        foreach (var risk in program.Risks)
        {
            if (risk.Status is not (RiskStatus.Open or RiskStatus.Mitigating) || risk.Probability.Value <= 0)
            {
                continue;
            }

            var linked = risk.LinkedItems.Select(TaskOf).Where(t => t >= 0).ToList();
            if (risk.ScheduleImpact.Minutes > 0 && linked.Count > 0)
            {
                builder.AddRisk(risk.Probability.Value, risk.ScheduleImpact.Minutes, RiskEntries.Of(network, linked), (double)CostOf(risk));
                risks.Add(risk);
            }
            else if (CostOf(risk) > 0)
            {
                costRisks.Add(risk);
            }
        }

        foreach (var risk in costRisks)
        {
            builder.AddRisk(risk.Probability.Value, 0, [], (double)CostOf(risk));
        }

        var committed = Enumerable.Range(0, itemTasks)
            .Where(t => ItemOf(t).Committed is not null && Reported(t))
            .OrderBy(t => ItemOf(t).Committed)
            .ThenBy(t => t)
            .ToList();
        foreach (var t in committed)
        {
            builder.AddTarget(t);
        }

        var end = builder.AddTarget(-1);

        // A pinned commitment keeps its date in every iteration, so its own finish says nothing; it is forecast by the
        // item that drives it (its driving chain's last step before it), an extra target after the program end.
        var pinnedDrivers = new Dictionary<int, (int Target, WorkItemId Driver)>();
        if (committed.Any(t => PinOf(ItemOf(t)) is not null))
        {
            var schedule = ProgramScheduler.Schedule(program);
            foreach (var t in committed.Where(t => PinOf(ItemOf(t)) is not null))
            {
                var chain = DrivingChain.Into(program, schedule, ItemOf(t).Id);
                if (chain.Count >= 2 && TaskOf(chain[^2]) is var driver and >= 0)
                {
                    pinnedDrivers[t] = (builder.AddTarget(driver), chain[^2]);
                }
            }
        }

        var model = builder.Build();
        var work = (double)options.Iterations * (1 + (options.RankRisks ? risks.Count : 0));
        long done = 0;
        Action<int>? progress = options.Progress is { } report ? n => report(Interlocked.Add(ref done, n) / work) : null;
        var run = MonteCarlo.Run(model, new MonteCarloOptions
        {
            Iterations = options.Iterations,
            Seed = options.Seed,
            MaxDegreeOfParallelism = options.MaxDegreeOfParallelism,
            StopOnConvergence = options.StopOnConvergence,
            Progress = progress,
        });

        var milestones = new List<MilestoneForecast>();
        for (var k = 0; k <= end; k++)
        {
            var task = model.Targets[k];
            var milestone = Milestone(run, k, task >= 0 ? ItemOf(task) : null, program.Name);
            if (task >= 0 && pinnedDrivers.TryGetValue(task, out var pinned))
            {
                var driven = Milestone(run, pinned.Target, ItemOf(task), program.Name);
                milestone = milestone with { P10 = driven.P10, P50 = driven.P50, P80 = driven.P80, P90 = driven.P90, P95 = driven.P95, ProbabilityOnTime = driven.ProbabilityOnTime, DrivenBy = pinned.Driver };
            }

            milestones.Add(milestone);
        }

        var criticality = new List<ItemCriticality>();
        for (var t = 0; t < itemTasks; t++)
        {
            if (!network.IsSummary(t) && Reported(t))
            {
                criticality.Add(new ItemCriticality(ItemOf(t).Id, run.CriticalityIndex(end, t), run.SensitivityIndex(end, t)));
            }
        }

        var drivers = options.RankRisks ? RankRisks(program, model, run, end, options, risks, progress) : [];
        var predecessors = new int[network.TaskCount];
        foreach (var dependency in program.Dependencies)
        {
            var (from, to) = (TaskOf(dependency.Predecessor), TaskOf(dependency.Successor));
            if (from >= 0 && to >= 0)
            {
                predecessors[to]++;
            }
        }

        var plan = model.Schedule([.. Enumerable.Range(0, network.TaskCount).Select(network.DurationOf)]);
        var merges = Enumerable.Range(0, itemTasks)
            .Where(t => predecessors[t] >= 2 && !network.IsSummary(t) && Reported(t))
            .Select(t => new MergePoint(ItemOf(t).Id, predecessors[t], DateOnly.FromDateTime(plan.EarlyFinishDate(t)), run.ProbabilityByDeterministicDate(t)))
            .OrderBy(p => p.ProbabilityByDeterministic)
            .ThenBy(p => p.Id.Value, StringComparer.Ordinal)
            .ToList();

        var costed = risks.Concat(costRisks).Where(r => CostOf(r) > 0).Select(r => r.Id).ToList();
        return new ProgramForecast(
            run.Iterations,
            run.Converged,
            milestones,
            [.. criticality.OrderByDescending(c => c.Index).ThenByDescending(c => Math.Abs(c.Sensitivity)).ThenBy(c => c.Id.Value, StringComparer.Ordinal)],
            drivers,
            merges,
            built.Diagnostics)
        {
            Cost = basis is { } planned ? Cost(run, planned, costed) : null,
            Leveled = model.CapacityAware,
        };
    }

    /// <summary>
    /// The planned cost the risk costs add to: the sum of the budget lines' planned amounts (the one planned total, as
    /// earned value and the report count it; a project <c>budget:</c> that disagrees is warned about, TL2011), else of
    /// the projects' budgets, else (when some risk has a cost impact) zero in that risk's currency; only amounts in the
    /// first amount's currency are added. Null when the plan has no cost data at all.
    /// </summary>
    internal static Money? CostBasis(Program program)
    {
        List<Money> amounts = [.. program.Budget.Select(line => line.Planned)];
        if (amounts.Count == 0)
        {
            amounts = [.. program.Projects.Where(p => p.Budget is not null).Select(p => p.Budget!.Value)];
        }

        if (amounts.Count > 0)
        {
            var currency = amounts[0].Currency;
            return new Money(amounts.Where(a => a.Currency == currency).Sum(a => a.Amount), currency);
        }

        var risk = program.Risks.FirstOrDefault(r => r.CostImpact is { Amount: > 0 });
        return risk?.CostImpact is { } first ? Money.Zero(first.Currency) : null;
    }

    private static CostForecast Cost(MonteCarloResult run, Money planned, IReadOnlyList<RiskId> risks)
    {
        decimal At(double q) => planned.Amount + (decimal)run.CostPercentile(q);
        var costs = run.Costs;
        var sum = 0.0;
        var none = 0;
        foreach (var c in costs)
        {
            sum += c;
            none += c <= 0 ? 1 : 0;
        }

        var expected = costs.Length == 0 ? planned.Amount : planned.Amount + (decimal)(sum / costs.Length);
        var within = costs.Length == 0 ? 1 : none / (double)costs.Length;
        return new CostForecast(planned.Currency, planned.Amount, expected, At(0.10), At(0.50), At(0.80), At(0.90), At(0.95), within, risks);
    }

    /// <summary>The spread of a single-value estimate: its first tag with a category, its team's, the program's, the options' default.</summary>
    internal static Uncertainty SpreadOf(WorkItem item, Team? team, ForecastSettings settings, ProgramForecastOptions options)
    {
        foreach (var tag in item.Tags)
        {
            if (settings.Categories.TryGetValue(tag, out var category))
            {
                return category;
            }
        }

        return team?.Uncertainty ?? settings.Uncertainty ?? options.DefaultUncertainty;
    }

    private static MilestoneForecast Milestone(MonteCarloResult run, int target, WorkItem? item, string programName)
    {
        DateOnly Day(long value) => DateOnly.FromDateTime(run.FinishDate(value));
        var p = Quantiles.Select(q => Day(run.Percentile(target, q))).ToArray();
        var deterministic = Day(run.DeterministicFinish(target));
        var finishes = run.Finishes(target);
        var histogram = new List<HistogramBin>();
        var count = 0;
        for (var i = 0; i < finishes.Length; i++)
        {
            var day = Day(finishes[i]);
            count++;
            if (i + 1 == finishes.Length || Day(finishes[i + 1]) != day)
            {
                histogram.Add(new HistogramBin(day, count, (i + 1) / (double)finishes.Length));
                count = 0;
            }
        }

        double? onTime = item?.Committed is { } committed ? Share(histogram, committed) : null;
        var pinned = item is null ? null : PinOf(item);
        return new MilestoneForecast(item?.Id, item?.Name ?? programName, deterministic, item?.Committed, p[0], p[1], p[2], p[3], p[4], onTime, Share(histogram, deterministic), histogram)
        {
            PinnedBy = pinned,
        };
    }

    /// <summary>The hard constraint that pins an item's date in every iteration (must start or finish on, start or finish no later than), or null.</summary>
    private static ConstraintType? PinOf(WorkItem item) =>
        item.Constraint.Type is ConstraintType.MustStartOn or ConstraintType.MustFinishOn or ConstraintType.StartNoLaterThan or ConstraintType.FinishNoLaterThan
            ? item.Constraint.Type
            : null;

    /// <summary>The share of iterations finished by the end of <paramref name="day"/>, read off the S-curve.</summary>
    private static double Share(List<HistogramBin> histogram, DateOnly day)
    {
        var share = 0.0;
        foreach (var bin in histogram)
        {
            if (bin.Date > day)
            {
                break;
            }

            share = bin.Cumulative;
        }

        return share;
    }

    /// <summary>
    /// Each risk's effect on the program end's P80: the same run (same seed, so the same draws for everything else)
    /// without that risk. Durations only shrink without it, so the difference is never negative.
    /// </summary>
    private static List<RiskDriver> RankRisks(Program program, ForecastModel model, MonteCarloResult run, int end, ProgramForecastOptions options, List<Risk> risks, Action<int>? progress)
    {
        var minutesPerDay = (double)program.Units.MinutesPerDay;
        var targets = end + 1;   // the milestones; a pinned commitment's driver targets come after the program end
        var p80 = Enumerable.Range(0, targets).Select(k => run.WorkingPosition(run.Percentile(k, 0.8))).ToArray();
        var drivers = new List<RiskDriver>();
        for (var r = 0; r < risks.Count; r++)
        {
            var without = MonteCarlo.Run(model, new MonteCarloOptions
            {
                Iterations = run.Iterations,
                Seed = options.Seed,
                MaxDegreeOfParallelism = options.MaxDegreeOfParallelism,
                Statistics = false,
                DisabledRisks = new HashSet<int> { r },
                Progress = progress,
            });
            var days = Enumerable.Range(0, targets).Select(k => (p80[k] - without.WorkingPosition(without.Percentile(k, 0.8))) / minutesPerDay).ToArray();
            drivers.Add(new RiskDriver(risks[r].Id, risks[r].Title, risks[r].Probability.Value, days[end], run.RiskOccurrence(r)) { DaysAtP80ByMilestone = days });
        }

        return [.. drivers.OrderByDescending(d => d.DaysAtP80).ThenBy(d => d.Id.Value, StringComparer.Ordinal)];
    }
}
