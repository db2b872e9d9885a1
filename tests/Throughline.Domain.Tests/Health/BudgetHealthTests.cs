using Throughline.Domain.Budget;
using Throughline.Domain.Health;

namespace Throughline.Domain.Tests.Health;

public class BudgetHealthTests
{
    private static EarnedValue WithCpi(decimal earned, decimal spent) => new("USD", new DateOnly(2027, 3, 1), 1_000m, 500m, earned, spent);

    [Theory]
    [InlineData(100, 100, HealthColour.Green)]
    [InlineData(95, 100, HealthColour.Green)]
    [InlineData(94, 100, HealthColour.Amber)]
    [InlineData(90, 100, HealthColour.Amber)]
    [InlineData(89, 100, HealthColour.Red)]
    public void The_cost_performance_index_sets_the_colour(int earned, int spent, HealthColour expected)
    {
        BudgetHealth.Default.Assess(WithCpi(earned, spent)).Colour.ShouldBe(expected);
    }

    [Fact]
    public void The_reason_gives_the_index_and_the_forecast_overrun()
    {
        var verdict = BudgetHealth.Default.Assess(WithCpi(80, 100));

        verdict.Reasons.ShouldHaveSingleItem().Text.ShouldBe("CPI 0.80: 80 USD of work done for 100 USD spent, below the red line of 0.90. Forecast at completion 1,250 USD against a budget of 1,000 USD.");
    }

    [Fact]
    public void Thresholds_come_from_the_rule()
    {
        new BudgetHealth { AmberCpi = 1.1, RedCpi = 1.0 }.Assess(WithCpi(105, 100)).Colour.ShouldBe(HealthColour.Amber);
    }

    [Fact]
    public void No_budget_or_no_spend_is_not_assessed()
    {
        BudgetHealth.Default.Assess(null).Colour.ShouldBe(HealthColour.Unknown);
        BudgetHealth.Default.Assess(WithCpi(0, 0)).Colour.ShouldBe(HealthColour.Unknown);
    }
}
