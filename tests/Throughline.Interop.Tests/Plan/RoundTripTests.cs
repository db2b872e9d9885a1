using Throughline.Interop.Plan;
using Throughline.Testing;

namespace Throughline.Interop.Tests.Plan;

public class RoundTripTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepoPaths.Examples, "*.tl.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_validates_without_errors_or_warnings(string example)
    {
        var result = PlanReader.ReadFile(Path.Combine(RepoPaths.Examples, example));

        result.Diagnostics.ShouldBeEmpty(string.Join(Environment.NewLine, result.Diagnostics));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Writing_an_example_and_reading_it_back_gives_the_same_program(string example)
    {
        var original = PlanReader.ReadFile(Path.Combine(RepoPaths.Examples, example)).Program!;

        var written = PlanWriter.Write(original);
        var reread = PlanReader.Read(written, "written.tl.yaml");

        reread.Diagnostics.ShouldBeEmpty(string.Join(Environment.NewLine, reread.Diagnostics));
        PlanWriter.Write(reread.Program!).ShouldBe(written);
        ProgramShape.Describe(reread.Program!).ShouldBe(ProgramShape.Describe(original));
    }

    [Fact]
    public void Owners_links_and_a_dependencys_need_by_and_note_survive_writing()
    {
        var text = PlanText.WithItems("""
            - { id: a, name: A, estimate: 2d, owner: p-a, link: "https://tracker.example.com/A-1" }
            - id: b
              name: B
              depends-on: [{ item: a, type: SS, lag: 1d, need-by: 2027-02-01, note: "agreed, in writing" }]
            """);

        var program = PlanReader.Read(text, "x.tl.yaml").Program!;
        var reread = PlanReader.Read(PlanWriter.Write(program), "y.tl.yaml");

        reread.Diagnostics.ShouldBeEmpty();
        var item = reread.Program!.WorkItems[0];
        item.Owner.ShouldBe(new Domain.PersonId("p-a"));
        item.Link.ShouldBe("https://tracker.example.com/A-1");
        var link = reread.Program.Dependencies.ShouldHaveSingleItem();
        link.NeedBy.ShouldBe(new DateOnly(2027, 2, 1));
        link.Note.ShouldBe("agreed, in writing");
        link.Type.ShouldBe(Domain.DependencyType.StartToStart);
    }

    [Fact]
    public void A_link_that_is_not_a_web_address_and_an_unknown_owner_are_errors()
    {
        var result = PlanReader.Read(PlanText.WithItems("- { id: a, name: A, owner: p-zed, link: tracker/A-1 }"), "x.tl.yaml");

        result.Diagnostics.Select(d => d.Message).ShouldContain(m => m.Contains("is not an http(s) URL", StringComparison.Ordinal));
        result.Diagnostics.Select(d => d.Message).ShouldContain(m => m.Contains("undefined person 'p-zed'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_small_plan_survives_writing_field_for_field()
    {
        var text = PlanText.WithItems("""
            - id: a
              name: Design
              description: The API design
              estimate: { optimistic: 2d, likely: 3d, pessimistic: 5d }
              effort: 6d
              team: "web 200%"
              status: in-progress
              actual-start: 2027-01-05T13:00
              percent-complete: 40%
              remaining: 2d
              constraint: snet 2027-01-05
              deadline: 2027-01-29
              tags: [api]
            - id: b
              name: Build
              estimate: 5d
              people: ["p-a 50%"]
              depends-on: [a, "a SS+1d", "a FF-2h", "a SF+2ed"]
            - id: m
              name: Done
              milestone: true
              committed: 2027-03-01
              depends-on: [b, "a FS+25%"]
            """);
        var original = PlanReader.Read(text, "plan.tl.yaml");
        original.Diagnostics.ShouldBeEmpty();

        var reread = PlanReader.Read(PlanWriter.Write(original.Program!), "written.tl.yaml");

        reread.Diagnostics.ShouldBeEmpty();
        ProgramShape.Describe(reread.Program!).ShouldBe(ProgramShape.Describe(original.Program!));
    }
}
