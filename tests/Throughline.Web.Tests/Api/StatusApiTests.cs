using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Throughline.Interop.Plan;
using Throughline.Reports.Outlook;
using Throughline.Scheduling;
using Throughline.Testing;

namespace Throughline.Web.Tests.Api;

public sealed class StatusApiTests
{
    [Theory]
    [InlineData("cloud-migration.tl.yaml")]
    [InlineData("product-launch.tl.yaml")]
    public async Task The_status_is_the_document_tl_status_writes_for_the_same_plan(string example)
    {
        await using var database = await ServerDatabase.CreateAsync("sqlite");
        await using var server = new ThroughlineServer(database);
        var owner = await server.CreateUserAsync();
        var yaml = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Examples, example), TestContext.Current.CancellationToken);
        var imported = await owner.Http.PostAsync("/api/programs/import", new StringContent(yaml, Encoding.UTF8, "application/yaml"), TestContext.Current.CancellationToken);
        imported.StatusCode.ShouldBe(HttpStatusCode.Created, await imported.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var program = PlanReader.Read(yaml, example).Program!;

        var status = await owner.GetJsonAsync($"/api/programs/{program.Id.Value}/status?iterations=400&seed=5");

        // What tl status computes from the file (StatusCommandTests pins the CLI to this same computation).
        var forecast = OutlookForecast.Run(program, new OutlookOptions { Iterations = 400, Seed = 5 });
        var expected = OutlookJson.Of(ProgramOutlook.Compute(program, ProgramScheduler.Schedule(program), forecast, program.StatusDate!.Value));
        status.ToJsonString().ShouldBe(expected.ToJsonString());
        status["overall"]!["worstCommitment"]!.ToString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Iterations_out_of_range_are_a_400()
    {
        await using var database = await ServerDatabase.CreateAsync("sqlite");
        await using var server = new ThroughlineServer(database);
        var owner = await server.CreateUserAsync();
        var program = await owner.CreateProgramAsync();

        var response = await owner.Http.GetAsync($"/api/programs/{program}/status?iterations=5", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
