using Throughline.Domain;
using Throughline.Domain.Governance;
using Throughline.Domain.Health;

namespace Throughline.Domain.Tests.Health;

public class GovernanceHealthTests
{
    private static readonly DateOnly Today = new(2027, 3, 15);

    private static DecisionFinding Overdue(string id, int days, bool critical = false) =>
        new(new Decision(new DecisionId(id), $"Question {id}?"), [new WorkItemId("w")], critical ? [new WorkItemId("w")] : [], days);

    [Fact]
    public void Current_status_and_no_overdue_decision_is_green()
    {
        GovernanceHealth.Default.Assess([Overdue("d", 0)], Today, Today).Colour.ShouldBe(HealthColour.Green);
    }

    [Theory]
    [InlineData(1, HealthColour.Amber)]
    [InlineData(2, HealthColour.Amber)]
    [InlineData(3, HealthColour.Red)]
    public void The_number_of_overdue_decisions_sets_the_colour(int count, HealthColour expected)
    {
        var decisions = Enumerable.Range(1, count).Select(i => Overdue("d" + i, i)).ToList();

        GovernanceHealth.Default.Assess(decisions, Today, Today).Colour.ShouldBe(expected);
    }

    [Fact]
    public void One_overdue_decision_that_blocks_critical_work_is_red()
    {
        var verdict = GovernanceHealth.Default.Assess([Overdue("d", 2, critical: true)], Today, Today);

        verdict.Colour.ShouldBe(HealthColour.Red);
        verdict.Reasons[0].Text.ShouldContain("blocking critical work (w)");
    }

    [Theory]
    [InlineData(7, HealthColour.Green)]
    [InlineData(8, HealthColour.Amber)]
    [InlineData(14, HealthColour.Amber)]
    [InlineData(15, HealthColour.Red)]
    public void Stale_status_sets_the_colour(int daysOld, HealthColour expected)
    {
        GovernanceHealth.Default.Assess([], Today.AddDays(-daysOld), Today).Colour.ShouldBe(expected);
    }

    [Fact]
    public void No_status_date_is_amber()
    {
        GovernanceHealth.Default.Assess([], null, Today).Colour.ShouldBe(HealthColour.Amber);
    }

    [Fact]
    public void Thresholds_come_from_the_rule()
    {
        var relaxed = new GovernanceHealth { AmberOverdueDecisions = 2, RedOverdueDecisions = 5, AmberStaleDays = 30, RedStaleDays = 60 };

        relaxed.Assess([Overdue("d", 3)], Today.AddDays(-20), Today).Colour.ShouldBe(HealthColour.Green);
    }
}
