using Throughline.Domain;
using Throughline.Interop.Plan;
using Throughline.Scheduling.Leveling;
using Throughline.Testing;

namespace Throughline.Scheduling.Tests.Leveling;

public class ProgramLevelerTests
{
    private const string Header = """
        program: { id: s, name: Leveling, start: 2027-01-04 }
        teams: [{ id: data, name: Data Platform }]
        people:
          - { id: ana, name: Ana, role: engineer, team: data }
          - { id: bo, name: Bo, role: engineer, team: data }
        """;

    private static Program Read(string yaml)
    {
        var result = PlanReader.Read(yaml, "test.tl.yaml");
        result.Diagnostics.Where(d => d.IsError).ShouldBeEmpty();
        return result.Program!;
    }

    private static ItemSchedule At(ProgramLeveling leveling, string id) => leveling.After[new WorkItemId(id)];

    [Fact]
    public void Two_items_for_one_person_run_one_after_the_other_and_the_delay_names_the_person_and_the_other_item()
    {
        var program = Read(Header + """

            projects:
              - id: p
                name: P
                items:
                  - { id: schema, name: Schema design, estimate: 5d, people: [ana] }
                  - { id: index, name: Index review, estimate: 3d, people: [ana] }
            """);

        var leveling = ProgramLeveler.Level(program);

        var first = At(leveling, "schema");
        var second = At(leveling, "index");
        (first.Finish <= second.Start || second.Finish <= first.Start).ShouldBeTrue();
        var delay = leveling.Delays.ShouldHaveSingleItem();
        delay.Resource!.Name.ShouldBe("Ana");
        delay.Reason.ShouldContain("Ana is at capacity with");
        delay.Competing.ShouldHaveSingleItem();
        leveling.OverAllocationsAfter.ShouldBeEmpty();
    }

    [Fact]
    public void Over_allocation_before_leveling_is_reported_per_person_and_week()
    {
        var program = Read(Header + """

            projects:
              - id: p
                name: P
                items:
                  - { id: a, name: A, estimate: 2d, people: [ana] }
                  - { id: b, name: B, estimate: 2d, people: [ana] }
            """);

        var leveling = ProgramLeveler.Level(program);

        var over = leveling.OverAllocationsBefore.Where(o => o.Resource.Kind == LevelingResourceKind.Person).ShouldHaveSingleItem();
        over.Resource.Id.ShouldBe("ana");
        over.WeekStart.ShouldBe(new DateOnly(2027, 1, 4));
        over.PeakPercent.ShouldBe(200);
        over.CapacityPercent.ShouldBe(100);
        over.Items.Count.ShouldBe(2);
    }

    [Fact]
    public void A_team_pool_less_its_ktlo_share_limits_how_many_items_run_at_once()
    {
        // Two people, 50% KTLO: the pool has one person's worth of project time, so Ana's and Bo's items cannot overlap.
        var program = Read("""
            program: { id: s, name: Leveling, start: 2027-01-04 }
            teams: [{ id: data, name: Data Platform, ktlo: 50% }]
            people:
              - { id: ana, name: Ana, role: engineer, team: data }
              - { id: bo, name: Bo, role: engineer, team: data }
            projects:
              - id: p
                name: P
                items:
                  - { id: a, name: A, estimate: 4d, people: [ana] }
                  - { id: b, name: B, estimate: 4d, people: [bo] }
            """);

        var leveling = ProgramLeveler.Level(program);

        var delay = leveling.Delays.ShouldHaveSingleItem();
        delay.Resource!.Kind.ShouldBe(LevelingResourceKind.Team);
        delay.Reason.ShouldContain("Data Platform team is at capacity");
    }

    [Fact]
    public void A_team_pool_is_charged_what_its_on_call_people_can_give_so_their_items_still_run_side_by_side()
    {
        // Ana and Bo share a 20% on-call rotation: each gives at most 80% to project work, and the pool has
        // 200% - 20% = 180% every week. Their two items draw 80% each from the pool (what the people really give),
        // so 160% of 180% fits and neither waits. Charging the pool the uncapped 100% each (200% of 180%) would put
        // one item after the other.
        var program = Read(Header + """

            on-call:
              - { id: dba, name: DBA on-call, team: data, members: [ana, bo], load: 20%, shift: 1w }
            projects:
              - id: p
                name: P
                items:
                  - { id: a, name: A, estimate: 4d, people: [ana] }
                  - { id: b, name: B, estimate: 4d, people: [bo] }
            """);

        var leveling = ProgramLeveler.Level(program);

        leveling.Delays.ShouldBeEmpty();
        At(leveling, "a").Start.ShouldBe(new DateTime(2027, 1, 4, 8, 0, 0));
        At(leveling, "b").Start.ShouldBe(new DateTime(2027, 1, 4, 8, 0, 0));
        leveling.OverAllocationsBefore.ShouldBeEmpty();
        leveling.OverAllocationsAfter.ShouldBeEmpty();
    }

