using Throughline.Domain;
using Throughline.Reports.Changes;
using Throughline.Scheduling;

namespace Throughline.Reports.Tests.Changes;

public class PlanChangesTests
{
    private static readonly ProjectId P = new("p");

    private static Program Plan(int buildDays, Risk[] risks, Decision[] decisions) => new(new ProgramId("x"), "X", new DateOnly(2027, 3, 1))
    {
        StatusDate = new DateOnly(2027, 3, 1),
        Projects = [new Project(P, "P")],
        WorkItems =
        [
            new WorkItem(new WorkItemId("build"), "Build", P) { Estimate = Estimate.Single(new WorkDuration(buildDays * 480L)) },
            new WorkItem(new WorkItemId("live"), "Live", P) { Kind = WorkItemKind.Milestone, Committed = new DateOnly(2027, 3, 12) },
        ],
        Dependencies = [Dependency.FinishToStart(new WorkItemId("build"), new WorkItemId("live"))],
        Risks = risks,
        Decisions = decisions,
    };

    private static Risk RiskOf(string id, RiskStatus status = RiskStatus.Open) => new(new RiskId(id), id, new Probability(0.5)) { Status = status };

    private static Decision DecisionOf(string id, DecisionStatus status) => new(new DecisionId(id), id + "?") { Status = status };

    [Fact]
    public void Slips_new_and_closed_risks_and_decisions_made_are_reported()
    {
        var before = Plan(8, [RiskOf("stays"), RiskOf("closes"), RiskOf("removed")], [DecisionOf("made", DecisionStatus.Open), DecisionOf("old", DecisionStatus.Decided)]);
        var after = Plan(11, [RiskOf("stays"), RiskOf("closes", RiskStatus.Closed), RiskOf("raised")], [DecisionOf("made", DecisionStatus.Decided), DecisionOf("old", DecisionStatus.Decided)]);

        var changes = PlanChanges.Compare(before, ProgramScheduler.Schedule(before), after, ProgramScheduler.Schedule(after));

        var slip = changes.MilestonesMoved.ShouldHaveSingleItem();
        slip.Id.ShouldBe(new WorkItemId("live"));
        slip.WorkingDaysMoved.ShouldBe(3);
        slip.BecameLate.ShouldBeTrue();
        changes.ProgramFinish.WorkingDaysMoved.ShouldBe(3);
        changes.NewRisks.Select(r => r.Id.Value).ShouldBe(["raised"]);
        changes.ClosedRisks.Select(r => r.Id.Value).ShouldBe(["closes", "removed"]);
        changes.DecisionsMade.Select(d => d.Id.Value).ShouldBe(["made"]);
        changes.BaselineStatusDate.ShouldBe(new DateOnly(2027, 3, 1));
    }

    [Fact]
    public void The_same_plan_has_no_changes()
    {
        var plan = Plan(8, [RiskOf("r")], [DecisionOf("d", DecisionStatus.Decided)]);
        var schedule = ProgramScheduler.Schedule(plan);

        PlanChanges.Compare(plan, schedule, plan, schedule).IsEmpty.ShouldBeTrue();
    }
}
