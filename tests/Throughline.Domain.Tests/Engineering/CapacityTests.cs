using Throughline.Domain.Engineering;

namespace Throughline.Domain.Tests.Engineering;

/// <summary>Allocation and capacity arithmetic: KTLO and on-call off the gross week, allocations on top.</summary>
public class CapacityTests
{
    private static readonly TeamId Sre = new("sre");
    private static readonly WorkDuration FortyHours = WorkDuration.FromHours(40);

    [Fact]
    public void Ktlo_and_the_on_call_average_come_off_a_persons_week()
    {
        // 40h, KTLO 25% = 10h; a rotation of 4 at 40% load costs each member 40%/4 = 10% = 4h a week on average.
        var person = CapacityCalculator.People(Program()).First();

        person.Gross.ShouldBe(FortyHours);
        person.Ktlo.ShouldBe(WorkDuration.FromHours(10));
        person.OnCall.ShouldBe(WorkDuration.FromHours(4));
        person.Available.ShouldBe(WorkDuration.FromHours(26));
        person.OnCallEveryWeeks.ShouldBe(4);
    }

    [Fact]
    public void Allocations_add_up_and_over_100_percent_is_flagged()
    {
        var people = CapacityCalculator.People(Program());

        people[0].AllocatedPercent.ShouldBe(100);
        people[0].IsOverAllocated.ShouldBeFalse();
        people[0].CommittedPercent.ShouldBe(135, 1e-9);   // 100% allocated + 25% KTLO + 10% on-call
        people[1].AllocatedPercent.ShouldBe(150);
        people[1].IsOverAllocated.ShouldBeTrue();
    }

    [Fact]
    public void A_projects_share_applies_to_available_time_and_shrinks_in_proportion_when_over_allocated()
    {
        var people = CapacityCalculator.People(Program());

        people[0].ProjectCapacity(new ProjectId("obs")).ShouldBe(WorkDuration.FromHours(26 * 0.6));
        // 100% + 50% = 150%: obs gets 100/150 of the 26h available.
        people[1].ProjectCapacity(new ProjectId("obs")).Minutes.ShouldBe((long)Math.Round(26 * 60 * 100 / 150.0));
    }

    [Fact]
    public void A_team_loses_ktlo_of_its_gross_and_the_rotation_load_of_one_member_each_week()
    {
        // 4 x 40h = 160h; KTLO 25% = 40h; on-call 40% of one 40h week = 16h; 104h left.
        var team = CapacityCalculator.Teams(Program()).ShouldHaveSingleItem();

        team.Gross.ShouldBe(WorkDuration.FromHours(160));
        team.Ktlo.ShouldBe(WorkDuration.FromHours(40));
        team.OnCall.ShouldBe(WorkDuration.FromHours(16));
        team.Available.ShouldBe(WorkDuration.FromHours(104));
    }

    [Fact]
    public void Team_health_flags_load_over_capacity_context_switching_frequent_on_call_and_a_shared_team()
    {
        var program = Program() with
        {
            WorkItems =
            [
                new WorkItem(new WorkItemId("w1"), "W1", new ProjectId("obs")) { Status = WorkItemStatus.InProgress, Assignments = [Assignment.ToTeam(Sre, 300)] },
                new WorkItem(new WorkItemId("w2"), "W2", new ProjectId("app")) { Status = WorkItemStatus.InProgress, Assignments = [Assignment.ToPerson(new PersonId("p0"), 100)] },
            ],
        };

        var health = TeamHealthAnalyzer.Analyze(program).ShouldHaveSingleItem();

        health.Demand.ShouldBe(4);              // 300% to the team + 100% to a member
        health.Supply.ShouldBe(104 / 40.0);     // 2.6 people after KTLO and on-call
        health.MaxConcurrentProjects.ShouldBe(3);
        health.Signals.Select(s => s.Kind).ShouldBe(
        [
            HealthSignalKind.LoadOverCapacity,
            HealthSignalKind.CommittedOverCapacity,
            HealthSignalKind.ContextSwitching,
            HealthSignalKind.OverAllocated,
            HealthSignalKind.CommittedOverCapacity,
            HealthSignalKind.FrequentOnCall,
            HealthSignalKind.SharedTeam,
        ]);
        health.Signals[0].Message.ShouldBe("work in progress asks for 4 people; the team has 2.6 people after KTLO and on-call");
    }

    // Four SRE engineers, 40h each, KTLO 25%, a weekly rotation of all four at 40% load.
    private static Program Program()
    {
        var people = Enumerable.Range(0, 4).Select(i => new Person(new PersonId($"p{i}"), $"P{i}", FunctionalRole.Engineer) { Team = Sre }).ToArray();
        people[0] = people[0] with { Allocations = [new Allocation(new ProjectId("obs"), 60), new Allocation(new ProjectId("cut"), 40)] };
        people[1] = people[1] with { Allocations = [new Allocation(new ProjectId("obs"), 100), new Allocation(new ProjectId("app"), 50)] };
        people[2] = people[2] with { Allocations = [new Allocation(new ProjectId("app"), 100)] };
        return new Program(new ProgramId("x"), "X", new DateOnly(2027, 1, 4))
        {
            Teams = [new Team(Sre, "SRE") { KtloPercent = 25 }],
            People = people,
            Rotations = [new OnCallRotation(new RotationId("r"), "SRE primary", Sre, people.Select(p => p.Id).ToList(), 40)],
            Projects = [new Project(new ProjectId("obs"), "Obs"), new Project(new ProjectId("cut"), "Cut"), new Project(new ProjectId("app"), "App")],
        };
    }
}
