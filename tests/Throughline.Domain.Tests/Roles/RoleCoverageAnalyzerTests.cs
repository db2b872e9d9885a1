using Throughline.Domain.Roles;

namespace Throughline.Domain.Tests.Roles;

/// <summary>Small programs, each built to have one role gap (or none), and what the analyzer makes of them.</summary>
public class RoleCoverageAnalyzerTests
{
    private static readonly PersonId Pia = new("p-pia");
    private static readonly PersonId Ed = new("p-ed");
    private static readonly PersonId Tara = new("p-tara");
    private static readonly PersonId Paul = new("p-paul");
    private static readonly PersonId Tom = new("p-tom");

    [Fact]
    public void A_fully_staffed_project_has_no_gaps_and_every_responsibility_covered_by_its_role()
    {
        var report = RoleCoverageAnalyzer.Analyze(Program(Project("web", Pia, Ed, Tara)));

        report.Gaps.ShouldBeEmpty();
        var web = report.Projects.ShouldHaveSingleItem();
        web[Responsibility.Requirements].Person.ShouldBe(Pia);
        web[Responsibility.TechnicalDecisions].Person.ShouldBe(Ed);
        web[Responsibility.Dependencies].Person.ShouldBe(Tara);
        web.Responsibilities.ShouldAllBe(r => r.Source == CoverageSource.RoleHolder);
        report.Program.ShouldAllBe(r => r.UncoveredIn.Count == 0);
    }

    [Fact]
    public void A_project_without_a_product_manager_leaves_the_product_responsibilities_uncovered()
    {
        var report = RoleCoverageAnalyzer.Analyze(Program(Project("web", null, Ed, Tara)));

        var gap = report.Gaps.ShouldHaveSingleItem();
        gap.Kind.ShouldBe(RoleGapKind.NoProductManager);
        gap.Project.ShouldBe(new ProjectId("web"));
        foreach (var responsibility in Responsibilities.OwnedBy(FunctionalRole.ProductManager))
        {
            report.Projects[0][responsibility].IsCovered.ShouldBeFalse();
        }

        report.Program.Single(p => p.Responsibility == Responsibility.Priorities).UncoveredIn.ShouldBe([new ProjectId("web")]);
    }

    [Fact]
    public void The_owner_of_an_objective_the_project_moves_stands_in_for_objectives()
    {
        var program = Program(Project("web", null, Ed, Tara) with { Objectives = [new ObjectiveId("o1")] }) with
        {
            Objectives = [new Objective(new ObjectiveId("o1"), "Grow") { Owner = Paul }],
        };

        var coverage = RoleCoverageAnalyzer.Analyze(program).Projects[0][Responsibility.Objectives];

        coverage.Person.ShouldBe(Paul);
        coverage.Source.ShouldBe(CoverageSource.StandIn);
    }

    [Fact]
    public void A_project_without_an_engineering_manager_is_covered_by_its_team_lead_as_a_stand_in()
    {
        var program = Program(Project("web", Pia, null, Tara) with { OwningTeam = new TeamId("t") }) with { Teams = [new Team(new TeamId("t"), "T") { Lead = Tom }] };

        var report = RoleCoverageAnalyzer.Analyze(program);

        report.Gaps.ShouldHaveSingleItem().Kind.ShouldBe(RoleGapKind.NoEngineeringManager);
        report.Projects[0][Responsibility.Staffing].Person.ShouldBe(Tom);
        report.Projects[0][Responsibility.Staffing].Source.ShouldBe(CoverageSource.StandIn);
    }

    [Fact]
    public void A_project_without_a_tpm_and_no_cross_project_links_is_a_plain_no_tpm_gap()
    {
        var report = RoleCoverageAnalyzer.Analyze(Program(Project("web", Pia, Ed, null)));

        report.Gaps.ShouldHaveSingleItem().Kind.ShouldBe(RoleGapKind.NoProgramManager);
    }

    [Fact]
    public void Cross_project_dependencies_without_a_tpm_are_flagged_as_unowned_and_the_linked_tpm_is_suggested()
    {
        var program = Program(Project("web", Pia, Ed, null), Project("api", Paul, Tom, Tara)) with
        {
            WorkItems = [new WorkItem(new WorkItemId("w1"), "Page", new ProjectId("web")), new WorkItem(new WorkItemId("a1"), "Endpoint", new ProjectId("api"))],
            Dependencies = [Dependency.FinishToStart(new WorkItemId("a1"), new WorkItemId("w1"))],
        };

        var gap = RoleCoverageAnalyzer.Analyze(program).Gaps.ShouldHaveSingleItem();

        gap.Kind.ShouldBe(RoleGapKind.UnownedCrossTeamDependencies);
        gap.Message.ShouldContain("1 cross-project dependency (with api)");
        var first = gap.Suggestions.First();
        first.Person.ShouldBe(Tara);
        first.Reasons.ShouldContain("TPM of api, which shares dependencies with web");
    }

