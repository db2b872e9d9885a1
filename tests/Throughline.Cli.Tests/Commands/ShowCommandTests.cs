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
