using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using Throughline.Web.Hosting;

namespace Throughline.Web.Tests;

/// <summary>#14 "Observability": what an operator and a load balancer need to see.</summary>
public sealed class ObservabilityTests
{
    [Theory]
    [MemberData(nameof(ServerDatabase.Providers), MemberType = typeof(ServerDatabase))]
    public async Task Liveness_answers_always_and_readiness_only_while_the_database_answers(string provider)
    {
        await using var database = await ServerDatabase.CreateAsync(provider);
        await using var server = new ThroughlineServer(database);
        var anonymous = server.Anonymous().Http;

        var live = await anonymous.GetAsync("/healthz", TestContext.Current.CancellationToken);
        var ready = await anonymous.GetAsync("/readyz", TestContext.Current.CancellationToken);
        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);

        await MakeUnreachableAsync(database, provider);

        (await anonymous.GetAsync("/healthz", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.GetAsync("/readyz", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Request_rate_latency_and_the_cache_size_are_exported_as_metrics()
    {
        await using var database = await ServerDatabase.CreateAsync("sqlite");
        await using var server = new ThroughlineServer(database);
        // Snapshots, not Metric objects: the exporter reuses a Metric between collections, so its points read later may be
        // another collection's (a periodic export under load), while a snapshot keeps the points it was exported with.
        var exported = new List<MetricSnapshot>();
        await using var observed = server.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(exported))));
        var client = new ApiClient(observed.CreateClient(), "anonymous");
        var login = await client.Http.PostAsync("/api/account/login", System.Net.Http.Json.JsonContent.Create(new { userName = "admin", password = ThroughlineServer.AdminPassword }), TestContext.Current.CancellationToken);
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        var antiforgery = await client.GetJsonAsync("/api/account/antiforgery");
        client.Http.DefaultRequestHeaders.Add("X-XSRF-TOKEN", antiforgery["token"]!.ToString());
        var program = await client.CreateProgramAsync();
        await client.GetJsonAsync($"/api/programs/{program}/overview");

        observed.Services.GetRequiredService<MeterProvider>().ForceFlush().ShouldBeTrue();

        var names = exported.Select(m => m.Name).ToHashSet();
        names.ShouldContain("http.server.request.duration");
        names.ShouldContain("throughline.cache.size");
        names.ShouldContain("throughline.forecast.running");
        names.ShouldContain("throughline.database.writes_waiting");
        var cacheBytes = exported.Where(m => m.Name == "throughline.cache.size").SelectMany(Points).Max();
        cacheBytes.ShouldBeGreaterThan(0);
        exported.Where(m => m.MeterName == ServerMetrics.MeterName && m.Name == "throughline.cache.budget").SelectMany(Points).Max().ShouldBe(Storage.Plans.RevisionCache.DefaultBudgetBytes);
    }

    private static IEnumerable<long> Points(MetricSnapshot metric) => metric.MetricPoints.Select(p => p.GetGaugeLastValueLong());

    private static async Task MakeUnreachableAsync(ServerDatabase database, string provider)
    {
        if (provider == "sqlite")
        {
            // The file gone and a folder in its place: no connection can open it.
            var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }

            Directory.CreateDirectory(file);
            return;
        }

        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var name = builder.Database;
        builder.Database = "postgres";
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand($"ALTER DATABASE \"{name}\" WITH ALLOW_CONNECTIONS false; SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'", connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
