using System.Text.Json;
using Throughline.Interop.Plan;
using Throughline.Testing;

namespace Throughline.Cli.Tests.Commands;

public sealed class LevelCommandTests : IDisposable
{
    private static readonly string MainExample = Path.Combine(RepoPaths.Examples, "cloud-migration.tl.yaml");
    private readonly string _folder = Directory.CreateTempSubdirectory("tl-level-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Levels_the_main_example_and_explains_what_moved()
    {
        var (exitCode, output, _) = TlRunner.Run("level", MainExample);

        exitCode.ShouldBe(0);
        output.ShouldContain("leveled against team and person capacity");
        output.ShouldContain("Over-allocated before leveling");
        output.ShouldContain("What moved, and why");
        output.ShouldContain("is at capacity with");
    }

    [Fact]
    public void Json_lists_each_delay_with_its_reason_and_the_overallocation_before_and_after()
    {
        var (exitCode, output, _) = TlRunner.Run("level", MainExample, "--format", "json");

        exitCode.ShouldBe(0);
        using var json = JsonDocument.Parse(output);
        var delays = json.RootElement.GetProperty("delays");
        delays.GetArrayLength().ShouldBeGreaterThan(0);
        delays.EnumerateArray().ShouldAllBe(d => d.GetProperty("reason").GetString()!.StartsWith("starts ", StringComparison.Ordinal));
        json.RootElement.GetProperty("overAllocationsBefore").GetArrayLength()
            .ShouldBeGreaterThan(json.RootElement.GetProperty("overAllocationsAfter").GetArrayLength());
        DateTime.Parse(json.RootElement.GetProperty("finishAfter").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeGreaterThanOrEqualTo(DateTime.Parse(json.RootElement.GetProperty("finishBefore").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_leveled_plan_written_with_out_reads_back_and_schedules_to_the_leveled_dates()
    {
        var leveledFile = Path.Combine(_folder, "leveled.tl.yaml");

        var (exitCode, _, error) = TlRunner.Run("level", MainExample, "--out", leveledFile, "--format", "json");
        var (_, leveledSchedule, _) = TlRunner.Run("schedule", leveledFile, "--format", "json");
        var (_, directlyLeveled, _) = TlRunner.Run("schedule", MainExample, "--leveled", "--format", "json");

        exitCode.ShouldBe(0);
        error.ShouldContain("wrote the leveled plan");
        PlanReader.ReadFile(leveledFile).Diagnostics.Where(d => d.IsError).ShouldBeEmpty();
        Finishes(leveledSchedule).ShouldBe(Finishes(directlyLeveled));
    }

    [Fact]
    public void Schedule_leveled_never_finishes_an_item_earlier_than_the_unleveled_schedule_starts_it()
    {
        var (_, plain, _) = TlRunner.Run("schedule", MainExample, "--format", "json");
        var (exitCode, leveled, _) = TlRunner.Run("schedule", MainExample, "--leveled", "--format", "json");

        exitCode.ShouldBe(0);
        var before = Starts(plain);
        var after = Starts(leveled);
        after.Keys.ShouldBe(before.Keys, ignoreOrder: true);
        after.ShouldAllBe(pair => pair.Value >= before[pair.Key]);
        after.ShouldContain(pair => pair.Value > before[pair.Key]);
    }

    [Fact]
    public void A_schedule_budget_below_one_is_a_usage_error()
    {
        var (exitCode, _, error) = TlRunner.Run("level", MainExample, "--schedules", "0");

        exitCode.ShouldBe(1);
        error.ShouldContain("--schedules must be at least 1");
    }

    private static Dictionary<string, string> Finishes(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("tasks").EnumerateArray().ToDictionary(t => t.GetProperty("id").GetString()!, t => t.GetProperty("finish").GetString()!);
    }

    private static Dictionary<string, DateTime> Starts(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("tasks").EnumerateArray().ToDictionary(
            t => t.GetProperty("id").GetString()!,
            t => DateTime.Parse(t.GetProperty("start").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }
}
