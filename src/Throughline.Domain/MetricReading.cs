namespace Throughline.Domain;

/// <summary>One dated value of a metric: the history behind a key result or a product metric.</summary>
public sealed record MetricReading(DateOnly Date, double Value);

/// <summary>Which way a metric is moving, judged against the direction from its baseline to its target.</summary>
public enum MetricTrend
{
    /// <summary>Fewer than two values to compare.</summary>
    Unknown,
    Improving,
    Flat,
    Worsening,
}

/// <summary>The trend rule shared by key results and product metrics.</summary>
public static class MetricTrends
{
    /// <summary>
    /// Compares the latest value with the one before it: the history in date order, then <paramref name="current"/>
    /// when it differs from the last reading. With a single value, it is compared with the baseline. A move towards the
    /// target is improving whichever way the target lies (a cost target below the baseline improves as cost falls).
    /// </summary>
    public static MetricTrend Of(double baseline, double target, IReadOnlyList<MetricReading> history, double? current)
    {
        ArgumentNullException.ThrowIfNull(history);
        var values = history.OrderBy(r => r.Date).Select(r => r.Value).ToList();
        if (current is { } c && (values.Count == 0 || values[^1] != c))
        {
            values.Add(c);
        }

        if (values.Count == 0)
        {
            return MetricTrend.Unknown;
        }

        var previous = values.Count >= 2 ? values[^2] : baseline;
        var delta = values[^1] - previous;
        if (Math.Abs(delta) < 1e-9 || target == baseline)
        {
            return values.Count >= 2 || values[^1] != baseline ? MetricTrend.Flat : MetricTrend.Unknown;
        }

        return Math.Sign(delta) == Math.Sign(target - baseline) ? MetricTrend.Improving : MetricTrend.Worsening;
    }
}
