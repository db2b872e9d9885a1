namespace Throughline.Scheduling.Forecasting;

/// <summary>
/// How a three-point estimate (optimistic <c>a</c>, most likely <c>c</c>, pessimistic <c>b</c>) becomes a
/// distribution of durations. All three keep <c>a</c> as a hard minimum.
/// </summary>
public enum DurationDistribution
{
    /// <summary>Triangular on [a, b] with its mode at c: mean (a + b + c) / 3. Heavier tails than PERT.</summary>
    Triangular,

    /// <summary>
    /// Beta-PERT on [a, b] with its mode at c (shape α = 1 + 4(c − a)/(b − a), β = 1 + 4(b − c)/(b − a)):
    /// mean (a + 4c + b) / 6, the classic PERT mean.
    /// </summary>
    BetaPert,

    /// <summary>
    /// A lognormal shifted to start at a, with its mode at c and b as its 95th percentile: unlike the other two it has
    /// no upper bound, for work whose overruns are open-ended. A mode at the minimum is moved to 5% of the range.
    /// </summary>
    LogNormal,
}
