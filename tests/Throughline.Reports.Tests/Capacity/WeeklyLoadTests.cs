using Throughline.Interop.Plan;
using Throughline.Reports.Capacity;
using Throughline.Scheduling;

namespace Throughline.Reports.Tests.Capacity;

public class WeeklyLoadTests
{
    private static WeeklyLoad Compute(string items)
    {
        var plan = $$"""
            program:
              id: load
              name: Load
              start: 2027-03-01
            teams:
              - { id: core, name: Core, ktlo: 25% }
            people:
              - { id: p-ben, name: Ben, role: engineer, team: core }
              - { id: p-cat, name: Cat, role: engineer, team: core }
            projects:
              - id: app
                name: App
                team: core
                items:
            {{items}}
            """;
        var read = PlanReader.Read(plan, "load.tl.yaml");
        read.HasErrors.ShouldBeFalse(string.Join(Environment.NewLine, read.Diagnostics));
        return WeeklyLoad.Compute(read.Program!, ProgramScheduler.Schedule(read.Program!));
    }

    [Fact]
    public void Two_parallel_weeks_of_work_for_one_person_overload_them_and_not_the_team()
    {
        var load = Compute("""
                  - { id: a, name: A, estimate: 5d, people: [p-ben] }
                  - { id: b, name: B, estimate: 5d, people: [p-ben] }
            """);

        load.Weeks[0].ShouldBe(new DateOnly(2027, 3, 1));
        var ben = load.People.Single(p => p.Name == "Ben");
        ben.Load[0].ShouldBe(80);
        ben.Available.ShouldBe(30);   // 40 h less the team's 25% KTLO
        ben.Ktlo.ShouldBe(10);
        ben.IsOverAllocated(0).ShouldBeTrue();
        load.People.Single(p => p.Name == "Cat").Load[0].ShouldBe(0);
        var team = load.Teams.Single();
        team.Load[0].ShouldBe(80);
        team.Available.ShouldBe(60);
        team.IsOverAllocated(0).ShouldBeTrue();
    }

    [Fact]
    public void Unassigned_work_asks_the_owning_team_for_one_person_and_milestones_ask_nothing()
    {
        var load = Compute("""
                  - { id: a, name: A, estimate: 10d }
                  - { id: m, name: M, milestone: true, depends-on: [a] }
            """);

        var team = load.Teams.Single();
        team.Load.Take(2).ShouldBe([40.0, 40.0]);
        team.WeeksOverAllocated.ShouldBe(0);
        load.People.ShouldAllBe(p => p.Load.All(h => h == 0));
    }
}
