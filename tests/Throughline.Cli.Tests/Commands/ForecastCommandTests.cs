using System.Text.Json;
using Throughline.Testing;

namespace Throughline.Cli.Tests.Commands;

public class ForecastCommandTests
{
    private static readonly string MainExample = Path.Combine(RepoPaths.Examples, "cloud-migration.tl.yaml");

    [Fact]
    public void Json_output_follows_the_contract()
    {
        var (exitCode, output, _) = TlRunner.Run("forecast", MainExample, "--iterations", "2048", "--format", "json");

        exitCode.ShouldBe(0);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        // The contract's fields, in order; fields added since (histogram, cost, leveled) come after them.
        root.EnumerateObject().Select(p => p.Name).ShouldBe(["iterations", "milestones", "criticality", "drivers", "cost", "leveled"]);
        // The capacity-aware forecast is held back on the surfaces until its defect is found (OutlookForecast.Run).
        root.GetProperty("leveled").GetBoolean().ShouldBeFalse();
        root.GetProperty("iterations").GetInt32().ShouldBe(2048);

        var milestones = root.GetProperty("milestones").EnumerateArray().ToList();
        milestones.Select(m => m.GetProperty("id").GetString()).ShouldBe(["cut-w2-live", "bill-first-run", "cut-dc-exit", "skyline"]);
        foreach (var m in milestones)
        {
            m.EnumerateObject().Select(p => p.Name).ShouldBe(["id", "deterministic", "committed", "p10", "p50", "p80", "p90", "p95", "probabilityOnTime", "histogram"]);
            foreach (var name in new[] { "deterministic", "p10", "p50", "p80", "p90", "p95" })
            {
                m.GetProperty(name).GetString()!.ShouldMatch(@"^\d{4}-\d\d-\d\d$");
            }
        }

        milestones[0].GetProperty("committed").GetString().ShouldBe("2027-06-20");
        milestones[0].GetProperty("probabilityOnTime").GetDouble().ShouldBeInRange(0, 1);
        milestones[^1].GetProperty("committed").ValueKind.ShouldBe(JsonValueKind.Null);
        milestones[^1].GetProperty("probabilityOnTime").ValueKind.ShouldBe(JsonValueKind.Null);

        var criticality = root.GetProperty("criticality").EnumerateArray().ToList();
        criticality.ShouldNotBeEmpty();
        criticality.ShouldAllBe(c => c.EnumerateObject().Select(p => p.Name).SequenceEqual(new[] { "id", "index", "sensitivity" }));
        var drivers = root.GetProperty("drivers").EnumerateArray().ToList();
        drivers.ShouldNotBeEmpty();
        drivers.ShouldAllBe(d => d.EnumerateObject().Select(p => p.Name).SequenceEqual(new[] { "id", "daysAtP80" }));
    }

    [Fact]
    public void Json_output_carries_each_milestones_histogram_and_s_curve_and_the_program_cost()
    {
        var (exitCode, output, _) = TlRunner.Run("forecast", MainExample, "--iterations", "2048", "--format", "json");

        exitCode.ShouldBe(0);
        using var json = JsonDocument.Parse(output);
        foreach (var m in json.RootElement.GetProperty("milestones").EnumerateArray())
        {
            var bins = m.GetProperty("histogram").EnumerateArray().ToList();
            bins.ShouldNotBeEmpty();
            bins.ShouldAllBe(b => b.EnumerateObject().Select(p => p.Name).SequenceEqual(new[] { "date", "count", "cumulative" }));
            bins.Sum(b => b.GetProperty("count").GetInt32()).ShouldBe(2048);
            bins[^1].GetProperty("cumulative").GetDouble().ShouldBe(1.0);
            var dates = bins.Select(b => b.GetProperty("date").GetString()!).ToList();
            dates.ShouldBe(dates.Order(StringComparer.Ordinal).Distinct());

            // The S-curve crosses 50% on the P50 day.
            var p50 = m.GetProperty("p50").GetString();
            bins.First(b => b.GetProperty("cumulative").GetDouble() >= 0.5).GetProperty("date").GetString().ShouldBe(p50);
        }

        // The example's budget lines plan 4,808,000 USD (the one planned total, as the report counts it; the projects'
        // budget: fields agree, or TL2011 would warn) and most risks have a cost impact.
        var cost = json.RootElement.GetProperty("cost");
        cost.GetProperty("currency").GetString().ShouldBe("USD");
        cost.GetProperty("planned").GetDecimal().ShouldBe(4_808_000m);
        cost.GetProperty("p50").GetDecimal().ShouldBeGreaterThan(4_808_000m);
        cost.GetProperty("p80").GetDecimal().ShouldBeGreaterThanOrEqualTo(cost.GetProperty("p50").GetDecimal());
        cost.GetProperty("p95").GetDecimal().ShouldBeGreaterThanOrEqualTo(cost.GetProperty("p80").GetDecimal());
        cost.GetProperty("risks").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public void The_table_shows_a_text_histogram_of_the_program_end_with_p50_and_p80_marked()
    {
        var (exitCode, output, _) = TlRunner.Run("forecast", MainExample, "--iterations", "1024");

        exitCode.ShouldBe(0);
        output.ShouldContain("Program end: finishes by");
        output.ShouldContain("█");
        output.ShouldContain("P50");
        output.ShouldContain("100%");
    }

    [Fact]
    public void The_same_seed_gives_the_same_json_and_another_seed_another()
    {
        var first = TlRunner.Run("forecast", MainExample, "-n", "1024", "--seed", "9", "-f", "json").Output;
        var again = TlRunner.Run("forecast", MainExample, "-n", "1024", "--seed", "9", "-f", "json").Output;
        var other = TlRunner.Run("forecast", MainExample, "-n", "1024", "--seed", "10", "-f", "json").Output;

        again.ShouldBe(first);
        other.ShouldNotBe(first);
    }

    [Fact]
    public void The_table_shows_each_committed_date_with_p50_p80_and_the_chance_of_making_it()
    {
        var (exitCode, output, _) = TlRunner.Run("forecast", MainExample, "--iterations", "1024");

        exitCode.ShouldBe(0);
        output.ShouldContain("Committed dates");
        output.ShouldContain("cut-w2-live");
        output.ShouldContain("2027-06-20");
        output.ShouldContain("P50");
        output.ShouldContain("P80");
        output.ShouldContain("On time");
        output.ShouldMatch(@"cut-w2-live.*\d+%");
        output.ShouldContain("Risk drivers");
        output.ShouldNotContain("\u001b[");   // redirected: no colour codes
    }

    [Fact]
    public void Bad_numbers_are_a_usage_error()
    {
        TlRunner.Run("forecast", MainExample, "--iterations", "0").ExitCode.ShouldBe(ExitCodes.Usage);
        TlRunner.Run("forecast", MainExample, "--correlation", "1.5").ExitCode.ShouldBe(ExitCodes.Usage);
    }

    [Fact]
    public void A_plan_with_errors_is_not_forecast()
    {
        var file = Path.Combine(Path.GetTempPath(), $"tl-forecast-{Guid.NewGuid():N}.tl.yaml");
        File.WriteAllText(file, "program:\n  id: x\n");
        try
        {
            var (exitCode, output, error) = TlRunner.Run("forecast", file);

            exitCode.ShouldBe(ExitCodes.InvalidInput);
            output.ShouldBeEmpty();
            error.ShouldNotBeEmpty();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
