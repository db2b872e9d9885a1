using Throughline.Domain;
using Throughline.Reports.Risks;
using Throughline.Scheduling;

namespace Throughline.Reports.Tests.Risks;

public class RiskPropagatorTests
{
    // Monday 2027-03-01, standard calendar (Mon-Fri, 8h days).
    // p1: a (5d, team t1) -> b (5d, team t2) -> m1 (milestone, committed Fri 2027-03-12)  — the program's longest chain
    // p2: c (3d, team t3) -> m2 (milestone, committed Fri 2027-03-12)                      — 7 days of buffer
    private static readonly DateOnly Start = new(2027, 3, 1);

    private static Program Network(params Risk[] risks) => new(new ProgramId("x"), "X", Start)
    {
        Teams = [new Team(new TeamId("t1"), "Team one"), new Team(new TeamId("t2"), "Team two"), new Team(new TeamId("t3"), "Team three")],
        Projects = [new Project(new ProjectId("p1"), "P1"), new Project(new ProjectId("p2"), "P2")],
        WorkItems =
        [
            Task("a", "p1", 5, "t1"),
            Task("b", "p1", 5, "t2"),
            new WorkItem(Id("m1"), "M1", new ProjectId("p1")) { Kind = WorkItemKind.Milestone, Committed = new DateOnly(2027, 3, 12) },
            Task("c", "p2", 3, "t3"),
            new WorkItem(Id("m2"), "M2", new ProjectId("p2")) { Kind = WorkItemKind.Milestone, Committed = new DateOnly(2027, 3, 12) },
        ],
        Dependencies =
        [
            Dependency.FinishToStart(Id("a"), Id("b")),
            Dependency.FinishToStart(Id("b"), Id("m1")),
            Dependency.FinishToStart(Id("c"), Id("m2")),
        ],
        Risks = risks,
    };

    private static WorkItem Task(string id, string project, int days, string team) =>
        new(Id(id), id.ToUpperInvariant(), new ProjectId(project)) { Estimate = Estimate.Single(new WorkDuration(days * 480L)), Assignments = [Assignment.ToTeam(new TeamId(team))] };

    private static WorkItemId Id(string value) => new(value);

    private static Risk On(int impactDays, params string[] items) =>
        new(new RiskId("r"), "Risk", new Probability(0.5)) { ScheduleImpact = new WorkDuration(impactDays * 480L), LinkedItems = [.. items.Select(Id)] };

    private static RiskPropagation Propagate(Risk risk)
    {
        var program = Network(risk);
        return RiskPropagator.Propagate(program, ProgramScheduler.Schedule(program), risk);
    }

    [Fact]
    public void A_delay_at_the_head_of_a_chain_reaches_its_milestone_teams_and_the_program_end()
    {
        var effect = Propagate(On(3, "a"));

        var m1 = effect.Milestones.ShouldHaveSingleItem();
        m1.Id.ShouldBe(Id("m1"));
        m1.DaysLater.ShouldBe(3);
        m1.BecomesLate.ShouldBeTrue();
        effect.Teams.ShouldBe([new TeamId("t1"), new TeamId("t2")]);
        effect.Projects.ShouldBe([new ProjectId("p1")]);
        effect.ProgramFinishDays.ShouldBe(3);
        effect.ItemsDelayed.ShouldBe(3);
    }

    [Fact]
    public void A_risk_linked_to_a_whole_chain_delays_it_once()
    {
        // a precedes b, so the impact enters at a only and the link carries it to b: m1 moves 3 days, not 6.
        Propagate(On(3, "a", "b")).Milestones.ShouldHaveSingleItem().DaysLater.ShouldBe(3);
    }

    [Fact]
    public void A_delay_off_the_critical_path_moves_its_milestone_but_not_the_program_end()
    {
        var effect = Propagate(On(2, "c"));

        var m2 = effect.Milestones.ShouldHaveSingleItem();
        m2.Id.ShouldBe(Id("m2"));
        m2.DaysLater.ShouldBe(2);
        m2.BecomesLate.ShouldBeFalse();
        effect.Teams.ShouldBe([new TeamId("t3")]);
        effect.ProgramFinishDays.ShouldBe(0);
    }

    [Fact]
    public void A_milestone_linked_directly_finishes_the_impact_later()
    {
        Propagate(On(4, "m2")).Milestones.ShouldHaveSingleItem().DaysLater.ShouldBe(4);
    }

    [Fact]
    public void Finished_work_and_risks_without_schedule_impact_propagate_nothing()
    {
        var program = Network() with { WorkItems = [.. Network().WorkItems.Select(i => i.Id == Id("a") ? i with { Status = WorkItemStatus.Done } : i)] };
        var schedule = ProgramScheduler.Schedule(program);

        RiskPropagator.Propagate(program, schedule, On(3, "a")).Milestones.ShouldBeEmpty();
        var none = RiskPropagator.Propagate(program, schedule, On(0, "b"));
        none.Milestones.ShouldBeEmpty();
        none.ItemsDelayed.ShouldBe(0);
    }
}
