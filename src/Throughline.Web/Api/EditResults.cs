using Microsoft.AspNetCore.Http.HttpResults;
using Throughline.Storage.Plans;

namespace Throughline.Web.Api;

/// <summary>Maps an edit's expected failures to HTTP: the one place where <see cref="EditStatus"/> meets status codes.</summary>
public static class EditResults
{
    public static ProblemHttpResult Failure(EditResult result, string what)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Status switch
        {
            EditStatus.NotFound => Problems.NotFound($"no {what}"),
            EditStatus.Stale => Problems.PreconditionFailed(result.CurrentVersion),
            EditStatus.Invalid => Problems.Invalid(result.Errors, result.Detail),
            EditStatus.Conflict => Problems.Conflict(result.Detail ?? "the change conflicts with the plan", result.Errors),
            EditStatus.Saved => throw new ArgumentException("a saved edit is not a failure", nameof(result)),
        };
    }
}
