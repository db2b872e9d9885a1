using Throughline.Domain;
using Throughline.Interop.Plan;
using Throughline.Reports.Changes;
using Throughline.Reports.Outlook;
using Throughline.Scheduling;

namespace Throughline.Reports.Tests.Changes;

public class CommitmentChangesTests
{
    private const string Plan = """
        program: { id: s, name: S, start: 2027-01-04, status-date: 2027-01-01 }
        teams: [{ id: core, name: Core, capacity: 40h }, { id: data, name: Data, capacity: 40h }]
        projects:
          - id: p
            name: P
            team: data
            items:
              - { id: model, name: Model, estimate: 3d }
              - { id: ship, name: Ship, milestone: true, depends-on: [model], committed: 2027-01-08 }
              - { id: other, name: Other, estimate: 2d }
              - { id: side, name: Side, milestone: true, depends-on: [other], committed: 2027-01-29 }
        """;

    [Fact]
    public void A_moved_commitment_names_the_input_change_on_its_driving_path_and_the_teams_it_hurt()
    {
        // Model 3d -> 5d moves Ship from Wednesday 6 to Friday 8 January; Other's estimate changed too, but it does
        // not drive Ship, and Side moved for it alone.
        var changes = Compare(Plan, Plan.Replace("estimate: 3d", "estimate: 5d", StringComparison.Ordinal).Replace("estimate: 2d", "estimate: 4d", StringComparison.Ordinal));

        var ship = changes.Moved.Single(c => c.Id.Value == "ship");
        ship.ScheduledBefore.ShouldBe(new DateOnly(2027, 1, 6));
        ship.ScheduledAfter.ShouldBe(new DateOnly(2027, 1, 8));
        ship.Causes.ShouldBe(["estimate 3d → 5d on model"]);
        changes.Moved.Single(c => c.Id.Value == "side").Causes.ShouldBe(["estimate 2d → 4d on other"]);
        changes.TeamsHurt.ShouldBe([new TeamId("data")]);
        changes.DifferentPrograms.ShouldBeFalse();
    }

    [Fact]
    public void A_new_link_and_a_decision_s_new_due_date_are_causes()
    {
        const string WithDecision = Plan + "\ndecisions:\n  - { id: d, question: Q?, due: 2027-01-05, blocks: [other] }\n";
        var changes = Compare(WithDecision, WithDecision
            .Replace("due: 2027-01-05", "due: 2027-01-18", StringComparison.Ordinal)
            .Replace("depends-on: [model], committed", "depends-on: [model, other], committed", StringComparison.Ordinal));

        changes.Moved.Single(c => c.Id.Value == "ship").Causes.ShouldBe(["new link other → ship", "decision d due 2027-01-05 → 2027-01-18"]);
    }

    [Fact]
    public void Two_different_programs_are_flagged()
    {
        Compare(Plan, Plan.Replace("id: s,", "id: t,", StringComparison.Ordinal)).DifferentPrograms.ShouldBeTrue();
    }

    private static CommitmentChanges Compare(string before, string after)
    {
        var (old, oldSchedule) = Read(before);
        var (@new, newSchedule) = Read(after);
        return CommitmentChanges.Compare(
            old, oldSchedule, ProgramOutlook.Compute(old, oldSchedule, null, old.StatusDate!.Value),
            @new, newSchedule, ProgramOutlook.Compute(@new, newSchedule, null, @new.StatusDate!.Value));
    }

    private static (Program, ProgramSchedule) Read(string yaml)
    {
        var read = PlanReader.Read(yaml, "plan.tl.yaml");
        read.HasErrors.ShouldBeFalse(string.Join(Environment.NewLine, read.Diagnostics));
        return (read.Program!, ProgramScheduler.Schedule(read.Program!));
    }
}
