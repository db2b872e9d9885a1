using System.Text.Json;
using Throughline.Testing;

namespace Throughline.Cli.Tests.Commands;

public sealed class DiffCommandTests : IDisposable
{
    private static readonly string MainExample = Path.Combine(RepoPaths.Examples, "cloud-migration.tl.yaml");
    private readonly string directory = Path.Combine(Path.GetTempPath(), "tl-diff-" + Guid.NewGuid().ToString("N"));

    public DiffCommandTests() => Directory.CreateDirectory(directory);

    public void Dispose() => Directory.Delete(directory, recursive: true);

    /// <summary>The example with the billing cutover (critical, before the first invoice run) lengthened from 2 to <paramref name="days"/> days.</summary>
    private string LongerCutover(int days)
    {
        const string cutover = "          - id: bill-cutover\n            name: Billing cutover in the post-close window\n            estimate: 2d\n";
        var text = File.ReadAllText(MainExample).ReplaceLineEndings("\n");
        text.ShouldContain(cutover);
        var file = Path.Combine(directory, $"cutover-{days}d.tl.yaml");
        File.WriteAllText(file, text.Replace(cutover, cutover.Replace("estimate: 2d", $"estimate: {days}d", StringComparison.Ordinal), StringComparison.Ordinal));
        return file;
    }

    [Fact]
    public void Table_names_the_committed_milestones_moved_and_by_how_many_working_days()
    {
        var (exitCode, output, _) = TlRunner.Run("diff", MainExample, LongerCutover(7));

        exitCode.ShouldBe(0);
        output.ShouldContain("Program finish 2027-11-09 17:00 -> 2027-11-16 17:00 (+5d working)");
        output.ShouldMatch(@"First invoice run from AWS bill-first-run\s*│ 2027-10-01 │ 2027-09-08 17:00 │ 2027-09-15 17:00 │ \+5d");
        output.ShouldMatch(@"NJ1 data centre exited cut-dc-exit\s*│ 2027-12-17 │ 2027-11-04 17:00 │ 2027-11-11 17:00 │ \+5d");
        output.ShouldNotContain("cut-w2-live");
    }

    [Fact]
    public void Each_moved_commitment_names_the_change_that_moved_it_with_P80_and_chance_before_and_after()
    {
        var (exitCode, output, error) = TlRunner.Run("diff", MainExample, LongerCutover(7), "--format", "json", "--iterations", "300");

        exitCode.ShouldBe(0);
        error.ShouldNotContain("different programs");
        using var json = JsonDocument.Parse(output);
        var invoice = json.RootElement.GetProperty("commitments").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "bill-first-run");
        invoice.GetProperty("scheduledBefore").GetString().ShouldBe("2027-09-08");
        invoice.GetProperty("scheduledAfter").GetString().ShouldBe("2027-09-15");
        invoice.GetProperty("causes").EnumerateArray().Select(c => c.GetString()).ShouldContain("estimate 2d → 7d on bill-cutover");
        string.CompareOrdinal(invoice.GetProperty("p80After").GetString(), invoice.GetProperty("p80Before").GetString()).ShouldBeGreaterThan(0);
        invoice.GetProperty("probabilityOnTimeAfter").GetDouble().ShouldBeLessThanOrEqualTo(invoice.GetProperty("probabilityOnTimeBefore").GetDouble());
        json.RootElement.GetProperty("teamsHurt").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Two_different_programs_are_warned_about()
    {
        var other = Path.Combine(RepoPaths.Examples, "product-launch.tl.yaml");

        var (exitCode, _, error) = TlRunner.Run("diff", MainExample, other, "--iterations", "0");

        exitCode.ShouldBe(0);
        error.ShouldContain("warning: the files are different programs ('skyline' and 'smart-suggestions')");
    }

    [Fact]
    public void Json_reports_moves_and_a_committed_date_that_became_late()
    {
        var (exitCode, output, _) = TlRunner.Run("diff", MainExample, LongerCutover(22), "--format", "json");

        exitCode.ShouldBe(0);
        using var json = JsonDocument.Parse(output);
        var milestones = json.RootElement.GetProperty("milestonesMoved").EnumerateArray().ToDictionary(m => m.GetProperty("id").GetString()!);
        milestones.Keys.ShouldBe(["bill-first-run", "cut-dc-exit"], ignoreOrder: true);
        var invoice = milestones["bill-first-run"];
        invoice.GetProperty("workingDaysMoved").GetDouble().ShouldBe(20);
        invoice.GetProperty("wasLate").GetBoolean().ShouldBeFalse();
        invoice.GetProperty("late").GetBoolean().ShouldBeTrue();
        // The close-out runs on the SRE team's US calendar: 20 days of its work later cross Thanksgiving (two days the
        // program calendar works), so the program finish moves 22 program working days.
        json.RootElement.GetProperty("programFinish").GetProperty("workingDaysMoved").GetDouble().ShouldBe(22);
        json.RootElement.GetProperty("added").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public void The_same_plan_twice_has_no_impact()
    {
        var (exitCode, output, _) = TlRunner.Run("diff", MainExample, MainExample);

        exitCode.ShouldBe(0);
        output.ShouldContain("No schedule impact.");
    }

    [Fact]
    public void An_invalid_plan_exits_2_with_its_diagnostics()
    {
        var file = Path.Combine(directory, "cycle.tl.yaml");
        File.WriteAllText(file, "program: { id: x, name: X, start: 2027-01-04 }\nprojects:\n  - id: p\n    name: P\n    items:\n      - { id: a, name: A, depends-on: [b] }\n      - { id: b, name: B, depends-on: [a] }\n");

        var (exitCode, _, error) = TlRunner.Run("diff", MainExample, file);

        exitCode.ShouldBe(2);
        error.ShouldContain("error TL2003: dependency cycle: a -> b -> a");
    }
}
