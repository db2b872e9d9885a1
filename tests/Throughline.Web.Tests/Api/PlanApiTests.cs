using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Throughline.Web.Tests.Api;

public sealed class PlanApiTests
{
    [Theory]
    [MemberData(nameof(ServerDatabase.Providers), MemberType = typeof(ServerDatabase))]
    public async Task A_new_server_serves_the_demo_program_to_the_administrator(string provider)
    {
        await using var database = await ServerDatabase.CreateAsync(provider);
        await using var server = new ThroughlineServer(database, loadDemo: true);
        var admin = await server.AdminAsync();

        var programs = await admin.Http.GetFromJsonAsync<JsonArray>("/api/programs", TestContext.Current.CancellationToken);
        var overview = await admin.GetJsonAsync("/api/programs/skyline/overview");

        programs!.Select(p => p!["id"]!.ToString()).ShouldBe(["skyline"]);
        overview["errors"]!.GetValue<int>().ShouldBe(0);
        overview["counts"]!["workItems"]!.GetValue<int>().ShouldBeGreaterThan(100);
        overview["finish"]!.ToString().ShouldStartWith("2027-");
    }

    [Theory]
    [MemberData(nameof(ServerDatabase.Providers), MemberType = typeof(ServerDatabase))]
    public async Task An_entity_is_read_with_an_etag_and_written_back_with_it(string provider)
    {
        await using var database = await ServerDatabase.CreateAsync(provider);
        await using var server = new ThroughlineServer(database);
        var owner = await server.CreateUserAsync();
        var program = await owner.CreateProgramAsync();

        var (item, etag) = await owner.ReadAsync($"/api/programs/{program}/work-items/build");
        item["estimate"] = "8d";
        var updated = await owner.PutAsync($"/api/programs/{program}/work-items/build", item, etag);

        updated.StatusCode.ShouldBe(HttpStatusCode.OK);
        etag.ShouldBe("\"1\"");
        updated.Headers.ETag!.ToString().ShouldBe("\"2\"");
        var schedule = await owner.GetJsonAsync($"/api/programs/{program}/schedule");
        schedule["items"]!.AsArray().Single(i => i!["id"]!.ToString() == "launch")!["finish"]!.ToString().ShouldBe("2027-01-15T17:00");
    }

