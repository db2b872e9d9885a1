using Throughline.Domain;
using Throughline.Domain.Governance;
using Throughline.Domain.Risks;

namespace Throughline.Domain.Tests.Risks;

public class RiskEscalationPolicyTests
{
    private static readonly DateOnly StatusDate = new(2027, 3, 15);

    private static readonly EscalationLevel[] Path =
    [
        new(1, "Program TPM") { ResponseHours = 24 },
        new(2, "VP Engineering") { ResponseHours = 48 },
        new(3, "Steering committee") { ResponseHours = 120 },
    ];

    private static Risk RiskOf(double probability, int impactDays) =>
        new(new RiskId("r"), "Vendor late", new Probability(probability)) { ScheduleImpact = new WorkDuration(impactDays * 480L) };

    [Fact]
    public void Exposure_over_the_threshold_goes_to_the_first_level()
    {
        var escalation = RiskEscalationPolicy.Default.Assess(RiskOf(0.6, 10), StatusDate, Path, WorkTimeUnits.Standard)!;

        escalation.Level!.Name.ShouldBe("Program TPM");
        escalation.Reasons.ShouldHaveSingleItem().ShouldBe("schedule exposure 6 working days (threshold 5)");
    }

    [Fact]
    public void An_overdue_mitigation_climbs_the_path_by_its_days_overdue()
    {
        var risk = RiskOf(0.1, 5) with { MitigationDue = StatusDate.AddDays(-2) };

        var escalation = RiskEscalationPolicy.Default.Assess(risk, StatusDate, Path, WorkTimeUnits.Standard)!;

        escalation.Level!.Name.ShouldBe("VP Engineering");
        escalation.Reasons.ShouldHaveSingleItem().ShouldBe("mitigation 2 days overdue (due 2027-03-13)");
    }

    [Fact]
    public void Cost_exposure_escalates_when_the_policy_has_a_cost_threshold()
    {
        var risk = RiskOf(0.5, 0) with { CostImpact = new Money(100_000m, "USD") };

        RiskEscalationPolicy.Default.Assess(risk, StatusDate, Path, WorkTimeUnits.Standard).ShouldBeNull();
        new RiskEscalationPolicy { CostExposure = 40_000m }.Assess(risk, StatusDate, Path, WorkTimeUnits.Standard)!.Level!.Level.ShouldBe(1);
    }

    [Fact]
    public void A_small_risk_on_time_or_a_closed_one_is_not_escalated()
    {
        RiskEscalationPolicy.Default.Assess(RiskOf(0.3, 5) with { MitigationDue = StatusDate }, StatusDate, Path, WorkTimeUnits.Standard).ShouldBeNull();
        RiskEscalationPolicy.Default.Assess(RiskOf(0.9, 30) with { Status = RiskStatus.Closed }, StatusDate, Path, WorkTimeUnits.Standard).ShouldBeNull();
    }

    [Fact]
    public void Exposure_is_probability_times_impact_in_time_and_money()
    {
        var exposure = RiskExposure.Of(RiskOf(0.25, 8) with { CostImpact = new Money(40_000m, "EUR") });

        exposure.Schedule.ShouldBe(new WorkDuration(2 * 480));
        exposure.Cost.ShouldBe(new Money(10_000m, "EUR"));
    }
}
