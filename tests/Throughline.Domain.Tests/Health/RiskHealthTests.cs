using Throughline.Domain;
using Throughline.Domain.Health;

namespace Throughline.Domain.Tests.Health;

public class RiskHealthTests
{
    private static readonly DateOnly Today = new(2027, 3, 15);

    private static Risk RiskOf(double probability, int impactDays, RiskStatus status = RiskStatus.Open) =>
        new(new RiskId("r"), "Vendor late", new Probability(probability)) { ScheduleImpact = new WorkDuration(impactDays * 480L), Status = status };

    [Theory]
    [InlineData(0.1, 10, HealthColour.Green)]
    [InlineData(0.2, 10, HealthColour.Amber)]
    [InlineData(0.4, 10, HealthColour.Amber)]
    [InlineData(0.5, 10, HealthColour.Red)]
    [InlineData(1.0, 8, HealthColour.Red)]
    public void Schedule_exposure_sets_the_colour(double probability, int impactDays, HealthColour expected)
    {
        RiskHealth.Default.Assess([RiskOf(probability, impactDays)], Today, WorkTimeUnits.Standard).Colour.ShouldBe(expected);
    }

    [Fact]
    public void Cost_exposure_counts_when_the_plan_sets_its_thresholds()
    {
        var risk = RiskOf(0.5, 0) with { CostImpact = new Money(100_000m, "USD") };

        RiskHealth.Default.Assess([risk], Today, WorkTimeUnits.Standard).Colour.ShouldBe(HealthColour.Green);
        new RiskHealth { AmberCostExposure = 20_000m, RedCostExposure = 60_000m }.Assess([risk], Today, WorkTimeUnits.Standard).Colour.ShouldBe(HealthColour.Amber);
    }

    [Fact]
    public void An_overdue_mitigation_is_amber()
    {
        var risk = RiskOf(0.1, 1) with { MitigationDue = Today.AddDays(-4) };

        var verdict = RiskHealth.Default.Assess([risk], Today, WorkTimeUnits.Standard);

        verdict.Colour.ShouldBe(HealthColour.Amber);
        verdict.Reasons.ShouldHaveSingleItem().Text.ShouldContain("mitigation 4 days overdue");
    }

    [Fact]
    public void Closed_and_occurred_risks_are_not_exposures()
    {
        RiskHealth.Default.Assess([RiskOf(0.9, 20, RiskStatus.Closed), RiskOf(1, 20, RiskStatus.Occurred)], Today, WorkTimeUnits.Standard).Colour.ShouldBe(HealthColour.Green);
    }

    [Fact]
    public void Exposure_is_in_the_program_units()
    {
        // 50% of 10 six-hour days is 5 days of six hours, red; in eight-hour days the same minutes are 3.75 days, amber.
        var risk = RiskOf(0.5, 0) with { ScheduleImpact = new WorkDuration(10 * 360) };

        RiskHealth.Default.Assess([risk], Today, new WorkTimeUnits(360, 1800)).Colour.ShouldBe(HealthColour.Red);
        RiskHealth.Default.Assess([risk], Today, WorkTimeUnits.Standard).Colour.ShouldBe(HealthColour.Amber);
    }
}