    [Theory]
    [MemberData(nameof(ServerDatabase.Providers), MemberType = typeof(ServerDatabase))]
    public async Task A_write_without_if_match_is_428_and_with_a_stale_one_is_412(string provider)
    {
        await using var database = await ServerDatabase.CreateAsync(provider);
        await using var server = new ThroughlineServer(database);
        var owner = await server.CreateUserAsync();
        var program = await owner.CreateProgramAsync();
        var (risk, etag) = await owner.ReadAsync($"/api/programs/{program}/risks/r-late");

        var missing = await owner.PutAsync($"/api/programs/{program}/risks/r-late", risk, null);
        (await owner.PutAsync($"/api/programs/{program}/risks/r-late", risk, etag)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stale = await owner.PutAsync($"/api/programs/{program}/risks/r-late", risk, etag);

        missing.StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
        stale.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        stale.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await stale.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["currentVersion"]!.GetValue<long>().ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(ServerDatabase.Providers), MemberType = typeof(ServerDatabase))]
    public async Task Bad_input_gets_a_problem_with_every_fields_message_and_never_a_500(string provider)
    {
        await using var database = await ServerDatabase.CreateAsync(provider);
        await using var server = new ThroughlineServer(database);
        var owner = await server.CreateUserAsync();
        var program = await owner.CreateProgramAsync();
        var path = $"/api/programs/{program}/work-items";

        var invalid = await owner.Http.PostAsJsonAsync(path, new { id = "qa", name = "QA", project = "app", estimate = "soon", team = "ghosts", parent = "nothing" }, TestContext.Current.CancellationToken);
        var badValues = await owner.Http.PostAsJsonAsync(path, new { id = "qa", name = "QA", project = "app", estimate = "soon", team = "ghosts" }, TestContext.Current.CancellationToken);
        var notJson = await owner.Http.PostAsync(path, new StringContent("{ not json", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        var taken = await owner.Http.PostAsJsonAsync(path, new { id = "design", name = "Again", project = "app" }, TestContext.Current.CancellationToken);

        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var structural = (await invalid.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
        structural["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["parent"]);
        badValues.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await badValues.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldBe(["estimate", "team"], ignoreOrder: true);
        notJson.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        notJson.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        taken.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Theory]
    [MemberData(nameof(ServerDatabase.Providers), MemberType = typeof(ServerDatabase))]
    public async Task An_import_with_errors_stores_nothing_and_says_where_each_error_is(string provider)
    {
        await using var database = await ServerDatabase.CreateAsync(provider);
        await using var server = new ThroughlineServer(database);
        var owner = await server.CreateUserAsync();
        var program = await owner.CreateProgramAsync("imports");
        var etag = await owner.ETagAsync($"/api/programs/{program}/plan");
        var broken = ThroughlineServer.SmallPlan(program)
            .Replace("estimate: 5d", "estimate: 5 days", StringComparison.Ordinal)
            .Replace("probability: 30%", "probability: 300%", StringComparison.Ordinal);

        var response = await owner.SendAsync(HttpMethod.Put, $"/api/programs/{program}/plan", new StringContent(broken, Encoding.UTF8, "application/yaml"), etag);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldAllBe(k => k.StartsWith("upload.tl.yaml:", StringComparison.Ordinal));
        errors.Count.ShouldBe(2);
        var after = await owner.ETagAsync($"/api/programs/{program}/plan");
        after.ShouldBe(etag);
    }

    [Theory]
    [MemberData(nameof(ServerDatabase.Providers), MemberType = typeof(ServerDatabase))]
    public async Task A_program_exported_as_a_plan_or_as_project_xml_imports_back(string provider)
    {
        await using var database = await ServerDatabase.CreateAsync(provider);
        await using var server = new ThroughlineServer(database, loadDemo: true);
        var admin = await server.AdminAsync();

        var yaml = await admin.Http.GetStringAsync("/api/programs/skyline/plan", TestContext.Current.CancellationToken);
        var xml = await admin.Http.GetStringAsync("/api/programs/skyline/plan?format=mspdi", TestContext.Current.CancellationToken);
        var etag = await admin.ETagAsync("/api/programs/skyline/plan");
        var replaced = await admin.SendAsync(HttpMethod.Put, "/api/programs/skyline/plan", new StringContent(yaml, Encoding.UTF8, "application/yaml"), etag);
        replaced.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.Http.GetStringAsync("/api/programs/skyline/plan", TestContext.Current.CancellationToken)).ShouldBe(yaml);
        var fromXml = await admin.SendAsync(HttpMethod.Put, "/api/programs/skyline/plan", new StringContent(xml, Encoding.UTF8, "application/xml"), replaced.Headers.ETag!.ToString());

        fromXml.StatusCode.ShouldBe(HttpStatusCode.OK, await fromXml.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var workItems = await admin.Http.GetFromJsonAsync<JsonArray>("/api/programs/skyline/work-items", TestContext.Current.CancellationToken);
        workItems!.Count.ShouldBeGreaterThan(100);
        var history = await admin.Http.GetFromJsonAsync<JsonArray>("/api/programs/skyline/history?type=plan", TestContext.Current.CancellationToken);
        history!.Select(h => h!["action"]!.ToString()).ShouldBe(["imported", "imported", "created"]);
    }

    [Theory]
    [MemberData(nameof(ServerDatabase.Providers), MemberType = typeof(ServerDatabase))]
    public async Task Dependencies_and_milestones_are_resources_that_move_the_schedule(string provider)
    {
        await using var database = await ServerDatabase.CreateAsync(provider);
        await using var server = new ThroughlineServer(database);
        var owner = await server.CreateUserAsync();
        var program = await owner.CreateProgramAsync();

        var created = await owner.Http.PostAsJsonAsync($"/api/programs/{program}/work-items", new { id = "docs", name = "Docs", project = "app", estimate = "10d" }, TestContext.Current.CancellationToken);
        var link = await owner.Http.PostAsJsonAsync($"/api/programs/{program}/dependencies", new { predecessor = "docs", successor = "launch" }, TestContext.Current.CancellationToken);
        var milestones = await owner.Http.GetFromJsonAsync<JsonArray>($"/api/programs/{program}/milestones", TestContext.Current.CancellationToken);
        var overview = await owner.GetJsonAsync($"/api/programs/{program}/overview");

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        link.StatusCode.ShouldBe(HttpStatusCode.Created);
        milestones!.Select(m => m!["id"]!.ToString()).ShouldBe(["launch"]);
        overview["milestones"]![0]!["finish"]!.ToString().ShouldBe("2027-01-15T17:00");
    }

    [Theory]
    [MemberData(nameof(ServerDatabase.Providers), MemberType = typeof(ServerDatabase))]
    public async Task A_forecast_is_seeded_and_repeatable(string provider)
    {
        await using var database = await ServerDatabase.CreateAsync(provider);
        await using var server = new ThroughlineServer(database);
        var owner = await server.CreateUserAsync();
        var program = await owner.CreateProgramAsync();

        var first = await owner.GetJsonAsync($"/api/programs/{program}/forecast?iterations=500&seed=7");
        var second = await owner.GetJsonAsync($"/api/programs/{program}/forecast?iterations=500&seed=7");
        var tooMany = await owner.Http.GetAsync($"/api/programs/{program}/forecast?iterations=99999999", TestContext.Current.CancellationToken);

        first.ToJsonString().ShouldBe(second.ToJsonString());
        first["milestones"]!.AsArray().Select(m => m!["id"]?.ToString()).ShouldContain("launch");
        tooMany.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        await using var database = await ServerDatabase.CreateAsync("sqlite");
        await using var server = new ThroughlineServer(database);

        var document = await server.Anonymous().GetJsonAsync("/openapi/v1.json");

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        paths.ShouldContain("/api/programs");
        paths.ShouldContain("/api/programs/{program}/work-items/{id}");
        paths.ShouldContain("/api/programs/{program}/baselines/compare");
    }
}
