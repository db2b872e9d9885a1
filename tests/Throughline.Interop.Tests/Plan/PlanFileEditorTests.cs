using Throughline.Domain;
using Throughline.Interop.Plan;
using YamlDotNet.RepresentationModel;

namespace Throughline.Interop.Tests.Plan;

public class PlanFileEditorTests
{
    private static readonly string Plan = PlanText.WithItems("""
        # the design comes first
        - id: a
          name: Design   # owned by web
          estimate: 32h

          status: in-progress
        - { id: b, name: Build, estimate: 5d, depends-on: [a] }
        - id: c
          name: "Ship: it"
          estimate: 1d
          depends-on:
            - a
            - b SS+1d   # overlap
        """);

    private static PlanFileEditor Open(string text) => PlanFileEditor.Open(text) ?? throw new InvalidOperationException("not a plan");

    private static string[] Changed(string before, string after)
    {
        var old = before.Split('\n');
        return after.Split('\n').Where(l => !old.Contains(l)).ToArray();
    }

    [Fact]
    public void Setting_a_new_field_on_a_block_item_adds_one_line_in_the_writers_order_and_keeps_the_rest()
    {
        var edited = Open(Plan).SetItemField(new WorkItemId("a"), "constraint", new YamlScalarNode("snet 2027-02-01")).Text;

        Changed(Plan, edited).ShouldBe(["        constraint: snet 2027-02-01"]);
        edited.Replace("        constraint: snet 2027-02-01\n", string.Empty, StringComparison.Ordinal).ShouldBe(Plan);
        edited.IndexOf("constraint", StringComparison.Ordinal).ShouldBeGreaterThan(edited.IndexOf("status: in-progress", StringComparison.Ordinal));
    }

    [Fact]
    public void Setting_a_field_on_a_flow_item_adds_it_inside_the_braces()
    {
        var edited = Open(Plan).SetItemField(new WorkItemId("b"), "constraint", new YamlScalarNode("snet 2027-02-01")).Text;

        Changed(Plan, edited).ShouldBe(["      - { id: b, name: Build, estimate: 5d, depends-on: [a], constraint: snet 2027-02-01 }"]);
    }

    [Fact]
    public void Replacing_a_value_keeps_the_comment_on_its_line_and_quotes_only_when_yaml_needs_it()
    {
        var edited = Open(Plan)
            .SetItemField(new WorkItemId("a"), "name", new YamlScalarNode("Design: API"))
            .SetItemField(new WorkItemId("b"), "name", new YamlScalarNode("Build, test"))
            .Text;

        edited.ShouldContain("        name: 'Design: API'   # owned by web");
        edited.ShouldContain("{ id: b, name: 'Build, test', estimate: 5d");
        PlanReader.Read(edited, "x.tl.yaml").Program!.WorkItems.Select(i => i.Name).ShouldBe(["Design: API", "Build, test", "Ship: it"]);
    }

    [Fact]
    public void Removing_a_field_removes_its_line_only()
    {
        var edited = Open(Plan).SetItemField(new WorkItemId("a"), "status", null).SetItemField(new WorkItemId("b"), "estimate", null).Text;

        edited.ShouldNotContain("status: in-progress");
        edited.ShouldContain("- { id: b, name: Build, depends-on: [a] }");
        edited.ShouldContain("# the design comes first");
        edited.ShouldContain("estimate: 32h\n\n");
    }

    [Fact]
    public void Links_are_added_and_removed_in_the_list_style_the_item_uses()
    {
        var edited = Open(Plan)
            .AddLink(new WorkItemId("b"), new YamlScalarNode("c FF"))
            .AddLink(new WorkItemId("c"), new YamlScalarNode("a SS"))
            .RemoveLink(new WorkItemId("c"), new WorkItemId("b"))
            .Text;

        edited.ShouldContain("depends-on: [a, c FF] }");
        edited.ShouldContain("          - a\n          - a SS\n");
        edited.ShouldNotContain("overlap");
    }

    [Fact]
    public void Removing_the_only_link_removes_the_field_and_adding_to_an_item_without_links_writes_a_flow_list()
    {
        var edited = Open(Plan).RemoveLink(new WorkItemId("b"), new WorkItemId("a")).AddLink(new WorkItemId("a"), new YamlScalarNode("b")).Text;

        edited.ShouldContain("- { id: b, name: Build, estimate: 5d }");
        edited.ShouldContain("        depends-on: [b]\n");
    }

    [Fact]
    public void Items_are_added_at_the_end_of_their_project_and_removed_with_their_lines()
    {
        var item = new YamlMappingNode { { "id", "d" }, { "name", "Launch" }, { "milestone", "true" } };

        var edited = Open(Plan).AddItem(new ProjectId("site"), null, item).RemoveItem(new WorkItemId("a")).Text;

        edited.ShouldNotContain("Design   #");
        edited.ShouldEndWith("          - b SS+1d   # overlap\n      - id: d\n        name: Launch\n        milestone: true\n");
        edited.ShouldContain("# the design comes first\n      - { id: b");
    }

    [Fact]
    public void Windows_line_endings_are_kept_on_new_lines()
    {
        var crlf = Plan.Replace("\n", "\r\n", StringComparison.Ordinal);

        var edited = Open(crlf).SetItemField(new WorkItemId("c"), "deadline", new YamlScalarNode("2027-03-01")).Text;

        edited.ShouldContain("        deadline: 2027-03-01\r\n");
        edited.Replace("\r\n", string.Empty, StringComparison.Ordinal).ShouldNotContain("\n");
    }

    [Fact]
    public void Sync_rewrites_only_the_fields_that_changed_and_keeps_the_original_spelling_of_the_rest()
    {
        var before = PlanReader.Read(Plan, "x.tl.yaml").Program!;
        var after = before with
        {
            WorkItems = before.WorkItems.Select(i => i.Id.Value == "c" ? i with { Status = WorkItemStatus.Done, Progress = new Progress { ActualStart = new DateTime(2027, 1, 4, 8, 0, 0), ActualFinish = new DateTime(2027, 1, 4, 17, 0, 0), PercentComplete = 100 } } : i).ToList(),
        };

        var edited = PlanFileEditor.Sync(Plan, before, after);

        edited.ShouldContain("estimate: 32h");
        Changed(Plan, edited).ShouldBe(["        status: done", "        actual-start: 2027-01-04T08:00", "        actual-finish: 2027-01-04T17:00", "        percent-complete: 100%"], ignoreOrder: true);
        PlanWriter.Write(PlanReader.Read(edited, "x.tl.yaml").Program!).ShouldBe(PlanWriter.Write(after));
    }
}
