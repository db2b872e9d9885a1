using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Throughline.Web.Auth;

namespace Throughline.Web.Api;

/// <summary>The REST API under <c>/api</c>: problem details for every error, OpenAPI at <c>/openapi/v1.json</c>, size-limited bodies.</summary>
public static class ApiSetup
{
    public static WebApplicationBuilder AddThroughlineApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddProblemDetails();
        // The document names no servers: by default they were taken from the request's Host, which a caller forges.
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Servers?.Clear();
            return Task.CompletedTask;
        }));
        var limit = builder.Configuration.GetValue("Limits:MaxRequestBodyBytes", 16L * 1024 * 1024);
        var entityLimit = builder.Configuration.GetValue("Limits:MaxEntityBodyBytes", 256L * 1024);
        builder.Services.AddSingleton(new BodyLimit(limit, Math.Min(entityLimit, limit)));
        builder.Services.AddSingleton(ForecastRuns.From(builder.Configuration));
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = limit);
        return builder;
    }

    public static WebApplication UseThroughlineApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Bad input the framework finds (a body that is not JSON, a missing parameter) is the caller's 4xx, not our 500.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.Use(RefuseLargeBodies);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapThroughlineApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi();
        var api = app.MapGroup("/api").RequireAuthorization().AddEndpointFilter<CallerFilter>().AddEndpointFilter<JsonBodyFilter>();
        api.MapAccountApi();
        api.MapUsersApi();
        api.MapProgramsApi();
        api.MapPlanTransferApi();
        foreach (var resource in Storage.Plans.PlanResource.All)
        {
            api.MapPlanResourceApi(resource);
        }

        api.MapMembersApi();
        api.MapHistoryApi();
        api.MapBaselinesApi();
        return app;
    }

    /// <summary>
    /// A declared body over the endpoint's limit is refused before it is read: a plan file may be large
    /// (<see cref="PlanFileBody"/>), one entity's fields or a form are not. Kestrel enforces the same limit on bodies
    /// without a length; this also covers hosts (the test server) that do not.
    /// </summary>
    private static async Task RefuseLargeBodies(HttpContext context, RequestDelegate next)
    {
        var limits = context.RequestServices.GetRequiredService<BodyLimit>();
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<PlanFileBody>() is null ? limits.EntityBytes : limits.Bytes;
        if (context.Request.ContentLength > limit)
        {
            await TypedResults.Problem(
                title: "Request body too large",
                detail: $"the body is {context.Request.ContentLength} bytes; the limit is {limit}",
                statusCode: StatusCodes.Status413PayloadTooLarge).ExecuteAsync(context);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        await next(context);
    }
}

/// <summary>
/// The largest request bodies accepted, in bytes: a plan file (<c>Limits:MaxRequestBodyBytes</c>, default 16 MiB), and
/// any other body (<c>Limits:MaxEntityBodyBytes</c>, default 256 KiB).
/// </summary>
public sealed record BodyLimit(long Bytes, long EntityBytes);

/// <summary>Marks the endpoints that take a whole plan file, which may be up to <see cref="BodyLimit.Bytes"/>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PlanFileBody : Attribute;
