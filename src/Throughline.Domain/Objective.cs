namespace Throughline.Domain;

/// <summary>A strategic objective of the program, measured by its key results.</summary>
public sealed record Objective(ObjectiveId Id, string Title)
{
    public string? Description { get; init; }

    public PersonId? Owner { get; init; }

    public IReadOnlyList<KeyResult> KeyResults { get; init; } = [];
}

/// <summary>
/// A measurable result: <see cref="Metric"/> moves from <see cref="Baseline"/> towards <see cref="Target"/>
/// (up or down); <see cref="Current"/> is the latest reading.
/// </summary>
public sealed record KeyResult(string Metric, double Baseline, double Target)
{
    public double? Current { get; init; }

    public string? Unit { get; init; }

    /// <summary>Earlier readings, oldest first; <see cref="Current"/> is the latest.</summary>
    public IReadOnlyList<MetricReading> History { get; init; } = [];

    /// <summary>Which way the metric moves, judged against the direction from baseline to target.</summary>
    public MetricTrend Trend => MetricTrends.Of(Baseline, Target, History, Current);

    /// <summary>Share of the way from baseline to target, 0 when no current value is known; may pass 1.</summary>
    public double ProgressFraction =>
        Current is not { } current || Target == Baseline ? 0 : (current - Baseline) / (Target - Baseline);
}
