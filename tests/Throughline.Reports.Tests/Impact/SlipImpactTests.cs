using Throughline.Domain;
using Throughline.Interop.Plan;
using Throughline.Reports.Impact;
using Throughline.Scheduling;

namespace Throughline.Reports.Tests.Impact;

public class SlipImpactTests
{
    // Two teams: core builds the API; web waits for it (a cross-team link) and launches on a committed date with 2 days of buffer.
    private const string Plan = """
        program:
          id: slip
          name: Slip
          start: 2027-03-01
        teams:
          - { id: core, name: Core, lead: p-cat }
          - { id: web, name: Web, lead: p-dan }
        people:
          - { id: p-ana, name: Ana, role: tpm, team: core }
          - { id: p-ben, name: Ben, role: engineer, team: core }
          - { id: p-cat, name: Cat, role: engineering-manager, team: core }
          - { id: p-dan, name: Dan, role: engineering-manager, team: web }
          - { id: p-eve, name: Eve, role: engineer, team: web }
        projects:
          - id: api
            name: API
            team: core
            tpm: p-ana
            items:
              - { id: api-build, name: Build the API, estimate: 5d, people: [p-ben] }
              - { id: api-docs, name: Write the docs, estimate: 2d, team: core }
          - id: site
            name: Site
            team: web
            tpm: p-ana
            engineering-manager: p-dan
            items:
              - { id: site-build, name: Build the site, estimate: 3d, people: [p-eve], depends-on: [api-build] }
              - { id: launch, name: Launch, milestone: true, committed: 2027-03-12, depends-on: [site-build] }
        """;

    private static (Program Program, ProgramSchedule Schedule) Read()
    {
        var read = PlanReader.Read(Plan, "slip.tl.yaml");
        read.HasErrors.ShouldBeFalse(string.Join(Environment.NewLine, read.Diagnostics));
        return (read.Program!, ProgramScheduler.Schedule(read.Program!));
    }

    [Fact]
    public void A_slip_within_the_buffer_moves_downstream_work_but_breaks_no_commitment()
    {
        var (program, schedule) = Read();

        var impact = SlipImpactAnalyzer.Analyze(program, schedule, new WorkItemId("api-build"), 2);

        impact.Problem.ShouldBeNull();
        impact.Slipped!.DaysMoved.ShouldBe(2);
        impact.Items.Select(i => (i.Id.Value, i.DaysMoved)).ShouldBe([("site-build", 2), ("launch", 2)], ignoreOrder: true);
        impact.Milestones.Select(m => m.Id.Value).ShouldBe(["launch"]);
        impact.BrokenCommitments.ShouldBeEmpty();
        impact.Items.ShouldNotContain(i => i.Id.Value == "api-docs");
    }

    [Fact]
    public void A_slip_past_the_buffer_breaks_the_commitment_and_names_who_to_tell()
    {
        var (program, schedule) = Read();

        var impact = SlipImpactAnalyzer.Analyze(program, schedule, new WorkItemId("api-build"), 4);

        impact.BrokenCommitments.Select(c => c.Id.Value).ShouldBe(["launch"]);
        impact.Teams.Select(t => t.Name).ShouldBe(["Core", "Web"], ignoreOrder: true);
        impact.ProgramFinishDaysMoved.ShouldBe(4);
        var people = impact.People.ToDictionary(p => p.Name);
        people.Keys.ShouldBe(["Ana", "Ben", "Cat", "Dan", "Eve"], ignoreOrder: true);
        people["Ana"].Reasons.ShouldContain(r => r.Contains("TPM of Site") && r.Contains("Launch"));
        people["Dan"].Reasons.ShouldContain(r => r.Contains("engineering manager of Site"));
        people["Eve"].Reasons.ShouldContain(r => r.Contains("Build the site"));
    }

    [Fact]
    public void A_milestone_can_slip_and_a_summary_or_a_non_positive_slip_is_refused()
    {
        var (program, schedule) = Read();

        SlipImpactAnalyzer.Analyze(program, schedule, new WorkItemId("launch"), 3).Slipped!.DaysMoved.ShouldBe(3);
        SlipImpactAnalyzer.Analyze(program, schedule, new WorkItemId("launch"), 0).Problem.ShouldNotBeNull();
        SlipImpactAnalyzer.Analyze(program, schedule, new WorkItemId("launch"), SlipImpactAnalyzer.MaxDays + 1).Problem.ShouldNotBeNull();
        SlipImpactAnalyzer.Analyze(program, schedule, new WorkItemId("launch"), SlipImpactAnalyzer.MaxDays).Slipped!.DaysMoved.ShouldBe(SlipImpactAnalyzer.MaxDays);
        SlipImpactAnalyzer.Analyze(program, schedule, new WorkItemId("nope"), 2).Problem!.ShouldContain("nope");
    }
}
