namespace Throughline.Domain;

/// <summary>
/// RICE prioritisation inputs: <see cref="Reach"/> (people or events per period, e.g. customers a quarter),
/// <see cref="Impact"/> per person (the usual scale is 0.25 minimal, 0.5 low, 1 medium, 2 high, 3 massive),
/// <see cref="Confidence"/> in percent, and <see cref="Effort"/> in person-months. Score = R x I x C / E.
/// </summary>
public sealed record RiceScore
{
    public RiceScore(double reach, double impact, double confidence, double? effort = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(reach);
        ArgumentOutOfRangeException.ThrowIfNegative(impact);
        ArgumentOutOfRangeException.ThrowIfNegative(confidence);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(confidence, 100);
        if (effort is { } e)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(e);
        }

        Reach = reach;
        Impact = impact;
        Confidence = confidence;
        Effort = effort;
    }

    public double Reach { get; }

    public double Impact { get; }

    /// <summary>Confidence in the estimates, 0 to 100.</summary>
    public double Confidence { get; }

    /// <summary>Person-months; when null, the item's effort (or estimate) is used, in months of the program's units.</summary>
    public double? Effort { get; }

    /// <summary>The score with a given effort in person-months (the stated <see cref="Effort"/> or one worked out from the item).</summary>
    public double Score(double effortMonths)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(effortMonths);
        return Reach * Impact * (Confidence / 100) / effortMonths;
    }
}
