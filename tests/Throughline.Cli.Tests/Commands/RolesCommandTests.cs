using Throughline.Testing;

namespace Throughline.Cli.Tests.Commands;

public class RolesCommandTests
{
    private static readonly string MainExample = Path.Combine(RepoPaths.Examples, "cloud-migration.tl.yaml");

    [Fact]
    public void Shows_coverage_for_every_project_and_the_gaps_the_example_was_written_to_contain()
    {
        var (exitCode, output, error) = TlRunner.Run("roles", MainExample);

        exitCode.ShouldBe(0, error);
        output.ShouldContain("Responsibility");
        output.ShouldContain("cross-team");
        output.ShouldContain("no product manager: landing-zone has no product manager");
        output.ShouldContain("EM acting as TPM: Marta Kowalski (p-marta) is both engineering manager and TPM of billing-migration");
        output.ShouldContain("could cover as PM for a while:");
        output.ShouldContain("could cover as TPM for a while:");
        output.ShouldContain("Role holders");
        output.ShouldMatch(@"Marta Kowalski\s+│ engineering manager\s+│ EM of billing-migration; TPM of billing-migration");
    }

    [Fact]
    public void A_plan_with_errors_exits_2()
    {
        var file = Path.Combine(Path.GetTempPath(), "tl-roles-" + Guid.NewGuid().ToString("N") + ".tl.yaml");
        File.WriteAllText(file, "program:\n  id: x\n  name: X\n  start: not-a-date\n");
        try
        {
            var (exitCode, _, error) = TlRunner.Run("roles", file);

            exitCode.ShouldBe(2);
            error.ShouldContain("error TL1006");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
