namespace Throughline.Domain.Budget;

/// <summary>
/// The run costs of a project, or of the program summed, as of a status date (its whole day included), in one currency:
/// the budget lines outside <see cref="EarnedValueSettings.WorkCategories"/>, which are spent by the calendar (hosting,
/// licences) rather than earned by the work. No performance index applies to them: the forecast at completion is the
/// actual to date plus the plan for the rest.
/// </summary>
/// <param name="Budget">The sum of the lines' planned amounts.</param>
/// <param name="PlannedToDate">The plan spread evenly over each line's days, up to the status date (as PV is).</param>
/// <param name="Actual">The lines' actuals, with the same accrual as <see cref="EarnedValue.ActualCost"/>.</param>
public sealed record RunCost(string Currency, DateOnly StatusDate, decimal Budget, decimal PlannedToDate, decimal Actual)
{
    /// <summary>The part of <see cref="Actual"/> taken at plan for begun periods without a reported actual.</summary>
    public decimal AccruedCost { get; init; }

    /// <summary>The plan still to be spent after the status date: <see cref="Budget"/> − <see cref="PlannedToDate"/>.</summary>
    public decimal PlannedRemaining => Budget - PlannedToDate;

    /// <summary>Forecast at completion = actual to date + the plan for the rest.</summary>
    public decimal ForecastAtCompletion => Actual + PlannedRemaining;

    /// <summary>Budget − forecast at completion: negative is the expected overrun (what has been overspent so far).</summary>
    public decimal VarianceAtCompletion => Budget - ForecastAtCompletion;

    /// <summary>The sum of several (projects of one program).</summary>
    public static RunCost RollUp(string currency, DateOnly statusDate, IEnumerable<RunCost> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var list = parts.ToList();
        if (list.Any(p => p.Currency != currency))
        {
            throw new ArgumentException($"Every part must be in {currency}.", nameof(parts));
        }

        return new RunCost(currency, statusDate, list.Sum(p => p.Budget), list.Sum(p => p.PlannedToDate), list.Sum(p => p.Actual))
        {
            AccruedCost = list.Sum(p => p.AccruedCost),
        };
    }
}
