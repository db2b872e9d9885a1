using Throughline.Testing;

namespace Throughline.Cli.Tests.Commands;

public class ShowCommandTests
{
    [Fact]
    public void Shows_every_project_with_its_owners_and_the_registers()
    {
        var file = Path.Combine(RepoPaths.Examples, "cloud-migration.tl.yaml");
        var program = Throughline.Interop.Plan.PlanReader.ReadFile(file).Program!;

        var (exitCode, output, _) = TlRunner.Run("show", file);

        exitCode.ShouldBe(0);
        foreach (var project in program.Projects)
        {
            output.ShouldContain(project.Name);
        }

        output.ShouldContain("PM ");
        output.ShouldContain("TPM ");
        output.ShouldContain("Risks by schedule exposure");
        output.ShouldContain("Decisions");
        output.ShouldContain("Teams");
    }

    [Fact]
    public void Shows_the_product_and_engineering_sides()
    {
        var file = Path.Combine(RepoPaths.Examples, "cloud-migration.tl.yaml");

        var (exitCode, output, _) = TlRunner.Run("show", file, "--depth", "1");

        exitCode.ShouldBe(0);
        output.ShouldContain("Monthly infrastructure cost (NJ1 + AWS): 410 -> 428 -> 305 kUSD (0% of the way, worsening)");
        output.ShouldContain("Product metrics");
        output.ShouldContain("Problems and requirements");
        output.ShouldContain("must: Route any tenant to NJ1 or AWS within 5 minutes, without a deploy");
        output.ShouldContain("Rosters");
        output.ShouldContain("Site Reliability Engineering: Grace Okafor (lead), Felix Wagner");
        output.ShouldContain("Weekly active dispatchers");
        output.ShouldContain("Roadmap (as of 2027-03-15)");
        output.ShouldContain("Backlog by RICE");
        output.ShouldContain("Backlog by WSJF");
        output.ShouldContain("below lz-savings-plan (15) mainly on job size: 3 against 1");
        output.ShouldContain("Capacity and team health");
        output.ShouldContain("Allocations");
        output.ShouldContain("frequent on-call");
        output.ShouldContain("shared team Site Reliability Engineering: shared by 3 projects (app-replatform, cutover, observability)");
        output.ShouldContain("Technical decision records");
        output.ShouldContain("adr-001");
    }

    [Fact]
    public void A_plan_with_errors_is_not_shown_and_exits_2()
    {
        var file = Path.Combine(Path.GetTempPath(), "tl-show-" + Guid.NewGuid().ToString("N") + ".tl.yaml");
        File.WriteAllText(file, "program:\n  id: x\n  name: X\n  start: not-a-date\n");
        try
        {
            var (exitCode, _, error) = TlRunner.Run("show", file);

            exitCode.ShouldBe(2);
            error.ShouldContain(":4:10: error TL1006");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Version_prints_the_version()
    {
        var (exitCode, output, _) = TlRunner.Run("--version");

        exitCode.ShouldBe(0);
        output.Trim().ShouldNotBeEmpty();
    }
}
