namespace Throughline.Domain;

/// <summary>The outcome a product metric measures.</summary>
public enum ProductMetricKind
{
    Adoption,
    Retention,
    Revenue,
    Engagement,
    Satisfaction,
    Other,
}

/// <summary>
/// A product outcome (adoption, retention, revenue...) tracked against a target, per product, and linked to the
/// <see cref="Projects"/> expected to move it. Key results measure the program's objectives; product metrics measure
/// what customers do, and outlive the program.
/// </summary>
public sealed record ProductMetric(MetricId Id, string Name, ProductMetricKind Kind, double Baseline, double Target)
{
    /// <summary>The product measured (free text: "Dispatch app", "Billing portal").</summary>
    public string? Product { get; init; }

    public string? Unit { get; init; }

    public double? Current { get; init; }

    /// <summary>When the target should be reached.</summary>
    public DateOnly? TargetDate { get; init; }

    public PersonId? Owner { get; init; }

    public IReadOnlyList<MetricReading> History { get; init; } = [];

    public IReadOnlyList<ProjectId> Projects { get; init; } = [];

    /// <summary>Share of the way from baseline to target, 0 when no current value is known; may pass 1.</summary>
    public double ProgressFraction =>
        Current is not { } current || Target == Baseline ? 0 : (current - Baseline) / (Target - Baseline);

    public MetricTrend Trend => MetricTrends.Of(Baseline, Target, History, Current);
}
