using Throughline.Testing;

namespace Throughline.Cli.Tests;

public class ReportCommandTests
{
    private static readonly string Small = Path.Combine(RepoPaths.Examples, "product-launch.tl.yaml");
    private static readonly string Large = Path.Combine(RepoPaths.Examples, "cloud-migration.tl.yaml");

    [Fact]
    public void Writes_the_markdown_report_for_the_plan_s_status_date_by_default()
    {
        var (exitCode, output, error) = TlRunner.Run("report", Small, "--iterations", "200");

        exitCode.ShouldBe(0, error);
        output.ShouldStartWith("# Smart Suggestions launch: status report\n");
        output.ShouldContain("Report date 2027-06-14");
        output.ShouldContain("(200 simulations)");
        output.ShouldContain("```mermaid\ngantt\n");
        output.ShouldContain("## Projects");
    }

    [Fact]
    public void Writes_the_html_report_to_a_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tl-report-{Guid.NewGuid():N}.html");
        try
        {
            var (exitCode, output, error) = TlRunner.Run("report", Large, "--format", "html", "--out", path, "--iterations", "200");

            exitCode.ShouldBe(0, error);
            output.ShouldBeEmpty();
            var html = File.ReadAllText(path);
            html.ShouldStartWith("<!DOCTYPE html>");
            html.ShouldContain("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart gantt\"");
            html.ShouldEndWith("</html>\n");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_status_date_option_sets_the_report_date()
    {
        var (exitCode, output, _) = TlRunner.Run("report", Small, "--iterations", "0", "--status-date", "2027-07-20");

        exitCode.ShouldBe(0);
        output.ShouldContain("Report date 2027-07-20 · progress as of 2027-06-14");
        output.ShouldContain("Status is 36 days old");
    }

    [Fact]
    public void Since_a_baseline_lists_what_changed()
    {
        var baseline = Path.Combine(Path.GetTempPath(), $"tl-baseline-{Guid.NewGuid():N}.tl.yaml");
        try
        {
            // The baseline: the optimiser needed two days less, and the pricing risk was not yet raised.
            var text = File.ReadAllText(Small)
                .Replace("remaining: 7d", "remaining: 5d", StringComparison.Ordinal)
                .Replace("  - id: r-pricing-late", "  - id: r-pricing-late-old", StringComparison.Ordinal);
            File.WriteAllText(baseline, text);

            var (exitCode, output, error) = TlRunner.Run("report", Small, "--iterations", "0", "--since", baseline);

            exitCode.ShouldBe(0, error);
            output.ShouldContain($"### What changed since {Path.GetFileName(baseline)}");
            output.ShouldContain("- Suggestion service production-ready slipped 2 working days");
            output.ShouldContain("- New risk: Pricing decision late, entitlements and launch assets wait");
        }
        finally
        {
            File.Delete(baseline);
        }
    }

    [Fact]
    public void A_bad_status_date_is_a_usage_error()
    {
        var (exitCode, _, error) = TlRunner.Run("report", Small, "--status-date", "14/06/2027");

        exitCode.ShouldBe(1);
        error.ShouldContain("--status-date '14/06/2027' is not a date");
    }

    [Fact]
    public void An_invalid_plan_gives_its_diagnostics_and_exit_code_2()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tl-bad-{Guid.NewGuid():N}.tl.yaml");
        try
        {
            File.WriteAllText(path, "program:\n  id: x\n  name: X\n  start: 2027-01-04\nhealth:\n  budget: { amber-cpi: -1 }\n");

            var (exitCode, _, error) = TlRunner.Run("report", path);

            exitCode.ShouldBe(2);
            error.ShouldContain(":6:24: error");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
