namespace Throughline.Domain.Risks;

/// <summary>
/// A risk's expected cost: probability times its schedule impact (working time) and times its cost impact (null
/// without one). Only open and mitigating risks are exposures: an occurred risk is already in the plan, a closed one
/// is gone.
/// </summary>
public sealed record RiskExposure(RiskId Risk, WorkDuration Schedule, Money? Cost)
{
    public static RiskExposure Of(Risk risk)
    {
        ArgumentNullException.ThrowIfNull(risk);
        return new RiskExposure(risk.Id, risk.ScheduleImpact * risk.Probability.Value, risk.CostImpact is { } cost ? cost * (decimal)risk.Probability.Value : null);
    }

    /// <summary>Whether the risk still threatens the plan (open or mitigating).</summary>
    public static bool IsLive(Risk risk)
    {
        ArgumentNullException.ThrowIfNull(risk);
        return risk.Status is RiskStatus.Open or RiskStatus.Mitigating;
    }

    public double ScheduleDays(WorkTimeUnits units)
    {
        ArgumentNullException.ThrowIfNull(units);
        return Schedule.Days(units);
    }
}
