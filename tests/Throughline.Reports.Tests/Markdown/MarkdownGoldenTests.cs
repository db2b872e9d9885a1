using Markdig;
using Throughline.Reports.Markdown;
using Throughline.Testing;

namespace Throughline.Reports.Tests.Markdown;

/// <summary>
/// The Markdown report of examples/product-launch.tl.yaml on its status date (2027-06-14), without a forecast (the
/// forecast's random draws belong to the engine, and the golden file should change only when the report does).
/// To regenerate Golden/product-launch.md after an intended change, run:
/// <code>THROUGHLINE_UPDATE_GOLDEN=1 dotnet test tests/Throughline.Reports.Tests --filter "FullyQualifiedName~MarkdownGolden"</code>
/// then review the diff (<c>git diff tests/Throughline.Reports.Tests/Golden</c>) like any other change.
/// </summary>
public class MarkdownGoldenTests
{
    private static string GoldenPath => Path.Combine(RepoPaths.Root, "tests", "Throughline.Reports.Tests", "Golden", "product-launch.md");

    [Fact]
    public void The_small_example_s_report_matches_the_golden_file()
    {
        var markdown = MarkdownStatusReport.Write(ReportFixture.Report("product-launch.tl.yaml"));
        if (Environment.GetEnvironmentVariable("THROUGHLINE_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(GoldenPath, markdown);
        }

        markdown.ShouldBe(File.ReadAllText(GoldenPath).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void The_report_renders_with_its_tables_and_the_mermaid_gantt()
    {
        var markdown = MarkdownStatusReport.Write(ReportFixture.Report("product-launch.tl.yaml"));

        var html = Markdig.Markdown.ToHtml(markdown, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());

        html.ShouldContain("<table>");
        html.ShouldContain("class=\"mermaid\">gantt");   // Markdig, like GitHub, hands the block to Mermaid
        foreach (var heading in new[] { "Executive summary", "Committed dates and forecast", "Milestones in the next 30 days", "What changed", "Top risks", "Decisions needed", "Blocked work", "Budget and earned value", "Critical path", "Projects" })
        {
            markdown.ShouldContain("## " + heading);
        }
    }
}
