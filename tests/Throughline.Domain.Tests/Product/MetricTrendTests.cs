namespace Throughline.Domain.Tests.Product;

public class MetricTrendTests
{
    private static readonly DateOnly Jan = new(2027, 1, 29);
    private static readonly DateOnly Feb = new(2027, 2, 26);

    [Theory]
    [InlineData(0, 46, 1, 3, MetricTrend.Improving)]        // rising towards a higher target
    [InlineData(410, 305, 421, 428, MetricTrend.Worsening)] // cost rising away from a lower target
    [InlineData(94, 45, 86, 81, MetricTrend.Improving)]     // time to restore falling towards a lower target
    [InlineData(22, 0, 22, 22, MetricTrend.Flat)]
    public void The_trend_compares_the_latest_value_with_the_one_before_in_the_direction_of_the_target(double baseline, double target, double february, double current, MetricTrend expected)
    {
        var kr = new KeyResult("m", baseline, target) { History = [new MetricReading(Jan, baseline), new MetricReading(Feb, february)], Current = current };

        kr.Trend.ShouldBe(expected);
    }

    [Fact]
    public void A_single_value_is_compared_with_the_baseline_and_none_gives_no_trend()
    {
        new KeyResult("m", 10, 20) { Current = 12 }.Trend.ShouldBe(MetricTrend.Improving);
        new KeyResult("m", 10, 20).Trend.ShouldBe(MetricTrend.Unknown);
    }

    [Fact]
    public void History_is_read_in_date_order_whatever_order_it_was_written_in()
    {
        var metric = new ProductMetric(new MetricId("m"), "M", ProductMetricKind.Retention, 90, 95)
        {
            History = [new MetricReading(Feb, 92), new MetricReading(Jan, 93)],
        };

        metric.Trend.ShouldBe(MetricTrend.Worsening);
    }
}
