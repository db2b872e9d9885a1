namespace Throughline.Domain.Budget;

/// <summary>
/// The cost picture of a project, or of the program, as of a status date: earned value over the work lines
/// (<see cref="Work"/>, null when there are none) and the run costs beside it (<see cref="Run"/>, null when there are
/// none), with the totals an executive compares: the whole budget and the whole forecast at completion.
/// </summary>
public sealed record CostOutlook(string Currency, DateOnly StatusDate, EarnedValue? Work, RunCost? Run)
{
    /// <summary>True when there is nothing to report: no budget line in the currency.</summary>
    public bool IsEmpty => Work is null && Run is null;

    /// <summary>The whole budget: BAC of the work plus the run-cost budget.</summary>
    public decimal Budget => (Work?.BudgetAtCompletion ?? 0) + (Run?.Budget ?? 0);

    /// <summary>Spent to date, work and run costs (accruals included).</summary>
    public decimal ActualCost => (Work?.ActualCost ?? 0) + (Run?.Actual ?? 0);

    /// <summary>
    /// The whole forecast at completion: EAC of the work (BAC / CPI) plus the run costs' forecast (actual + the plan for
    /// the rest). Null when the work's EAC is unknown (work earned nothing yet money was spent on it).
    /// </summary>
    public decimal? ForecastAtCompletion => Work is null
        ? Run?.ForecastAtCompletion ?? 0
        : Work.EstimateAtCompletion is { } eac ? eac + (Run?.ForecastAtCompletion ?? 0) : null;

    /// <summary>Budget − forecast at completion: negative is the expected overrun.</summary>
    public decimal? VarianceAtCompletion => Budget - ForecastAtCompletion;

    /// <summary>
    /// Splits <paramref name="lines"/> by <paramref name="settings"/> and computes both halves; lines in another currency
    /// than <paramref name="currency"/> are left out.
    /// </summary>
    public static CostOutlook Compute(string currency, IReadOnlyCollection<BudgetLine> lines, IReadOnlyCollection<WorkProgress> work, EarnedValueSettings settings, DateOnly statusDate)
    {
        ArgumentNullException.ThrowIfNull(currency);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(settings);
        var used = lines.Where(l => l.Planned.Currency == currency).ToList();
        var workLines = used.Where(settings.IsWork).ToList();
        var runLines = used.Where(l => !settings.IsWork(l)).ToList();
        return new CostOutlook(
            currency,
            statusDate,
            workLines.Count == 0 ? null : EarnedValueCalculator.Compute(currency, workLines, work, statusDate),
            runLines.Count == 0 ? null : EarnedValueCalculator.RunCosts(currency, runLines, statusDate));
    }

    /// <summary>The sum of several (projects of one program): each half rolls up on its own.</summary>
    public static CostOutlook RollUp(string currency, DateOnly statusDate, IEnumerable<CostOutlook> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var list = parts.ToList();
        var work = list.Where(p => p.Work is not null).Select(p => p.Work!).ToList();
        var run = list.Where(p => p.Run is not null).Select(p => p.Run!).ToList();
        return new CostOutlook(
            currency,
            statusDate,
            work.Count == 0 ? null : EarnedValue.RollUp(currency, statusDate, work),
            run.Count == 0 ? null : RunCost.RollUp(currency, statusDate, run));
    }
}
