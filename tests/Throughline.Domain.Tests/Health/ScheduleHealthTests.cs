using Throughline.Domain;
using Throughline.Domain.Health;

namespace Throughline.Domain.Tests.Health;

public class ScheduleHealthTests
{
    private static readonly DateOnly Committed = new(2027, 6, 30);

    private static CommitmentOutlook Commitment(double slackDays, int? p80DaysLate = null, bool pinned = false) =>
        new(new WorkItemId("m"), "Launch", new ProjectId("p"), Committed, Committed.AddDays(-(int)slackDays), slackDays)
        {
            ForecastP80 = p80DaysLate is { } late ? Committed.AddDays(late) : null,
            ProbabilityOnTime = p80DaysLate is null ? null : 0.6,
            Pinned = pinned,
        };

    [Theory]
    [InlineData(-3, HealthColour.Green)]
    [InlineData(0, HealthColour.Green)]
    [InlineData(1, HealthColour.Amber)]
    [InlineData(10, HealthColour.Amber)]
    [InlineData(11, HealthColour.Red)]
    public void With_a_forecast_the_P80_against_the_committed_date_sets_the_colour(int daysLate, HealthColour expected)
    {
        var verdict = ScheduleHealth.Default.Assess([Commitment(20, daysLate)]);

        verdict.Colour.ShouldBe(expected);
    }

    [Theory]
    [InlineData(8, HealthColour.Green)]
    [InlineData(5, HealthColour.Green)]
    [InlineData(4.5, HealthColour.Amber)]
    [InlineData(0, HealthColour.Amber)]
    [InlineData(-1, HealthColour.Red)]
    public void Without_a_forecast_slack_sets_the_colour(double slack, HealthColour expected)
    {
        ScheduleHealth.Default.Assess([Commitment(slack)]).Colour.ShouldBe(expected);
    }

    [Fact]
    public void A_pinned_commitment_is_judged_on_slack_not_on_its_forecast()
    {
        // The forecast says on time (the constraint holds the date), but the work before it is already 2 days late.
        var verdict = ScheduleHealth.Default.Assess([Commitment(-2, p80DaysLate: 0, pinned: true)]);

        verdict.Colour.ShouldBe(HealthColour.Red);
        verdict.Reasons[0].Text.ShouldContain("pinned by a constraint");
    }

    [Fact]
    public void Thresholds_come_from_the_rule()
    {
        var strict = new ScheduleHealth { AmberDaysLate = -5, RedDaysLate = 0 };

        strict.Assess([Commitment(20, -3)]).Colour.ShouldBe(HealthColour.Amber);
        strict.Assess([Commitment(20, 1)]).Colour.ShouldBe(HealthColour.Red);
    }

    [Fact]
    public void Each_late_commitment_is_a_reason_and_the_rest_are_summed_up_as_on_track()
    {
        var late = Commitment(20, 12) with { Id = new WorkItemId("late"), Name = "Late launch" };
        var fine = Commitment(20, 0);

        var verdict = ScheduleHealth.Default.Assess([fine, late]);

        verdict.Colour.ShouldBe(HealthColour.Red);
        verdict.Reasons.Count.ShouldBe(2);
        verdict.Reasons[0].Text.ShouldContain("Late launch");
        verdict.Reasons[0].Text.ShouldContain("12 days late");
        verdict.Reasons[1].Text.ShouldStartWith("1 of 2 commitments on track");
    }

    [Fact]
    public void Nothing_committed_is_not_assessed()
    {
        ScheduleHealth.Default.Assess([]).Colour.ShouldBe(HealthColour.Unknown);
    }
}
