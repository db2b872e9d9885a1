using Throughline.Domain.Diagnostics;

namespace Throughline.Domain.Tests.Diagnostics;

public class ProgramValidatorTests
{
    private static readonly ProjectId Alpha = new("alpha");
    private static readonly ProjectId Beta = new("beta");

    [Fact]
    public void A_cycle_across_two_projects_names_its_members_and_points_at_the_closing_link()
    {
        var program = Program([Item("a1", Alpha), Item("a2", Alpha), Item("b1", Beta)], [Link("a1", "a2"), Link("a2", "b1"), Link("b1", "a1")]);

        var diagnostic = ProgramValidator.Validate(program).ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe(DiagnosticCodes.DependencyCycle);
        diagnostic.Message.ShouldBe("dependency cycle: a1 -> a2 -> b1 -> a1");
        diagnostic.Subject.ShouldBe(new DiagnosticSubject(EntityKind.Dependency, 2, "item"));
    }

    [Fact]
    public void A_valid_program_has_no_diagnostics() =>
        ProgramValidator.Validate(Program([Item("a1", Alpha), Item("b1", Beta)], [Link("a1", "b1")])).ShouldBeEmpty();

    [Fact]
    public void A_team_with_stated_capacity_and_no_members_may_take_work()
    {
        var team = new Team(new TeamId("t"), "T") { Capacity = new WorkDuration(60 * 80) };
        var item = Item("a1", Alpha) with { Assignments = [Assignment.ToTeam(team.Id)] };

        ProgramValidator.Validate(Program([item], []) with { Teams = [team] }).ShouldBeEmpty();
    }

    [Fact]
    public void Every_dangling_reference_is_reported_once_each()
    {
        var item = Item("a1", Alpha) with { Assignments = [Assignment.ToPerson(new PersonId("ghost"))], WaitsOn = [new DecisionId("d-x")] };

        var diagnostics = ProgramValidator.Validate(Program([item], [Link("nope", "a1")]));

        diagnostics.Select(d => d.Message).ShouldBe(["undefined person 'ghost'", "undefined decision 'd-x'", "undefined work item 'nope'"], ignoreOrder: true);
        diagnostics.ShouldAllBe(d => d.Code == DiagnosticCodes.UndefinedReference);
    }

    private static Program Program(WorkItem[] items, Dependency[] links) => new(new ProgramId("p"), "P", new DateOnly(2027, 1, 4))
    {
        Projects = [new Project(Alpha, "Alpha"), new Project(Beta, "Beta")],
        WorkItems = items,
        Dependencies = links,
    };

    private static WorkItem Item(string id, ProjectId project) => new(new WorkItemId(id), id.ToUpperInvariant(), project);

    private static Dependency Link(string from, string to) => Dependency.FinishToStart(new WorkItemId(from), new WorkItemId(to));
}
