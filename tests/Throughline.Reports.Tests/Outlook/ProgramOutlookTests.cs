using Throughline.Domain;
using Throughline.Domain.Health;
using Throughline.Interop.Plan;
using Throughline.Reports.Outlook;
using Throughline.Scheduling;

namespace Throughline.Reports.Tests.Outlook;

public class ProgramOutlookTests
{
    private const string Header = "program: { id: s, name: S, start: 2027-01-04, status-date: 2027-01-04 }\nteams: [{ id: core, name: Core, capacity: 40h }, { id: data, name: Data, capacity: 40h }]\n";

    [Fact]
    public void Decide_by_is_the_latest_start_of_the_gated_work_that_keeps_every_commitment()
    {
        // Build (3 days) waits on the decision and feeds Ship, committed Wednesday 20 January: built by then, it must
        // start by Monday 18 January. Tidy waits on the other decision and feeds no commitment.
        var outlook = Outlook(Header + """
            projects:
              - id: p
                name: P
                team: core
                items:
                  - { id: build, name: Build, estimate: 3d, waits-on: [d-vendor] }
                  - { id: ship, name: Ship, milestone: true, depends-on: [build], committed: 2027-01-20 }
                  - { id: tidy, name: Tidy, estimate: 1d, waits-on: [d-colour] }
            decisions:
              - { id: d-vendor, question: Which vendor?, due: 2027-01-06 }
              - { id: d-colour, question: Which colour?, due: 2027-01-06 }
            """);

        var vendor = outlook.Decisions.Single(d => d.Id.Value == "d-vendor");
        vendor.DecideBy.ShouldBe(new DateOnly(2027, 1, 18));
        vendor.Gates.ShouldBe([new WorkItemId("build")]);
        outlook.Decisions.Single(d => d.Id.Value == "d-colour").DecideBy.ShouldBeNull();
    }

    [Fact]
    public void A_decision_due_after_the_work_could_start_moves_the_work_and_its_commitment()
    {
        // Without the decision, Build runs Monday to Wednesday 4-6 January; the decision is due Monday 11 January.
        var outlook = Outlook(Header + """
            projects:
              - id: p
                name: P
                items:
                  - { id: build, name: Build, estimate: 3d, waits-on: [d-vendor] }
                  - { id: ship, name: Ship, milestone: true, depends-on: [build], committed: 2027-01-12 }
            decisions:
              - { id: d-vendor, question: Which vendor?, due: 2027-01-11 }
            """);

        var ship = outlook.Commitments.Single();
        ship.ScheduledFinish.ShouldBe(new DateOnly(2027, 1, 13));
        ship.BufferDays.ShouldBe(-1);
        outlook.CommitmentHealth[ship.Id].Colour.ShouldBe(HealthColour.Red);
    }

    [Fact]
    public void A_project_whose_work_drives_another_project_s_commitment_is_assessed_on_it()
    {
        // Data's 8-day pipeline drives Core's launch, which misses its date: Data has no commitment of its own.
        var outlook = Outlook(Header + """
            projects:
              - id: data-p
                name: Data
                team: data
                items:
                  - { id: pipeline, name: Pipeline, estimate: 8d }
              - id: core-p
                name: Core
                team: core
                items:
                  - { id: ui, name: UI, estimate: 2d, depends-on: [pipeline] }
                  - { id: launch, name: Launch, milestone: true, depends-on: [ui], committed: 2027-01-12 }
            """);

        var launch = outlook.Commitments.Single();
        launch.DrivingTeams.ShouldBe([new TeamId("data"), new TeamId("core")]);
        launch.DrivingProjects[0].Project.ShouldBe(new ProjectId("data-p"));
        launch.DrivingProjects[0].Share.ShouldBe(0.8);
        var data = outlook.Health.Projects[new ProjectId("data-p")].Schedule;
        data.Colour.ShouldBe(HealthColour.Red);
        data.Reasons[0].Text.ShouldStartWith("Owns 80% of the driving path to Launch");
    }

    [Fact]
    public void The_headline_is_the_least_buffer_without_a_forecast_naming_that_commitment()
    {
        var outlook = Outlook(Header + """
            projects:
              - id: p
                name: P
                items:
                  - { id: a, name: A, estimate: 5d }
                  - { id: early, name: Early, milestone: true, depends-on: [a], committed: 2027-01-11 }
                  - { id: b, name: B, estimate: 5d, depends-on: [a] }
                  - { id: late, name: Late, milestone: true, depends-on: [b], committed: 2027-03-01 }
            """);

        outlook.WorstCommitment!.Id.Value.ShouldBe("early");
        outlook.ProbabilityOnTime.ShouldBeNull();
    }

    [Fact]
    public void Actuals_after_the_status_date_and_budget_past_the_scheduled_work_are_noted()
    {
        // Reported through Monday 4 January, the work (5 days) runs Tuesday 5 to Monday 11 January.
        var outlook = Outlook(Header + """
            projects:
              - id: p
                name: P
                items:
                  - { id: a, name: A, estimate: 5d }
            budget:
              - { project: p, period: 2027-01, planned: 1000, actual: 200 }
              - { project: p, period: 2027-02, planned: 500, actual: 100 }
            """);

        outlook.BudgetNotes.ShouldBe([
            "P: actuals of 100 USD are reported for 2027-02-01 to 2027-02-28, after the status date 2027-01-04; check the status date or the actuals.",
            "P: 500 USD is planned for 2027-02-01 to 2027-02-28, after its scheduled work finishes on 2027-01-11.",
        ]);
    }

    private static ProgramOutlook Outlook(string yaml)
    {
        var read = PlanReader.Read(yaml, "outlook.tl.yaml");
        read.HasErrors.ShouldBeFalse(string.Join(Environment.NewLine, read.Diagnostics));
        var program = read.Program!;
        return ProgramOutlook.Compute(program, ProgramScheduler.Schedule(program), null, program.StatusDate!.Value);
    }
}
