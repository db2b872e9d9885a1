namespace Throughline.Domain.Budget;

/// <summary>
/// One date of a budget burn chart, cumulative from the first budget period: the planned spend (PV), the actual spend
/// (AC, up to the status date; null after) and the forecast spend (from AC at the status date to EAC at the forecast
/// finish; null before the status date or without an EAC).
/// </summary>
public sealed record BurnPoint(DateOnly Date, decimal Planned, decimal? Actual, decimal? Forecast);
