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

    [Theory]
    [InlineData("product-launch.tl.yaml")]
    [InlineData("cloud-migration.tl.yaml")]
    public void The_leveled_plan_differs_from_the_original_only_in_the_moved_items_constraint_lines(string example)
    {
        var original = Path.Combine(RepoPaths.Examples, example);
        var leveledFile = Path.Combine(_folder, example);

        var (exitCode, json, _) = TlRunner.Run("level", original, "--out", leveledFile, "--format", "json");

        exitCode.ShouldBe(0);
        var moved = JsonDocument.Parse(json).RootElement.GetProperty("delays").EnumerateArray().Select(d => d.GetProperty("id").GetString()!).ToHashSet();
        moved.ShouldNotBeEmpty();
        var before = File.ReadAllLines(original);
        var after = File.ReadAllLines(leveledFile);
        var (removed, added) = LineDiff(before, after);
        removed.ShouldAllBe(line => line.TrimStart().StartsWith("constraint: ", StringComparison.Ordinal));
        added.ShouldAllBe(line => line.TrimStart().StartsWith("constraint: snet ", StringComparison.Ordinal));
        after.Count(l => l.TrimStart().StartsWith('#') || l.Contains(" # ", StringComparison.Ordinal))
            .ShouldBe(before.Count(l => l.TrimStart().StartsWith('#') || l.Contains(" # ", StringComparison.Ordinal)));
        var reread = PlanReader.ReadFile(leveledFile);
        reread.Diagnostics.ShouldBeEmpty();
        // One added or changed constraint line per item whose constraint the leveling set. An item moved only because
        // its predecessor was held needs no constraint of its own, so this can be fewer than the items moved.
        var originalItems = PlanReader.ReadFile(original).Program!.WorkItems.ToDictionary(i => i.Id);
        var constrained = reread.Program!.WorkItems.Where(i => i.Constraint != originalItems[i.Id].Constraint).Select(i => i.Id.Value).ToList();
        constrained.ShouldNotBeEmpty();
        added.Count.ShouldBe(constrained.Count);
        constrained.ShouldBeSubsetOf(moved);
        reread.Program!.WorkItems.Where(i => i.Constraint.Type == Domain.ConstraintType.StartNoEarlierThan).Select(i => i.Id.Value).ShouldBeSubsetOf(
            moved.Concat(PlanReader.ReadFile(original).Program!.WorkItems.Where(i => i.Constraint.Type == Domain.ConstraintType.StartNoEarlierThan).Select(i => i.Id.Value)));
    }

    /// <summary>The lines only in <paramref name="before"/> and only in <paramref name="after"/>, by a longest common subsequence.</summary>
    private static (List<string> Removed, List<string> Added) LineDiff(string[] before, string[] after)
    {
        var lcs = new int[before.Length + 1, after.Length + 1];
        for (var i = before.Length - 1; i >= 0; i--)
        {
            for (var j = after.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = before[i] == after[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var (removed, added) = (new List<string>(), new List<string>());
        int a = 0, b = 0;
        while (a < before.Length || b < after.Length)
        {
            if (a < before.Length && b < after.Length && before[a] == after[b])
            {
                a++;
                b++;
            }
            else if (b < after.Length && (a == before.Length || lcs[a, b + 1] >= lcs[a + 1, b]))
            {
                added.Add(after[b++]);
            }
            else
            {
                removed.Add(before[a++]);
            }
        }

        return (removed, added);
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
