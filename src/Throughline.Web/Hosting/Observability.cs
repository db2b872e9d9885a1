using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Throughline.Storage;
using Throughline.Storage.Plans;
using Throughline.Web.Api;

namespace Throughline.Web.Hosting;

/// <summary>
/// What an operator watches: one structured log line per request, OpenTelemetry metrics (ASP.NET Core's request rate
/// and latency, and ours: <see cref="ServerMetrics"/>) and traces, exported over OTLP only when an endpoint is
/// configured (<c>OpenTelemetry:OtlpEndpoint</c> or <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>), and the load balancer's
/// probes: <c>/healthz</c> (the process answers) and <c>/readyz</c> (and its database does).
/// </summary>
public static partial class Observability
{
    public static WebApplicationBuilder AddThroughlineObservability(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHealthChecks().AddCheck<DatabaseReachable>("database", tags: ["ready"], timeout: TimeSpan.FromSeconds(5));
        builder.Services.AddSingleton<ServerMetrics>();
        var otlp = builder.Configuration["OpenTelemetry:OtlpEndpoint"] is { Length: > 0 } configured ? configured : builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var export = !string.IsNullOrEmpty(otlp);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("throughline"))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddMeter(ServerMetrics.MeterName);
                if (export)
                {
                    metrics.AddOtlpExporter(o => o.Endpoint = new Uri(otlp!));
                }
            })
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation();
                if (export)
                {
                    tracing.AddOtlpExporter(o => o.Endpoint = new Uri(otlp!));
                }
            });
        if (export)
        {
            builder.Logging.AddOpenTelemetry(o => o.AddOtlpExporter(e => e.Endpoint = new Uri(otlp!)));
        }

        return builder;
    }

    /// <summary>The request log, outermost, so that it sees every answer (a 413 or a 503 included).</summary>
    public static WebApplication UseThroughlineRequestLog(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Services.GetRequiredService<ServerMetrics>();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Throughline.Requests");
        app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.ToString();
                LogRequest(log, context.Request.Method, route, context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });
        return app;
    }

    public static WebApplication MapThroughlineHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        return app;
    }

    // The route template, not the path: a program's key is not a label, and keeps the log's cardinality low.
    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "{Method} {Route} answered {Status} in {ElapsedMs:0.0} ms")]
    private static partial void LogRequest(ILogger logger, string method, string route, int status, double elapsedMs);
}

/// <summary>Ready when a query on the database answers (a load balancer then sends traffic).</summary>
internal sealed class DatabaseReachable(ThroughlineDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.Programs.AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy("the database answers");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("the database does not answer", e);
        }
    }
}

/// <summary>
/// The server's own metrics (meter <c>Throughline.Server</c>): the revision cache's estimated size and entries,
/// forecasts computing now, and writes waiting for the SQLite write gate.
/// </summary>
public sealed class ServerMetrics
{
    public const string MeterName = "Throughline.Server";

    public ServerMetrics(IMeterFactory meters, RevisionCache cache, ForecastRuns forecasts, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(forecasts);
        ArgumentNullException.ThrowIfNull(services);
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("throughline.cache.size", () => cache.Bytes, "By", "estimated size of the snapshots and computations kept by revision");
        meter.CreateObservableGauge("throughline.cache.entries", () => cache.Count, "{entry}", "values kept by revision");
        meter.CreateObservableGauge("throughline.cache.budget", () => cache.BudgetBytes, "By", "the cache's byte budget (Cache:MaxBytes)");
        meter.CreateObservableGauge("throughline.forecast.running", () => forecasts.Running, "{forecast}", "Monte Carlo forecasts computing now");
        if (services.GetService<SqliteWriteGate>() is { } gate)
        {
            meter.CreateObservableGauge("throughline.database.writes_waiting", () => gate.Waiting, "{write}", "writes waiting for their turn at the SQLite write gate");
        }
    }
}
