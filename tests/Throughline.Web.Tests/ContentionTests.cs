using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;

namespace Throughline.Web.Tests;

/// <summary>#14 finding 4: under many concurrent writers, SQLite's lock timeouts became 500s.</summary>
public sealed class ContentionTests
{
    private const int Writers = 64;
    private const int WritesEach = 3;

    [Theory]
    [MemberData(nameof(ServerDatabase.Providers), MemberType = typeof(ServerDatabase))]
    public async Task Sixty_four_concurrent_writers_all_succeed_with_no_500(string provider)
    {
        await using var database = await ServerDatabase.CreateAsync(provider);

        // SQLite's own busy wait cut to a second, so that contention left to SQLite shows within a test's time.
        await using var server = new ThroughlineServer(database, settings: Settings(database, provider, writeWaitSeconds: 600));
        var owner = await server.CreateUserAsync();
        var program = await owner.CreateProgramAsync();

        var answers = await WriteConcurrentlyAsync(owner, program);

        answers.Where(a => a.Status != HttpStatusCode.Created).ShouldBeEmpty();
        (await owner.Http.GetFromJsonAsync<List<object>>($"/api/programs/{program}/risks", TestContext.Current.CancellationToken))!.Count.ShouldBe(1 + (Writers * WritesEach));
    }

    [Fact]
    public async Task A_write_that_cannot_get_its_turn_in_time_is_503_with_retry_after_and_changes_nothing()
    {
        await using var database = await ServerDatabase.CreateAsync("sqlite");
        await using var server = new ThroughlineServer(database, settings: Settings(database, "sqlite", writeWaitSeconds: 0.001));
        var owner = await server.CreateUserAsync();
        var program = await owner.CreateProgramAsync();

        var answers = await WriteConcurrentlyAsync(owner, program);

        answers.Select(a => a.Status).Distinct().ShouldBeSubsetOf([HttpStatusCode.Created, HttpStatusCode.ServiceUnavailable]);
        var busy = answers.Where(a => a.Status == HttpStatusCode.ServiceUnavailable).ToList();
        busy.ShouldNotBeEmpty();
        busy.ShouldAllBe(a => a.RetryAfter != null && a.RetryAfter > TimeSpan.Zero);
        var created = answers.Count(a => a.Status == HttpStatusCode.Created);
        (await owner.Http.GetFromJsonAsync<List<object>>($"/api/programs/{program}/risks", TestContext.Current.CancellationToken))!.Count.ShouldBe(1 + created);
    }

    private static Dictionary<string, string> Settings(ServerDatabase database, string provider, double writeWaitSeconds)
    {
        var settings = new Dictionary<string, string> { ["Database:WriteWaitSeconds"] = writeWaitSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (provider == "sqlite")
        {
            settings["ConnectionStrings:Throughline"] = database.ConnectionString + ";Default Timeout=1";
        }

        return settings;
    }

    private static async Task<List<(HttpStatusCode Status, TimeSpan? RetryAfter)>> WriteConcurrentlyAsync(ApiClient owner, string program)
    {
        var answers = new ConcurrentBag<(HttpStatusCode, TimeSpan?)>();
        using var start = new SemaphoreSlim(0);
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            await start.WaitAsync();
            for (var i = 0; i < WritesEach; i++)
            {
                var response = await owner.Http.PostAsJsonAsync(
                    $"/api/programs/{program}/risks",
                    new { id = $"r-{w}-{i}", title = $"Risk {w}.{i}", probability = "10%", impact = "1d", items = new[] { "build" } });
                answers.Add((response.StatusCode, response.Headers.RetryAfter?.Delta));
            }
        })).ToList();
        start.Release(Writers);
        await Task.WhenAll(writers);
        return [.. answers];
    }
}
