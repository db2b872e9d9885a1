namespace Throughline.Domain.Budget;

/// <summary>
/// Computes <see cref="EarnedValue"/> from budget lines and work progress, the <see cref="RunCost"/> of lines that do
/// not follow the work, and the burn chart that goes with them.
/// </summary>
/// <remarks>
/// BAC is the sum of the lines' planned amounts (the time-phased budget). PV spreads each line evenly over the days
/// of its period, so a month half gone has earned half its plan. EV is BAC times the work-weighted percent complete.
/// AC is the lines' actuals, plus, for a line whose period has begun and that has no actual yet, its planned value so
/// far (<see cref="EarnedValue.AccruedCost"/>). Lines in another currency than the one asked for are left out: money
/// in two currencies never adds silently.
/// </remarks>
public static class EarnedValueCalculator
{
    public static EarnedValue Compute(string currency, IReadOnlyCollection<BudgetLine> lines, IReadOnlyCollection<WorkProgress> work, DateOnly statusDate)
    {
        ArgumentNullException.ThrowIfNull(currency);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(work);
        var used = lines.Where(l => l.Planned.Currency == currency).ToList();
        var bac = used.Sum(l => l.Planned.Amount);
        var totalWeight = work.Sum(w => w.Weight);
        var done = totalWeight <= 0 ? 0 : work.Sum(w => w.Weight * Math.Clamp(w.PercentComplete, 0, 100) / 100) / totalWeight;
        var (actual, accrued) = ActualCostAt(used, statusDate);
        var reported = used.Where(l => l.Actual is not null && l.Period.From <= statusDate).Select(l => (DateOnly?)l.Period.To).Max();
        return new EarnedValue(currency, statusDate, bac, PlannedValueAt(used, statusDate), bac * (decimal)done, actual)
        {
            AccruedCost = accrued,
            ActualsThrough = reported,
        };
    }

    /// <summary>
    /// The run costs of <paramref name="lines"/> (the caller chooses which lines are run costs, see
    /// <see cref="EarnedValueSettings"/>): their budget, plan to date and actual with the same accrual as AC.
    /// </summary>
    public static RunCost RunCosts(string currency, IReadOnlyCollection<BudgetLine> lines, DateOnly statusDate)
    {
        ArgumentNullException.ThrowIfNull(currency);
        ArgumentNullException.ThrowIfNull(lines);
        var used = lines.Where(l => l.Planned.Currency == currency).ToList();
        var (actual, accrued) = ActualCostAt(used, statusDate);
        return new RunCost(currency, statusDate, used.Sum(l => l.Planned.Amount), PlannedValueAt(used, statusDate), actual) { AccruedCost = accrued };
    }

    /// <summary>Budget scheduled to be spent by the end of <paramref name="date"/>.</summary>
    public static decimal PlannedValueAt(IEnumerable<BudgetLine> lines, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return lines.Sum(l => l.Planned.Amount * ElapsedShare(l.Period, date));
    }

    /// <summary>
    /// The burn chart of <paramref name="value"/>: a point at the start of the first period, at the end of every period,
    /// at the status date and at <paramref name="forecastFinish"/> (when later than the status date), in date order.
    /// </summary>
    public static IReadOnlyList<BurnPoint> Burn(IReadOnlyCollection<BudgetLine> lines, EarnedValue value, DateOnly? forecastFinish)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Burn(lines, value.Currency, value.StatusDate, value.ActualCost, value.EstimateAtCompletion, forecastFinish);
    }

    /// <summary>
    /// The burn chart of a whole <paramref name="cost"/> picture, work and run costs together: planned and actual over
    /// every line, and the forecast from the actual at the status date to <see cref="CostOutlook.ForecastAtCompletion"/>.
    /// Without run costs it is the chart of <see cref="CostOutlook.Work"/>.
    /// </summary>
    public static IReadOnlyList<BurnPoint> Burn(IReadOnlyCollection<BudgetLine> lines, CostOutlook cost, DateOnly? forecastFinish)
    {
        ArgumentNullException.ThrowIfNull(cost);
        return Burn(lines, cost.Currency, cost.StatusDate, cost.ActualCost, cost.ForecastAtCompletion, forecastFinish);
    }

    private static IReadOnlyList<BurnPoint> Burn(IReadOnlyCollection<BudgetLine> lines, string currency, DateOnly status, decimal actualAtStatus, decimal? atCompletion, DateOnly? forecastFinish)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var used = lines.Where(l => l.Planned.Currency == currency).ToList();
        if (used.Count == 0)
        {
            return [];
        }

        var finish = forecastFinish is { } f && f > status ? f : (DateOnly?)null;
        var dates = new SortedSet<DateOnly> { used.Min(l => l.Period.From).AddDays(-1), status };
        dates.UnionWith(used.Select(l => l.Period.To));
        if (finish is { } end)
        {
            dates.Add(end);
        }

        var points = new List<BurnPoint>();
        foreach (var date in dates)
        {
            decimal? actual = date <= status ? ActualCostAt(used, date).Total : null;
            decimal? forecast = null;
            if (date >= status && atCompletion is { } eac)
            {
                forecast = finish is { } end2 && date < end2
                    ? actualAtStatus + ((eac - actualAtStatus) * (date.DayNumber - status.DayNumber) / (end2.DayNumber - status.DayNumber))
                    : date == status ? actualAtStatus : eac;
            }

            points.Add(new BurnPoint(date, PlannedValueAt(used, date), actual, forecast));
        }

        return points;
    }

    private static (decimal Total, decimal Accrued) ActualCostAt(IEnumerable<BudgetLine> lines, DateOnly date)
    {
        decimal total = 0, accrued = 0;
        foreach (var line in lines)
        {
            if (line.Period.From > date)
            {
                continue;
            }

            if (line.Actual is { } actual && actual.Currency == line.Planned.Currency)
            {
                // A reported actual counts once its period has begun; before its period ends it is the spend so far.
                total += actual.Amount;
            }
            else
            {
                var atPlan = line.Planned.Amount * ElapsedShare(line.Period, date);
                total += atPlan;
                accrued += atPlan;
            }
        }

        return (total, accrued);
    }

    /// <summary>The share of <paramref name="period"/>'s days on or before <paramref name="date"/>, 0 to 1.</summary>
    private static decimal ElapsedShare(DateRange period, DateOnly date)
    {
        var elapsed = Math.Clamp(date.DayNumber - period.From.DayNumber + 1, 0, period.Days);
        return elapsed / (decimal)period.Days;
    }
}
