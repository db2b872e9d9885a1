namespace Throughline.Domain;

/// <summary>
/// How a three-point estimate (optimistic <c>a</c>, most likely <c>c</c>, pessimistic <c>b</c>) becomes a
/// distribution of durations when forecasting. All three keep <c>a</c> as a hard minimum. Written in a plan as
/// <c>triangular</c>, <c>pert</c> or <c>lognormal</c>.
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

/// <summary>
/// A three-point spread for a single-value estimate m: optimistic m × <see cref="Optimistic"/>, pessimistic
/// m × <see cref="Pessimistic"/> (in a plan, <c>{ optimistic: 90%, pessimistic: 150% }</c>). The default (0.9, 1.5)
/// is the usual right skew of software estimates.
/// </summary>
public sealed record Uncertainty
{
    public static readonly Uncertainty Default = new(0.9, 1.5);

    public Uncertainty(double optimistic, double pessimistic)
    {
        if (double.IsNaN(optimistic) || double.IsNaN(pessimistic) || optimistic < 0 || optimistic > 1 || pessimistic < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(optimistic), "Needs 0 <= optimistic <= 1 <= pessimistic.");
        }

        Optimistic = optimistic;
        Pessimistic = pessimistic;
    }

    /// <summary>The optimistic duration as a factor of the estimate, 0 to 1.</summary>
    public double Optimistic { get; }

    /// <summary>The pessimistic duration as a factor of the estimate, 1 or more.</summary>
    public double Pessimistic { get; }
}

/// <summary>
/// A program's forecasting defaults (the plan's <c>forecast:</c> section). Every value is optional: what is not set
/// falls back to the forecaster's built-in default. Precedence for an item's distribution: the item's, its team's,
/// <see cref="Distribution"/>, then Beta-PERT. For the spread of a single-value estimate: the first of the item's tags
/// with an entry in <see cref="Categories"/>, its team's <see cref="Team.Uncertainty"/>, <see cref="Uncertainty"/>,
/// then <see cref="Domain.Uncertainty.Default"/>.
/// </summary>
public sealed record ForecastSettings
{
    public static readonly ForecastSettings None = new();

    /// <summary>The distribution of items and teams that do not choose one.</summary>
    public DurationDistribution? Distribution { get; init; }

    /// <summary>The spread of single-value estimates that no category or team overrides.</summary>
    public Uncertainty? Uncertainty { get; init; }

    /// <summary>
    /// Correlation (0 to 1) between the durations of two items that share a driver: the same team, or a tag listed in
    /// <see cref="Correlate"/>. Unset means the forecaster's default, 0.3.
    /// </summary>
    public double? Correlation { get; init; }

    /// <summary>Spreads for single-value estimates by item category (a tag), overriding the team's and the program's.</summary>
    public IReadOnlyDictionary<string, Uncertainty> Categories { get; init; } = new Dictionary<string, Uncertainty>();

    /// <summary>Tags that are correlation drivers: the items carrying one move together, in addition to their team.</summary>
    public IReadOnlyList<string> Correlate { get; init; } = [];

    /// <summary>
    /// How long an overdue open decision is still expected to take from the status date (plan: <c>decision-lag</c>, a
    /// duration or a three-point estimate): the gate it puts before the work it blocks lasts this long, sampled in the
    /// forecast. Unset means <see cref="DefaultDecisionLag"/>.
    /// </summary>
    public Estimate? DecisionLag { get; init; }

    /// <summary>The decision lag when the plan sets none: 1, 5 and 15 working days of the program's units.</summary>
    public static Estimate DefaultDecisionLag(WorkTimeUnits units)
    {
        ArgumentNullException.ThrowIfNull(units);
        return new Estimate(new WorkDuration(units.MinutesPerDay), new WorkDuration(5L * units.MinutesPerDay), new WorkDuration(15L * units.MinutesPerDay));
    }

    /// <summary>True when nothing is set, so a writer can leave the section out.</summary>
    public bool IsEmpty => Distribution is null && Uncertainty is null && Correlation is null && Categories.Count == 0 && Correlate.Count == 0 && DecisionLag is null;
}
