using System.Text.Json.Nodes;
using Throughline.Web.Ui;

namespace Throughline.Web.Tests.Ui;

public sealed class EntityFormsTests
{
    private static readonly IReadOnlyList<FieldSpec> ItemFields = EntityForms.All["work-items"].Fields;

    [Fact]
    public void The_body_keeps_fields_the_form_does_not_show_and_drops_the_ones_left_empty()
    {
        var current = JsonNode.Parse("""{ "id": "a", "name": "A", "project": "app", "estimate": "5d", "committed": "2027-05-01", "tags": ["x"], "version": 3 }""")!.AsObject();
        var posted = new Dictionary<string, string> { ["name"] = "A2", ["estimate"] = "3d 5d 9d", ["committed"] = "", ["people"] = "p-ana, p-ben 50%" };

        var body = EntityForms.Body(current, ItemFields, posted.GetValueOrDefault);

        body["name"]!.ToString().ShouldBe("A2");
        body["estimate"]!.ToJsonString().ShouldBe("""{"optimistic":"3d","likely":"5d","pessimistic":"9d"}""");
        body.ContainsKey("committed").ShouldBeFalse();
        body["people"]!.AsArray().Select(p => p!.ToString()).ShouldBe(["p-ana", "p-ben 50%"]);
        body["tags"]!.ToJsonString().ShouldBe("""["x"]""");
        body.ContainsKey("version").ShouldBeFalse();
        body["project"]!.ToString().ShouldBe("app");
    }

    [Fact]
    public void Three_words_that_are_not_durations_go_to_the_api_as_written_so_that_it_says_what_is_wrong()
    {
        var estimate = ItemFields.Single(f => f.Name == "estimate");

        estimate.Parse("not a duration")!.ToJsonString().ShouldBe("\"not a duration\"");
        estimate.Show(JsonNode.Parse("""{"optimistic":"3d","likely":"5d","pessimistic":"9d"}""")).ShouldBe("3d 5d 9d");
    }

    [Fact]
    public void Differences_name_each_changed_field_with_its_values_before_and_after()
    {
        var before = JsonNode.Parse("""{ "title": "T", "probability": "60%", "owner": "p-a" }""")!.AsObject();
        var after = JsonNode.Parse("""{ "title": "T", "probability": "75%", "trigger": "x" }""")!.AsObject();

        EntityForms.Differences(before, after).ShouldBe([("probability", "60%", "75%"), ("owner", "p-a", ""), ("trigger", "", "x")]);
    }
}
