using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Throughline.Interop;
using Throughline.Reports.Outlook;
using Throughline.Scheduling;
using Throughline.Testing;

namespace Throughline.Cli.Tests.Commands;

public class StatusCommandTests
{
    [Theory]
    [InlineData("cloud-migration.tl.yaml")]
    [InlineData("product-launch.tl.yaml")]
    public void Json_output_follows_the_contract(string example)
    {
        var (exitCode, output, _) = TlRunner.Run("status", Path.Combine(RepoPaths.Examples, example), "--iterations", "500", "--format", "json");

        exitCode.ShouldBe(0);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        root.EnumerateObject().Select(p => p.Name).Take(4).ShouldBe(["asOf", "commitments", "decisions", "overall"]);
        root.GetProperty("commitments").EnumerateArray().ShouldAllBe(c => c.EnumerateObject().Select(p => p.Name).SequenceEqual(
            new[] { "id", "name", "project", "committed", "scheduled", "bufferDays", "totalSlackDays", "p50", "p80", "p95", "probabilityOnTime", "pinned", "health", "reasons", "drivingTeams" }));
        root.GetProperty("decisions").EnumerateArray().ShouldAllBe(d => d.EnumerateObject().Select(p => p.Name).SequenceEqual(new[] { "id", "due", "decideBy", "gates" }));
        root.GetProperty("overall").EnumerateObject().Select(p => p.Name).ShouldBe(["health", "probabilityOnTime", "worstCommitment"]);
    }

    [Theory]
    [InlineData("cloud-migration.tl.yaml")]
    [InlineData("product-launch.tl.yaml")]
    public void Status_forecast_and_report_give_the_same_numbers_for_every_commitment(string example)
    {
        var path = Path.Combine(RepoPaths.Examples, example);
        string[] run = ["--iterations", "600", "--seed", "9"];

        var status = JsonNode.Parse(TlRunner.Run(["status", path, .. run, "--format", "json"]).Output)!;
        var forecast = JsonNode.Parse(TlRunner.Run(["forecast", path, .. run, "--format", "json"]).Output)!;
        var markdown = TlRunner.Run(["report", path, .. run]).Output;
        var html = TlRunner.Run(["report", path, .. run, "--format", "html"]).Output;

        var commitments = status["commitments"]!.AsArray();
        commitments.Count.ShouldBeGreaterThan(0);
        foreach (var c in commitments)
        {
            var id = c!["id"]!.ToString();
            var m = forecast["milestones"]!.AsArray().Single(x => x!["id"]!.ToString() == id)!;
            foreach (var field in new[] { "p50", "p80", "p95", "probabilityOnTime" })
            {
                m[field]!.ToJsonString().ShouldBe(c[field]!.ToJsonString(), $"{id} {field}");
            }

            // The report's commitment row: the same dates, buffer and chance, in both formats.
            var chance = (c["probabilityOnTime"]!.GetValue<double>() * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
            var buffer = c["bufferDays"]!.GetValue<double>() is var b && b < 0 ? $"late by {(-b).ToString("0.#", CultureInfo.InvariantCulture)} d" : b.ToString("0.#", CultureInfo.InvariantCulture) + " d";
            var row = $"| {c["committed"]} | {c["scheduled"]} | {buffer} |";
            markdown.ShouldContain(row, customMessage: id);
            markdown.ShouldContain($"| {c["p50"]} | {c["p80"]} | {c["p95"]} | {chance}", customMessage: id);
            html.ShouldContain($"<td>{c["committed"]}</td><td>{c["scheduled"]}</td><td>{buffer}</td>", customMessage: id);
            html.ShouldContain($"<td>{c["p50"]}</td><td>{c["p80"]}</td><td>{c["p95"]}</td><td>{chance}", customMessage: id);
        }

        // The headline is the least likely commitment, named, in the report as in the status.
        var worst = commitments.Single(c => c!["id"]!.ToString() == status["overall"]!["worstCommitment"]!.ToString())!;
        status["overall"]!["probabilityOnTime"]!.GetValue<double>().ShouldBe(commitments.Min(c => c!["probabilityOnTime"]!.GetValue<double>()));
        markdown.ShouldContain($"set by the least likely commitment, {worst["name"]}");
    }

    [Fact]
    public void The_status_is_the_one_outlook_computation()
    {
        var path = Path.Combine(RepoPaths.Examples, "cloud-migration.tl.yaml");
        var file = ProgramFile.Load(path);
        var program = file.Program!;
        var forecast = OutlookForecast.Run(program, new OutlookOptions { Iterations = 300, Seed = 4 });
        var expected = OutlookJson.Of(ProgramOutlook.Compute(program, ProgramScheduler.Schedule(program, file.ScheduleOptions), forecast, program.StatusDate!.Value));

        var output = TlRunner.Run("status", path, "--iterations", "300", "--seed", "4", "--format", "json").Output;

        JsonNode.DeepEquals(JsonNode.Parse(output), expected).ShouldBeTrue();
    }

    [Fact]
    public void The_headline_names_the_least_likely_commitment_not_the_last()
    {
        var output = TlRunner.Run("status", Path.Combine(RepoPaths.Examples, "cloud-migration.tl.yaml"), "--iterations", "500", "--format", "json").Output;

        var status = JsonNode.Parse(output)!;
        var commitments = status["commitments"]!.AsArray();
        var least = commitments.OrderBy(c => c!["probabilityOnTime"]!.GetValue<double>()).First()!;
        status["overall"]!["worstCommitment"]!.ToString().ShouldBe(least["id"]!.ToString());
        least["id"]!.ToString().ShouldNotBe(commitments[^1]!["id"]!.ToString());
    }
}
