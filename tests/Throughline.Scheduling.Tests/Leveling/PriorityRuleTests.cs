using Throughline.Scheduling.Leveling;

namespace Throughline.Scheduling.Tests.Leveling;

public class PriorityRuleTests
{
    // Source 0, sink 6. 1 -> 3 -> 5 is the long chain; job 2 precedes 4, 5 and 7, so it has the most successors.
    // Durations 1:4, 2:1, 3:4, 4:2, 5:1, 7:1. By hand: ES 1:0 2:0 3:4 4:1 5:8 7:1; CPM 9;
    // LS 1:0 2:6 3:4 4:7 5:8 7:8; total successors 1:3 2:4 3:2 4:1 5:1 7:1; GRPW 1:8 2:5 3:5 4:2 5:1 7:1.
    private static readonly RcpspInstance Net = Instances.FinishToStart(
        3,
        [(0, 0), (4, 1), (1, 1), (4, 1), (2, 1), (1, 1), (0, 0), (1, 1)],
        (0, 1), (0, 2), (1, 3), (2, 4), (2, 5), (3, 5), (4, 6), (5, 6), (2, 7), (7, 6));

    [Theory]
    [InlineData(PriorityRule.LatestFinish, new[] { 0, 1, 2, 3, 4, 5, 7, 6 })]
    [InlineData(PriorityRule.LatestStart, new[] { 0, 1, 3, 2, 4, 5, 7, 6 })]
    [InlineData(PriorityRule.MinimumSlack, new[] { 0, 1, 3, 2, 5, 4, 7, 6 })]
    [InlineData(PriorityRule.MostTotalSuccessors, new[] { 0, 2, 1, 3, 4, 5, 7, 6 })]
    [InlineData(PriorityRule.GreatestRankPositionalWeight, new[] { 0, 1, 2, 3, 4, 5, 7, 6 })]
    public void Each_rule_orders_eligible_jobs_by_its_own_measure(PriorityRule rule, int[] expected)
    {
        var network = new LevelingNetwork(Net);

        var list = PriorityRules.ActivityList(network, PriorityRules.Values(network, rule));

        list.ShouldBe(expected);
    }

    [Theory]
    [InlineData(PriorityRule.LatestFinish)]
    [InlineData(PriorityRule.LatestStart)]
    [InlineData(PriorityRule.MinimumSlack)]
    [InlineData(PriorityRule.MostTotalSuccessors)]
    [InlineData(PriorityRule.GreatestRankPositionalWeight)]
    public void Every_rule_gives_a_precedence_feasible_list(PriorityRule rule)
    {
        var network = new LevelingNetwork(Net);
        var list = PriorityRules.ActivityList(network, PriorityRules.Values(network, rule));
        var position = new int[list.Length];
        for (var i = 0; i < list.Length; i++)
        {
            position[list[i]] = i;
        }

        for (var j = 0; j < Net.JobCount; j++)
        {
            for (var k = Net.SuccessorStart[j]; k < Net.SuccessorStart[j + 1]; k++)
            {
                position[j].ShouldBeLessThan(position[Net.Successors[k]]);
            }
        }
    }

    [Fact]
    public void Most_total_successors_counts_successors_of_successors_once()
    {
        var network = new LevelingNetwork(Net);

        var values = PriorityRules.Values(network, PriorityRule.MostTotalSuccessors);

        // Job 0 reaches all 7 others; job 2 reaches 4, 5, 7 and 6 (6 twice, counted once); job 1 reaches 3, 5 and 6.
        values[0].ShouldBe(-7);
        values[2].ShouldBe(-4);
        values[1].ShouldBe(-3);
        values[6].ShouldBe(0);
    }
}
