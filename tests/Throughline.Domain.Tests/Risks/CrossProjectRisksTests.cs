using Throughline.Domain;
using Throughline.Domain.Risks;

namespace Throughline.Domain.Tests.Risks;

public class CrossProjectRisksTests
{
    private static readonly ProjectId Platform = new("platform");
    private static readonly ProjectId Billing = new("billing");

    // shared -> a -> platform-live (committed, platform)
    //        \-> phase (summary of b) ; b -> billing-live (committed, billing)
    // lonely -> lonely-live (not committed)
    private static Program Network(params Risk[] risks) => new(new ProgramId("x"), "X", new DateOnly(2027, 1, 4))
    {
        Projects = [new Project(Platform, "Platform"), new Project(Billing, "Billing")],
        WorkItems =
        [
            new WorkItem(Id("shared"), "Shared cluster", Platform),
            new WorkItem(Id("a"), "A", Platform),
            new WorkItem(Id("platform-live"), "Platform live", Platform) { Kind = WorkItemKind.Milestone, Committed = new DateOnly(2027, 3, 1) },
            new WorkItem(Id("phase"), "Billing phase", Billing),
            new WorkItem(Id("b"), "B", Billing) { Parent = Id("phase") },
            new WorkItem(Id("billing-live"), "Billing live", Billing) { Kind = WorkItemKind.Milestone, Committed = new DateOnly(2027, 4, 1) },
            new WorkItem(Id("lonely"), "Lonely", Billing),
            new WorkItem(Id("lonely-live"), "Lonely live", Billing) { Kind = WorkItemKind.Milestone },
        ],
        Dependencies =
        [
            Dependency.FinishToStart(Id("shared"), Id("a")),
            Dependency.FinishToStart(Id("a"), Id("platform-live")),
            Dependency.FinishToStart(Id("shared"), Id("phase")),
            Dependency.FinishToStart(Id("phase"), Id("billing-live")),
            Dependency.FinishToStart(Id("lonely"), Id("lonely-live")),
        ],
        Risks = risks,
    };

    private static WorkItemId Id(string value) => new(value);

    private static Risk On(string id, params string[] items) => new(new RiskId(id), id, new Probability(0.5)) { LinkedItems = [.. items.Select(Id)] };

    [Fact]
    public void A_risk_upstream_of_two_projects_commitments_is_systemic()
    {
        var reached = CrossProjectRisks.ProjectsReached(Network(On("r", "shared")));

        reached[new RiskId("r")].ShouldBe([Platform, Billing]);
        CrossProjectRisks.IsSystemic(reached, new RiskId("r")).ShouldBeTrue();
    }

    [Fact]
    public void A_child_of_a_summary_on_the_path_is_on_the_path()
    {
        CrossProjectRisks.ProjectsReached(Network(On("r", "b")))[new RiskId("r")].ShouldBe([Billing]);
    }

    [Fact]
    public void Items_on_one_project_s_paths_only_are_not_systemic()
    {
        var reached = CrossProjectRisks.ProjectsReached(Network(On("one", "a", "platform-live"), On("none", "lonely")));

        reached[new RiskId("one")].ShouldBe([Platform]);
        reached[new RiskId("none")].ShouldBeEmpty();
        CrossProjectRisks.IsSystemic(reached, new RiskId("one")).ShouldBeFalse();
    }

    [Fact]
    public void A_risk_linked_to_items_of_two_projects_is_systemic_through_their_commitments()
    {
        CrossProjectRisks.IsSystemic(CrossProjectRisks.ProjectsReached(Network(On("r", "a", "b"))), new RiskId("r")).ShouldBeTrue();
    }
}
