using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Throughline.Web.Tests;

public sealed class ConcurrencyTests
{
    private const int Clients = 6;
    private const int Rounds = 8;

    [Theory]
    [MemberData(nameof(ServerDatabase.Providers), MemberType = typeof(ServerDatabase))]
    public async Task Concurrent_writers_lose_no_acknowledged_write_and_every_stale_write_is_412(string provider)
    {
        await using var database = await ServerDatabase.CreateAsync(provider);
        await using var server = new ThroughlineServer(database);
        var owner = await server.CreateUserAsync();
        var program = await owner.CreateProgramAsync();
        var writers = new List<ApiClient>();
        for (var i = 0; i < Clients; i++)
        {
            writers.Add(await server.AsEditorAsync(owner, program));
        }

        string[] paths = [$"/api/programs/{program}/risks/r-late", $"/api/programs/{program}/teams/core"];
        var acknowledged = new ConcurrentBag<(string Path, string Marker, string ETag)>();
        var staleAnswers = new ConcurrentBag<HttpStatusCode>();
        var otherAnswers = new ConcurrentBag<string>();

        await Task.WhenAll(writers.Select((writer, w) => Task.Run(async () =>
        {
            for (var round = 0; round < Rounds; round++)
            {
                var path = paths[(w + round) % paths.Length];
                var (body, etag) = await writer.ReadAsync(path);
                var marker = $"writer {w} round {round}";
                body[Field(path)] = marker;
                var response = await writer.PutAsync(path, body, etag);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    acknowledged.Add((path, marker, response.Headers.ETag!.ToString()));
                }
                else if (response.StatusCode != HttpStatusCode.PreconditionFailed)
                {
                    otherAnswers.Add($"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }

                // A write with the first version is stale once anyone has written: it must be refused.
                body[Field(path)] = "stale " + marker;
                staleAnswers.Add((await writer.PutAsync(path, body, "\"1\"")).StatusCode);
            }
        })));

        otherAnswers.ShouldBeEmpty();
        staleAnswers.ShouldAllBe(s => s == HttpStatusCode.PreconditionFailed);
        foreach (var path in paths)
        {
            var acks = acknowledged.Where(a => a.Path == path).ToList();
            acks.ShouldNotBeEmpty();

            // Each acknowledged write made exactly one new version, and the history holds every one of them.
            var versions = acks.Select(a => long.Parse(a.ETag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
            versions.ShouldBe(Enumerable.Range(2, acks.Count).Select(v => (long)v).ToList());
            var (current, etag) = await owner.ReadAsync(path);
            etag.ShouldBe($"\"{acks.Count + 1}\"");
            current[Field(path)]!.ToString().ShouldBe(acks.MaxBy(a => long.Parse(a.ETag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture))!.Marker);
            var kind = path.Split('/')[^2];
            var key = path.Split('/')[^1];
            var history = await owner.Http.GetFromJsonAsync<JsonArray>($"/api/programs/{program}/history?type={kind}&id={key}&limit=500", TestContext.Current.CancellationToken);
            history!.Select(h => h!["after"]![Field(path)]!.ToString()).ShouldBe(acks.Select(a => a.Marker), ignoreOrder: true);
        }
    }

    /// <summary>The free-text field each writer stamps with its marker.</summary>
    private static string Field(string path) => path.Contains("/risks/", StringComparison.Ordinal) ? "mitigation" : "name";
}
