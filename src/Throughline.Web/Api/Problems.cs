using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Throughline.Storage.Plans;

namespace Throughline.Web.Api;

/// <summary>The API's expected failures as RFC 7807 problem details, in one place.</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(title: "Not found", detail: detail, statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(title: "Not allowed", detail: detail, statusCode: StatusCodes.Status403Forbidden);

    public static ProblemHttpResult Conflict(string detail, IReadOnlyDictionary<string, string[]>? errors = null) =>
        TypedResults.Problem(
            title: "Conflict",
            detail: detail,
            statusCode: StatusCodes.Status409Conflict,
            extensions: errors is { Count: > 0 } ? new Dictionary<string, object?> { ["errors"] = errors } : null);

    public static ProblemHttpResult PreconditionRequired() =>
        TypedResults.Problem(
            title: "If-Match required",
            detail: "send the ETag from your last read of this entity in If-Match, so that a change made since is not overwritten",
            statusCode: StatusCodes.Status428PreconditionRequired);

    public static ProblemHttpResult PreconditionFailed(long current) =>
        TypedResults.Problem(
            title: "Changed since you read it",
            detail: $"the current version is {current.ToString(CultureInfo.InvariantCulture)}; read it again and reapply your change",
            statusCode: StatusCodes.Status412PreconditionFailed,
            extensions: new Dictionary<string, object?> { ["currentVersion"] = current });

    /// <summary>429: the caller should wait (the endpoint sets Retry-After).</summary>
    public static ProblemHttpResult TooManyRequests(string detail) =>
        TypedResults.Problem(title: "Too many requests", detail: detail, statusCode: StatusCodes.Status429TooManyRequests);

    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(title: "Bad request", detail: detail, statusCode: StatusCodes.Status400BadRequest);

    /// <summary>400 with every field's messages (<c>errors</c>), the shape of ASP.NET Core's validation problems.</summary>
    public static ProblemHttpResult Invalid(IReadOnlyDictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value))
        {
            Title = "The request is not valid",
            Detail = detail,
            Status = StatusCodes.Status400BadRequest,
        });
}
