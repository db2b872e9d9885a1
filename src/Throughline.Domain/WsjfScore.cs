namespace Throughline.Domain;

/// <summary>
/// Weighted shortest job first (as SAFe defines it): cost of delay, the sum of <see cref="BusinessValue"/>,
/// <see cref="TimeCriticality"/> and <see cref="RiskReduction"/> (risk reduction or opportunity enablement), divided
/// by <see cref="JobSize"/>. All four are relative points, usually on the modified Fibonacci scale 1, 2, 3, 5, 8, 13, 20.
/// </summary>
public sealed record WsjfScore
{
    public WsjfScore(double businessValue, double timeCriticality, double riskReduction, double jobSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(businessValue);
        ArgumentOutOfRangeException.ThrowIfNegative(timeCriticality);
        ArgumentOutOfRangeException.ThrowIfNegative(riskReduction);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(jobSize);
        BusinessValue = businessValue;
        TimeCriticality = timeCriticality;
        RiskReduction = riskReduction;
        JobSize = jobSize;
    }

    public double BusinessValue { get; }

    public double TimeCriticality { get; }

    public double RiskReduction { get; }

    public double JobSize { get; }

    public double CostOfDelay => BusinessValue + TimeCriticality + RiskReduction;

    public double Score => CostOfDelay / JobSize;
}
