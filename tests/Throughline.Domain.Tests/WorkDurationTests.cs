namespace Throughline.Domain.Tests;

public class WorkDurationTests
{
    [Theory]
    [InlineData(0, "0d")]
    [InlineData(480, "1d")]
    [InlineData(2400, "5d")]
    [InlineData(4800, "2w")]
    [InlineData(240, "4h")]
    [InlineData(90, "90m")]
    [InlineData(-960, "-2d")]
    public void Formats_in_the_largest_unit_that_divides_it(long minutes, string expected) =>
        new WorkDuration(minutes).Format(WorkTimeUnits.Standard).ShouldBe(expected);

    [Fact]
    public void Days_follow_the_programs_units() =>
        new WorkDuration(900).Days(new WorkTimeUnits(450, 2250)).ShouldBe(2);
}

public class EstimateTests
{
    [Fact]
    public void Points_out_of_order_are_refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new Estimate(new WorkDuration(10), new WorkDuration(5), new WorkDuration(20)));

    [Fact]
    public void Pert_mean_weights_the_most_likely_four_times() =>
        new Estimate(new WorkDuration(60), new WorkDuration(120), new WorkDuration(300)).PertMean.ShouldBe(new WorkDuration(140));
}

public class MoneyTests
{
    [Fact]
    public void Amounts_in_different_currencies_do_not_add() =>
        Should.Throw<InvalidOperationException>(() => new Money(1, "EUR") + new Money(1, "USD"));

    [Fact]
    public void Amounts_in_one_currency_add() =>
        (new Money(1.5m, "EUR") + new Money(2, "EUR")).ShouldBe(new Money(3.5m, "EUR"));
}
