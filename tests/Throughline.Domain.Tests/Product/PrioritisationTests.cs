using Throughline.Domain.Product;

namespace Throughline.Domain.Tests.Product;

/// <summary>RICE and WSJF on worked examples, and the ranked backlog with the reason for each rank.</summary>
public class PrioritisationTests
{
    private static readonly ProjectId App = new("app");

    [Fact]
    public void Rice_is_reach_times_impact_times_confidence_over_effort()
    {
        // Intercom's worked example: 500 customers a quarter, high impact (2), 80% confidence, 2 person-months.
        new RiceScore(500, 2, 80, 2).Score(2).ShouldBe(400, 1e-9);
    }

    [Fact]
    public void Wsjf_is_cost_of_delay_over_job_size()
    {
        // SAFe: business value 8 + time criticality 5 + risk reduction 3 = 16, job size 4.
        var wsjf = new WsjfScore(8, 5, 3, 4);

        wsjf.CostOfDelay.ShouldBe(16);
        wsjf.Score.ShouldBe(4);
    }

    [Fact]
    public void Scores_refuse_impossible_inputs()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new RiceScore(1, 1, 120));
        Should.Throw<ArgumentOutOfRangeException>(() => new RiceScore(1, 1, 50, 0));
        Should.Throw<ArgumentOutOfRangeException>(() => new WsjfScore(1, 1, 1, 0));
    }

    [Fact]
    public void The_rice_backlog_ranks_by_score_and_names_the_factor_that_puts_each_entry_below_the_one_above()
    {
        var program = Program(
            Item("a", rice: new RiceScore(1000, 1, 100, 1)),   // 1000
            Item("b", rice: new RiceScore(500, 1, 100, 1)),    // 500: half the reach of a
            Item("c", rice: new RiceScore(500, 1, 100, 5)));   // 100: five times the effort of b

        var backlog = Backlog.Rank(program, PrioritisationMethod.Rice);

        backlog.Entries.Select(e => (e.Rank, e.Item.Value, e.Score)).ShouldBe([(1, "a", 1000), (2, "b", 500), (3, "c", 100)]);
        backlog.Entries[0].Reason.ShouldBe("highest RICE score");
        backlog.Entries[1].Reason.ShouldBe("below a (1,000) mainly on reach: 500 against 1,000");
        backlog.Entries[2].Reason.ShouldBe("below b (500) mainly on effort: 5 against 1");
        backlog.Entries[2].Formula.ShouldBe("RICE 100 = reach 500 x impact 1 x confidence 100% / effort 5 person-months");
    }

    [Fact]
    public void Rice_without_a_stated_effort_takes_the_items_effort_in_person_months()
    {
        // 20d of effort is one month of 20 working days.
        var program = Program(Item("a", rice: new RiceScore(300, 1, 50)) with { Effort = new WorkDuration(20 * 480) }, Item("b", rice: new RiceScore(300, 1, 50)));

        var backlog = Backlog.Rank(program, PrioritisationMethod.Rice);

        backlog.Entries.ShouldHaveSingleItem().Score.ShouldBe(150);
        backlog.Unscored.ShouldBe([new WorkItemId("b")]);
    }

    [Fact]
    public void The_wsjf_backlog_explains_ties_and_leaves_out_finished_work()
    {
        var program = Program(
            Item("late", wsjf: new WsjfScore(5, 5, 0, 2)) with { Committed = new DateOnly(2027, 9, 1) },
            Item("early", wsjf: new WsjfScore(5, 5, 0, 2)) with { Committed = new DateOnly(2027, 6, 1) },
            Item("small", wsjf: new WsjfScore(2, 1, 0, 1)),
            Item("done", wsjf: new WsjfScore(20, 20, 20, 1)) with { Status = WorkItemStatus.Done });

        var backlog = Backlog.Rank(program, PrioritisationMethod.Wsjf);

        backlog.Entries.Select(e => e.Item.Value).ShouldBe(["early", "late", "small"]);
        backlog.Entries[1].Reason.ShouldBe("same score as early, which is committed earlier");
        backlog.Entries[2].Reason.ShouldBe("below late (5) mainly on cost of delay: 3 against 10");
    }

    private static Program Program(params WorkItem[] items) => new(new ProgramId("x"), "X", new DateOnly(2027, 1, 4))
    {
        Projects = [new Project(App, "App")],
        WorkItems = items,
    };

    private static WorkItem Item(string id, RiceScore? rice = null, WsjfScore? wsjf = null) => new(new WorkItemId(id), id, App) { Rice = rice, Wsjf = wsjf };
}
