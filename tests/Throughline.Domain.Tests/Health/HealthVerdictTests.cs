using Throughline.Domain.Health;

namespace Throughline.Domain.Tests.Health;

public class HealthVerdictTests
{
    [Fact]
    public void The_worst_reason_sets_the_colour_and_comes_first()
    {
        var verdict = new HealthVerdict(
        [
            new HealthReason(HealthArea.Budget, HealthColour.Green, "fine"),
            new HealthReason(HealthArea.Risk, HealthColour.Red, "bad"),
            new HealthReason(HealthArea.Schedule, HealthColour.Amber, "meh"),
        ]);

        verdict.Colour.ShouldBe(HealthColour.Red);
        verdict.Reasons.Select(r => r.Text).ShouldBe(["bad", "meh", "fine"]);
        verdict.Deciding.ShouldHaveSingleItem().Text.ShouldBe("bad");
    }

    [Fact]
    public void Not_assessed_never_outranks_a_colour()
    {
        var combined = HealthVerdict.Combine(
        [
            new HealthVerdict([new HealthReason(HealthArea.Budget, HealthColour.Unknown, "no budget")]),
            new HealthVerdict([new HealthReason(HealthArea.Risk, HealthColour.Green, "no risks")]),
        ]);

        combined.Colour.ShouldBe(HealthColour.Green);
        new HealthVerdict([]).Colour.ShouldBe(HealthColour.Unknown);
    }
}