    [Fact]
    public void The_same_person_as_engineering_manager_and_tpm_is_flagged_and_not_suggested_for_the_tpm_role()
    {
        var program = Program(Project("web", Pia, Ed, Ed), Project("api", Paul, Tom, Tara));

        var gap = RoleCoverageAnalyzer.Analyze(program).Gaps.ShouldHaveSingleItem();

        gap.Kind.ShouldBe(RoleGapKind.EngineeringManagerActsAsProgramManager);
        gap.Person.ShouldBe(Ed);
        gap.MissingRole.ShouldBe(FunctionalRole.ProgramManager);
        gap.Suggestions.Select(s => s.Person).ShouldNotContain(Ed);
        gap.Suggestions.First().Person.ShouldBe(Tara);
    }

    [Fact]
    public void An_engineering_manager_by_role_named_as_tpm_of_another_teams_project_is_flagged()
    {
        var report = RoleCoverageAnalyzer.Analyze(Program(Project("web", Pia, Tom, Ed)));

        var gap = report.Gaps.ShouldHaveSingleItem();
        gap.Kind.ShouldBe(RoleGapKind.EngineeringManagerActsAsProgramManager);
        gap.Message.ShouldContain("an engineering manager, acts as TPM of web");
    }

    [Fact]
    public void One_person_in_all_three_roles_of_a_project_is_one_gap_about_that_person()
    {
        var gap = RoleCoverageAnalyzer.Analyze(Program(Project("web", Pia, Pia, Pia))).Gaps.ShouldHaveSingleItem();

        gap.Kind.ShouldBe(RoleGapKind.ThreeRolesOnePerson);
        gap.Person.ShouldBe(Pia);
    }

    [Fact]
    public void One_person_in_all_three_roles_across_projects_is_flagged_for_the_program()
    {
        var program = Program(Project("a", Tara, Ed, Paul), Project("b", Pia, Tara, Paul), Project("c", Pia, Ed, Tara));

        var gap = RoleCoverageAnalyzer.Analyze(program).Gaps.Single(g => g.Kind == RoleGapKind.ThreeRolesOnePerson);

        gap.Project.ShouldBeNull();
        gap.Person.ShouldBe(Tara);
        gap.Message.ShouldContain("PM of a; EM of b; TPM of c");
    }

    [Fact]
    public void A_product_manager_who_is_also_the_tpm_is_two_roles_one_person()
    {
        var gap = RoleCoverageAnalyzer.Analyze(Program(Project("web", Pia, Ed, Pia))).Gaps.ShouldHaveSingleItem();

        gap.Kind.ShouldBe(RoleGapKind.TwoRolesOnePerson);
        gap.MissingRole.ShouldBe(FunctionalRole.ProgramManager);
    }

    [Fact]
    public void Suggestions_prefer_people_in_the_role_with_spare_time_and_give_their_reasons()
    {
        var busy = new Person(new PersonId("p-busy"), "Busy", FunctionalRole.ProductManager) { Allocations = [new Allocation(new ProjectId("api"), 100)] };
        var free = new Person(new PersonId("p-free"), "Free", FunctionalRole.ProductManager) { Allocations = [new Allocation(new ProjectId("api"), 20)] };
        var engineer = new Person(new PersonId("p-eng"), "Eng", FunctionalRole.Engineer);
        var program = Program(Project("web", null, Ed, Tara), Project("api", busy.Id, Tom, Tara)) with { People = [.. People(), busy, free, engineer] };

        var gap = RoleCoverageAnalyzer.Analyze(program).Gaps.ShouldHaveSingleItem();

        gap.Suggestions.Select(s => s.Person.Value).ShouldBe(["p-pia", "p-free", "p-busy"]);
        gap.Suggestions[1].Reasons.ShouldBe(["a product manager by role", "80% of their time unallocated"]);
        gap.Suggestions[2].Reasons.ShouldContain("fully allocated");
    }

    private static Program Program(params Project[] projects) => new(new ProgramId("x"), "X", new DateOnly(2027, 1, 4)) { Projects = projects, People = People() };

    private static Person[] People() =>
    [
        new(Pia, "Pia", FunctionalRole.ProductManager),
        new(Ed, "Ed", FunctionalRole.EngineeringManager),
        new(Tara, "Tara", FunctionalRole.ProgramManager),
        new(Paul, "Paul", FunctionalRole.Executive),
        new(Tom, "Tom", FunctionalRole.EngineeringManager),
    ];

    private static Project Project(string id, PersonId? pm, PersonId? em, PersonId? tpm) =>
        new(new ProjectId(id), id) { ProductManager = pm, EngineeringManager = em, ProgramManager = tpm };
}
