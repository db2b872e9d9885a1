using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Throughline.Storage.Plans;

namespace Throughline.Web.Tests.Api;

/// <summary>#14 finding 3: memory grew with every revision written, and one huge text field made every write costly.</summary>
public sealed class BoundedMemoryTests
{
    private const long Budget = 400_000;

    [Theory]
    [MemberData(nameof(ServerDatabase.Providers), MemberType = typeof(ServerDatabase))]
    public async Task Many_writes_to_many_programs_keep_the_cache_within_its_budget_and_on_the_newest_revisions(string provider)
    {
        await using var database = await ServerDatabase.CreateAsync(provider);
        await using var server = new ThroughlineServer(database, settings: new Dictionary<string, string> { ["Cache:MaxBytes"] = Budget.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var owner = await server.CreateUserAsync();
        var programs = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            programs.Add(await owner.CreateProgramAsync());
        }

        var cache = server.Services.GetRequiredService<RevisionCache>();
        var largest = 0L;
        for (var round = 0; round < 15; round++)
        {
            foreach (var program in programs)
            {
                var path = $"/api/programs/{program}/risks/r-late";
                var (risk, etag) = await owner.ReadAsync(path);
                risk["mitigation"] = $"round {round}";
                (await owner.PutAsync(path, risk, etag)).StatusCode.ShouldBe(HttpStatusCode.OK);
                (await owner.Http.GetAsync($"/api/programs/{program}/overview", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
                largest = Math.Max(largest, cache.Bytes);
            }
        }

        largest.ShouldBeLessThanOrEqualTo(Budget);
        cache.Bytes.ShouldBeGreaterThan(0);

        // One snapshot and one overview per program at most: nothing of an older revision is kept.
        cache.Count.ShouldBeLessThanOrEqualTo(programs.Count * 2);
    }

    [Theory]
    [MemberData(nameof(ServerDatabase.Providers), MemberType = typeof(ServerDatabase))]
    public async Task A_15_MB_name_is_refused_as_too_large_and_a_long_field_with_its_name(string provider)
    {
        await using var database = await ServerDatabase.CreateAsync(provider);
        await using var server = new ThroughlineServer(database, settings: new Dictionary<string, string> { ["Limits:MaxRequestBodyBytes"] = (32 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var owner = await server.CreateUserAsync();
        var program = await owner.CreateProgramAsync();
        var (fields, etag) = await owner.ReadAsync($"/api/programs/{program}");

        fields["name"] = new string('n', 15 * 1024 * 1024);
        var huge = await owner.PutAsync($"/api/programs/{program}", fields, etag);

        var (item, itemTag) = await owner.ReadAsync($"/api/programs/{program}/work-items/build");
        item["name"] = new string('n', FieldLimits.MaxNameLength + 1);
        item["description"] = new string('d', FieldLimits.MaxTextLength + 1);
        var long_ = await owner.PutAsync($"/api/programs/{program}/work-items/build", item, itemTag);

        var plan = ThroughlineServer.SmallPlan(program).Replace($"name: Small program {program}", $"name: {new string('n', 15 * 1024 * 1024)}", StringComparison.Ordinal);
        var import = new HttpRequestMessage(HttpMethod.Put, $"/api/programs/{program}/plan") { Content = new StringContent(plan, Encoding.UTF8, "application/yaml") };
        import.Headers.TryAddWithoutValidation("If-Match", await owner.ETagAsync($"/api/programs/{program}/plan"));
        var imported = await owner.Http.SendAsync(import, TestContext.Current.CancellationToken);

        huge.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await huge.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("limit");
        long_.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await long_.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldBe(["name", "description"], ignoreOrder: true);
        imported.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var importErrors = (await imported.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["errors"]!.AsObject();
        importErrors.Select(e => e.Key).ShouldBe(["program.name"]);
        (await owner.GetJsonAsync($"/api/programs/{program}"))["name"]!.ToString().ShouldBe($"Small program {program}");
    }
}
