namespace Throughline.Domain.Budget;

/// <summary>
/// Earned value of a project, or of the program rolled up, as of a status date (its whole day included), in one
/// currency. The three measures are <see cref="PlannedValue"/> (PV: the budget scheduled to be spent by then),
/// <see cref="EarnedValueAmount"/> (EV: the budget of the work done) and <see cref="ActualCost"/> (AC: what was
/// spent); the rest derive from them and <see cref="BudgetAtCompletion"/> (BAC) with the standard formulas.
/// Ratios are null where their denominator is zero.
/// </summary>
public sealed record EarnedValue(string Currency, DateOnly StatusDate, decimal BudgetAtCompletion, decimal PlannedValue, decimal EarnedValueAmount, decimal ActualCost)
{
    /// <summary>
    /// The part of <see cref="ActualCost"/> not yet reported: budget lines whose period has begun but has no actual
    /// are taken to spend at plan (their planned value so far), so that work earned this month is not set against
    /// last month's costs.
    /// </summary>
    public decimal AccruedCost { get; init; }

    /// <summary>The last day of the latest budget period with a reported actual, or null when none has one.</summary>
    public DateOnly? ActualsThrough { get; init; }

    /// <summary>SV = EV − PV: negative is behind plan, in money.</summary>
    public decimal ScheduleVariance => EarnedValueAmount - PlannedValue;

    /// <summary>CV = EV − AC: negative is over cost.</summary>
    public decimal CostVariance => EarnedValueAmount - ActualCost;

    /// <summary>SPI = EV / PV: below 1 is behind plan.</summary>
    public double? SchedulePerformanceIndex => PlannedValue == 0 ? null : (double)(EarnedValueAmount / PlannedValue);

    /// <summary>CPI = EV / AC: below 1 is over cost.</summary>
    public double? CostPerformanceIndex => ActualCost == 0 ? null : (double)(EarnedValueAmount / ActualCost);

    /// <summary>EAC = BAC / CPI: the cost at completion if the rest of the work performs as the work so far.</summary>
    public decimal? EstimateAtCompletion => EarnedValueAmount == 0 ? (ActualCost == 0 ? BudgetAtCompletion : null) : BudgetAtCompletion * ActualCost / EarnedValueAmount;

    /// <summary>ETC = EAC − AC: what remains to be spent.</summary>
    public decimal? EstimateToComplete => EstimateAtCompletion - ActualCost;

    /// <summary>VAC = BAC − EAC: negative is the expected overrun.</summary>
    public decimal? VarianceAtCompletion => BudgetAtCompletion - EstimateAtCompletion;

    /// <summary>TCPI = (BAC − EV) / (BAC − AC): the cost efficiency the remaining work needs to finish on budget.</summary>
    public double? ToCompletePerformanceIndex => BudgetAtCompletion == ActualCost ? null : (double)((BudgetAtCompletion - EarnedValueAmount) / (BudgetAtCompletion - ActualCost));

    /// <summary>EV / BAC: the share of the budgeted work done.</summary>
    public double PercentComplete => BudgetAtCompletion == 0 ? 0 : (double)(EarnedValueAmount / BudgetAtCompletion);

    /// <summary>The sum of several (projects of one program): every measure adds; ratios follow from the sums.</summary>
    public static EarnedValue RollUp(string currency, DateOnly statusDate, IEnumerable<EarnedValue> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var list = parts.ToList();
        if (list.Any(p => p.Currency != currency))
        {
            throw new ArgumentException($"Every part must be in {currency}.", nameof(parts));
        }

        return new EarnedValue(currency, statusDate, list.Sum(p => p.BudgetAtCompletion), list.Sum(p => p.PlannedValue), list.Sum(p => p.EarnedValueAmount), list.Sum(p => p.ActualCost))
        {
            AccruedCost = list.Sum(p => p.AccruedCost),
            ActualsThrough = list.Max(p => p.ActualsThrough),
        };
    }
}