    [Fact]
    public void Work_moves_past_a_persons_leave()
    {
        var program = Read("""
            program: { id: s, name: Leveling, start: 2027-01-04 }
            people:
              - id: ana
                name: Ana
                role: engineer
                leave: [{ from: 2027-01-04, to: 2027-01-08 }]
            projects:
              - id: p
                name: P
                items:
                  - { id: a, name: A, estimate: 3d, people: [ana] }
            """);

        var leveling = ProgramLeveler.Level(program);

        At(leveling, "a").Start.ShouldBe(new DateTime(2027, 1, 11, 8, 0, 0));
        leveling.Delays.ShouldHaveSingleItem().Reason.ShouldContain("no capacity free");
    }

    [Fact]
    public void A_successor_of_a_delayed_item_moves_with_it_and_says_so()
    {
        // Ana is busy with A (in progress, so it stays); B waits for her, and C waits for B.
        var program = Read(Header.Replace("start: 2027-01-04 }", "start: 2027-01-04, status-date: 2027-01-04 }", StringComparison.Ordinal) + """

            projects:
              - id: p
                name: P
                items:
                  - { id: a, name: A, estimate: 3d, people: [ana], status: in-progress, actual-start: 2027-01-04 }
                  - { id: b, name: B, estimate: 2d, people: [ana] }
                  - { id: c, name: C, estimate: 1d, people: [bo], depends-on: [b] }
            """);

        var leveling = ProgramLeveler.Level(program);

        leveling.Delays.Single(d => d.Item.Value == "b").Reason.ShouldContain("Ana is at capacity with \"A\"");
        var c = leveling.Delays.Single(d => d.Item.Value == "c");
        c.Reason.ShouldContain("its predecessor \"B\" was delayed");
        c.ResourceDelayDays.ShouldBe(0);
        At(leveling, "c").Start.ShouldBeGreaterThanOrEqualTo(At(leveling, "b").Finish);
    }

    [Fact]
    public void Done_and_in_progress_items_stay_where_they_are()
    {
        var program = Read(Header.Replace("start: 2027-01-04 }", "start: 2027-01-04, status-date: 2027-01-05 }", StringComparison.Ordinal) + """

            projects:
              - id: p
                name: P
                items:
                  - { id: started, name: Started, estimate: 4d, people: [ana], status: in-progress, actual-start: 2027-01-04 }
                  - { id: next, name: Next, estimate: 2d, people: [ana] }
            """);

        var leveling = ProgramLeveler.Level(program);

        At(leveling, "started").Start.ShouldBe(leveling.Before[new WorkItemId("started")].Start);
        At(leveling, "next").Start.ShouldBeGreaterThanOrEqualTo(At(leveling, "started").Finish.Date);
    }

    [Fact]
    public void A_plan_without_assignments_or_teams_is_left_as_it_is()
    {
        var program = Read("""
            program: { id: s, name: Free, start: 2027-01-04 }
            projects:
              - { id: p, name: P, items: [{ id: a, name: A, estimate: 2d }, { id: b, name: B, estimate: 2d }] }
            """);

        var leveling = ProgramLeveler.Level(program);

        leveling.Delays.ShouldBeEmpty();
        leveling.Search.ShouldBeNull();
        leveling.After.ProjectFinish.ShouldBe(leveling.Before.ProjectFinish);
    }

    [Fact]
    public void Leveling_the_main_example_is_deterministic_and_leaves_no_overallocation_on_items_it_could_move()
    {
        var path = Path.Combine(RepoPaths.Examples, "cloud-migration.tl.yaml");
        var program = PlanReader.ReadFile(path).Program!;

        var first = ProgramLeveler.Level(program);
        var again = ProgramLeveler.Level(program);

        first.Delays.Select(d => (d.Item, d.LeveledStart)).ShouldBe(again.Delays.Select(d => (d.Item, d.LeveledStart)));
        first.Delays.ShouldNotBeEmpty();
        first.Delays.ShouldAllBe(d => d.Reason.StartsWith("starts ", StringComparison.Ordinal));
        first.After.ProjectFinish.ShouldBeGreaterThanOrEqualTo(first.Before.ProjectFinish);
        first.OverAllocationsAfter.Count.ShouldBeLessThan(first.OverAllocationsBefore.Count);
    }
}
