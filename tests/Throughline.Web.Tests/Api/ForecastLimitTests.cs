using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Throughline.Storage;
using Throughline.Storage.Plans;
using Throughline.Web.Api;

namespace Throughline.Web.Tests.Api;

/// <summary>#14 finding 7: any viewer could tie up the CPU with uncached, unthrottled forecasts.</summary>
public sealed class ForecastLimitTests
{
    [Theory]
    [MemberData(nameof(ServerDatabase.Providers), MemberType = typeof(ServerDatabase))]
    public async Task A_forecast_is_computed_once_per_revision_and_parameters(string provider)
    {
        await using var database = await ServerDatabase.CreateAsync(provider);
        await using var server = new ThroughlineServer(database);
        var owner = await server.CreateUserAsync();
        var program = await owner.CreateProgramAsync();
        var cache = server.Services.GetRequiredService<RevisionCache>();
        (await owner.Http.GetAsync($"/api/programs/{program}/diagnostics", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var withSnapshot = cache.Count;

        var first = await owner.GetJsonAsync($"/api/programs/{program}/forecast?iterations=300&seed=7");
        var afterFirst = cache.Count;
        var second = await owner.GetJsonAsync($"/api/programs/{program}/forecast?iterations=300&seed=7");
        var afterSecond = cache.Count;
        await owner.GetJsonAsync($"/api/programs/{program}/forecast?iterations=300&seed=8");

        afterFirst.ShouldBe(withSnapshot + 1);
        afterSecond.ShouldBe(afterFirst);
        cache.Count.ShouldBe(afterFirst + 1);
        second.ToJsonString().ShouldBe(first.ToJsonString());
    }

    [Fact]
    public async Task Iterations_over_the_configured_cap_are_refused_naming_the_parameter()
    {
        await using var database = await ServerDatabase.CreateAsync("sqlite");
        await using var server = new ThroughlineServer(database, settings: new Dictionary<string, string> { ["Forecast:MaxIterations"] = "500" });
        var owner = await server.CreateUserAsync();
        var program = await owner.CreateProgramAsync();

        var over = await owner.Http.GetAsync($"/api/programs/{program}/forecast?iterations=501", TestContext.Current.CancellationToken);
        var at = await owner.Http.GetAsync($"/api/programs/{program}/forecast?iterations=500", TestContext.Current.CancellationToken);

        over.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await over.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["errors"]!["iterations"]![0]!.ToString().ShouldBe("between 100 and 500");
        at.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(ServerDatabase.Providers), MemberType = typeof(ServerDatabase))]
    public async Task Forecasts_over_the_per_user_or_per_program_limit_are_429_with_retry_after(string provider)
    {
        await using var database = await ServerDatabase.CreateAsync(provider);
        await using var server = new ThroughlineServer(database, settings: new Dictionary<string, string>
        {
            ["Forecast:MaxConcurrentPerUser"] = "1",
            ["Forecast:MaxConcurrentPerProgram"] = "2",
        });
        var owner = await server.CreateUserAsync();
        var program = await owner.CreateProgramAsync();
        var other = await server.AsViewerAsync(owner, program);
        var third = await server.AsViewerAsync(owner, program);
        var runs = server.Services.GetRequiredService<ForecastRuns>();
        var programId = await IdAsync(server, db => db.Programs.Where(p => p.Key == program).Select(p => p.Id));
        var ownerId = await IdAsync(server, db => db.Users.Where(u => u.UserName == owner.UserName).Select(u => u.Id));
        var otherId = await IdAsync(server, db => db.Users.Where(u => u.UserName == other.UserName).Select(u => u.Id));

        // The owner has one forecast running (of another program): their next one waits; someone else's does not.
        using (runs.TryStart(programId + 1000, ownerId))
        {
            var refused = await owner.Http.GetAsync($"/api/programs/{program}/forecast?iterations=200&seed=1", TestContext.Current.CancellationToken);
            refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            refused.Headers.RetryAfter!.Delta!.Value.ShouldBe(TimeSpan.FromSeconds(ForecastRuns.RetryAfterSeconds));
            refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            (await other.Http.GetAsync($"/api/programs/{program}/forecast?iterations=200&seed=2", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // The program has two forecasts running: a third caller waits, whoever it is.
        using (runs.TryStart(programId, ownerId))
        using (runs.TryStart(programId, otherId))
        {
            (await third.Http.GetAsync($"/api/programs/{program}/forecast?iterations=200&seed=3", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        }

        (await owner.Http.GetAsync($"/api/programs/{program}/forecast?iterations=200&seed=1", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await third.Http.GetAsync($"/api/programs/{program}/forecast?iterations=200&seed=3", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        runs.Running.ShouldBe(0);
    }

    private static async Task<long> IdAsync(ThroughlineServer server, Func<ThroughlineDb, IQueryable<long>> query)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ThroughlineDb>()).SingleAsync(TestContext.Current.CancellationToken);
    }
}
