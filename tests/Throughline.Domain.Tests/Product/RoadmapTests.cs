using Throughline.Domain.Product;

namespace Throughline.Domain.Tests.Product;

public class RoadmapTests
{
    private static readonly ProjectId App = new("app");
    private static readonly DateOnly Today = new(2027, 3, 15);

    [Fact]
    public void Top_level_items_go_to_now_next_or_later_by_status_and_what_they_wait_on()
    {
        var program = new Program(new ProgramId("x"), "X", new DateOnly(2027, 1, 4))
        {
            Projects = [new Project(App, "App")],
            WorkItems =
            [
                Item("epic-a"),
                Item("a1", parent: "epic-a") with { Status = WorkItemStatus.InProgress },
                Item("a2", parent: "epic-a"),
                Item("b") with { Committed = new DateOnly(2027, 3, 1) },
                Item("c"),
                Item("d") with { WaitsOn = [new DecisionId("dec")] },
                Item("old") with { Status = WorkItemStatus.Done },
            ],
            Dependencies = [Dependency.FinishToStart(new("a1"), new("b")), Dependency.FinishToStart(new("b"), new("c"))],
            Decisions = [new Decision(new DecisionId("dec"), "Which?")],
        };

        var roadmap = Roadmap.Build(program, Today);

        roadmap.Select(e => (e.Item.Value, e.Horizon)).ShouldBe([("epic-a", RoadmapHorizon.Now), ("b", RoadmapHorizon.Next), ("c", RoadmapHorizon.Later), ("d", RoadmapHorizon.Later)]);
        roadmap[1].Overdue.ShouldBeTrue();
        roadmap[1].Date.ShouldBe(new DateOnly(2027, 3, 1));
        roadmap[2].Reason.ShouldBe("waits on b (not started)");
        roadmap[3].Reason.ShouldBe("waits on open decision dec");
    }

    private static WorkItem Item(string id, string? parent = null) =>
        new(new WorkItemId(id), id, App) { Parent = parent is null ? null : new WorkItemId(parent) };
}
