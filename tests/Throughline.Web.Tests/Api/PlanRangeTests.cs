using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Throughline.Storage;

namespace Throughline.Web.Tests.Api;

/// <summary>No plan value can produce a 500: values out of the plan's range are refused, and a stored program that cannot be scheduled is still served (#14, finding 2).</summary>
public sealed class PlanRangeTests
{
    private static readonly string[] ProgramPaths = ["overview", "schedule", "forecast?iterations=100", "diagnostics", "plan"];
    private static readonly string[] Pages = ["", "/gantt", "/items", "/risks", "/capacity", "/decisions", "/impact"];

    [Theory]
    [InlineData("work-items", """{ "id": "huge", "name": "Huge", "project": "app", "estimate": "1000000w" }""", "estimate")]
    [InlineData("dependencies", """{ "predecessor": "design", "successor": "launch", "type": "FS", "lag": "2000000w" }""", "lag")]
    [InlineData("dependencies", """{ "predecessor": "design", "successor": "launch", "type": "FS", "lag": "99999999ed" }""", "lag")]
    [InlineData("risks", """{ "id": "r-huge", "title": "Huge", "probability": "10%", "impact": "3000000w" }""", "impact")]
    public async Task A_value_longer_than_the_plan_range_is_a_400_naming_the_field(string resource, string body, string field)
    {
        await using var database = await ServerDatabase.CreateAsync("sqlite");
        await using var server = new ThroughlineServer(database);
        var owner = await server.CreateUserAsync();
        var program = await owner.CreateProgramAsync();

        var response = await owner.Http.PostAsync($"/api/programs/{program}/{resource}", new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        var problem = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, problem);
        problem.ShouldContain("TL1007");
        problem.ShouldContain(field);
        (await owner.GetJsonAsync($"/api/programs/{program}/overview"))["errors"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task A_program_whose_schedule_runs_past_the_range_is_served_with_its_diagnostic()
    {
        await using var database = await ServerDatabase.CreateAsync("sqlite");
        await using var server = new ThroughlineServer(database);
        var admin = await server.AdminAsync();
        var program = "p" + Guid.NewGuid().ToString("N")[..10];
        // Each estimate fits the range; the chain of them does not.
        var plan = ThroughlineServer.SmallPlan(program)
            .Replace("estimate: 2d, team: core", "estimate: 5000w, team: core", StringComparison.Ordinal)
            .Replace("estimate: 5d, people", "estimate: 5000w, people", StringComparison.Ordinal);
        (await admin.Http.PostAsync("/api/programs/import", new StringContent(plan, Encoding.UTF8, "application/yaml"), TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Created);

        await ShouldBeServedAsync(admin, program, "TL3001");
        var schedule = await admin.Http.GetAsync($"/api/programs/{program}/schedule", TestContext.Current.CancellationToken);
        schedule.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_program_stored_with_an_out_of_range_value_before_validation_is_served_with_its_diagnostic()
    {
        await using var database = await ServerDatabase.CreateAsync("sqlite");
        await using var server = new ThroughlineServer(database);
        var admin = await server.AdminAsync();
        var program = await admin.CreateProgramAsync();
        // As a server before this check stored it: the value straight into the row, and a new revision.
        using (var scope = server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ThroughlineDb>();
            var row = await db.Programs.SingleAsync(p => p.Key == program, TestContext.Current.CancellationToken);
            var item = await db.WorkItems.SingleAsync(i => i.ProgramId == row.Id && i.Key == "build", TestContext.Current.CancellationToken);
            var fields = JsonNode.Parse(item.Fields)!.AsObject();
            fields["estimate"] = "1000000w";
            item.Fields = fields.ToJsonString();
            row.Revision++;
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await ShouldBeServedAsync(admin, program, "TL1007");
    }

    /// <summary>Every API read and page of the program answers without a 500, and the diagnostic is listed and shown.</summary>
    private static async Task ShouldBeServedAsync(ApiClient client, string program, string code)
    {
        foreach (var path in ProgramPaths)
        {
            var response = await client.Http.GetAsync($"/api/programs/{program}/{path}", TestContext.Current.CancellationToken);
            ((int)response.StatusCode).ShouldBeLessThan(500, $"{path}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        }

        var diagnostics = await client.Http.GetFromJsonAsync<JsonArray>($"/api/programs/{program}/diagnostics", TestContext.Current.CancellationToken);
        diagnostics!.Select(d => d!["code"]!.ToString()).ShouldContain(code);
        (await client.GetJsonAsync($"/api/programs/{program}/overview"))["errors"]!.GetValue<int>().ShouldBeGreaterThan(0);

        foreach (var page in Pages)
        {
            var response = await client.Http.GetAsync($"/programs/{program}{page}", TestContext.Current.CancellationToken);
            var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"/programs/{program}{page}: {html}");
            html.ShouldContain(code, customMessage: $"/programs/{program}{page} shows the diagnostic");
        }

        var home = await client.Http.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        home.StatusCode.ShouldBe(HttpStatusCode.OK, await home.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
