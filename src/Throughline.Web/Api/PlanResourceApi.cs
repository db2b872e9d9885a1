using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Throughline.Storage;
using Throughline.Storage.Plans;
using Throughline.Storage.Rows;

namespace Throughline.Web.Api;

/// <summary>
/// The endpoints of one kind of plan entity under <c>/api/programs/{program}/{resource}</c>: list, read, create,
/// replace and delete. Bodies are the entity's fields as a plan file writes them (docs/plan-format.md), in JSON.
/// </summary>
public static class PlanResourceApi
{
    public static RouteGroupBuilder MapPlanResourceApi(this RouteGroupBuilder api, PlanResource resource)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(resource);
        var group = api.MapGroup($"/programs/{{program}}/{resource.Name}").WithTags(resource.Name);
        group.MapGet("/", (string program, HttpContext http, ThroughlineDb db, CancellationToken ct) => ListAsync(resource, program, http, db, ct))
            .WithName($"list-{resource.Name}");
        group.MapGet("/{id}", (string program, string id, HttpContext http, ThroughlineDb db, CancellationToken ct) => GetAsync(resource, program, id, http, db, ct))
            .WithName($"get-{resource.Name}");
        group.MapPost("/", (string program, JsonObject body, HttpContext http, ThroughlineDb db, PlanEditor editor, CancellationToken ct) => CreateAsync(resource, program, body, http, db, editor, ct))
            .WithName($"create-{resource.Name}");
        group.MapPut("/{id}", (string program, string id, JsonObject body, HttpContext http, ThroughlineDb db, PlanEditor editor, CancellationToken ct) => UpdateAsync(resource, program, id, body, http, db, editor, ct))
            .WithName($"update-{resource.Name}");
        group.MapDelete("/{id}", (string program, string id, HttpContext http, ThroughlineDb db, PlanEditor editor, CancellationToken ct) => DeleteAsync(resource, program, id, http, db, editor, ct))
            .WithName($"delete-{resource.Name}");
        return api;
    }

    private static async Task<Results<Ok<List<JsonObject>>, ProblemHttpResult>> ListAsync(
        PlanResource resource, string program, HttpContext http, ThroughlineDb db, CancellationToken cancellationToken)
    {
        var (access, problem) = await ProgramAccess.CheckAsync(http, db, program, Permission.Viewer, cancellationToken);
        if (access is null)
        {
            return problem!;
        }

        var rows = await resource.ListAsync(db, access.Program.Id, cancellationToken);
        return TypedResults.Ok(rows.Select(resource.ToApiWithVersion).ToList());
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> GetAsync(
        PlanResource resource, string program, string id, HttpContext http, ThroughlineDb db, CancellationToken cancellationToken)
    {
        var (access, problem) = await ProgramAccess.CheckAsync(http, db, program, Permission.Viewer, cancellationToken);
        if (access is null)
        {
            return problem!;
        }

        var row = (await resource.ListAsync(db, access.Program.Id, cancellationToken)).FirstOrDefault(r => r.Key == id);
        if (row is null)
        {
            return Problems.NotFound($"no {resource.Singular} '{id}' in '{program}'");
        }

        Versions.SetETag(http, row.Version);
        return TypedResults.Ok(resource.ToApiWithVersion(row));
    }

    private static async Task<Results<Created<JsonObject>, ProblemHttpResult>> CreateAsync(
        PlanResource resource, string program, JsonObject body, HttpContext http, ThroughlineDb db, PlanEditor editor, CancellationToken cancellationToken)
    {
        var (access, problem) = await ProgramAccess.CheckAsync(http, db, program, Permission.Editor, cancellationToken);
        if (access is null)
        {
            return problem!;
        }

        var result = await editor.CreateAsync(access.Program, resource, body, access.Caller.Actor, cancellationToken);
        if (result.Status != EditStatus.Saved)
        {
            return EditResults.Failure(result, $"{resource.Singular} in '{program}'");
        }

        Versions.SetETag(http, result.Row!.Version);
        return TypedResults.Created($"/api/programs/{program}/{resource.Name}/{result.Row.Key}", resource.ToApiWithVersion(result.Row));
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> UpdateAsync(
        PlanResource resource, string program, string id, JsonObject body, HttpContext http, ThroughlineDb db, PlanEditor editor, CancellationToken cancellationToken)
    {
        var (access, problem) = await ProgramAccess.CheckAsync(http, db, program, Permission.Editor, cancellationToken);
        if (access is null)
        {
            return problem!;
        }

        if (Versions.IfMatch(http.Request, out var precondition) is not { } version)
        {
            return precondition!;
        }

        var result = await editor.UpdateAsync(access.Program, resource, id, version, body, access.Caller.Actor, cancellationToken);
        if (result.Status != EditStatus.Saved)
        {
            return EditResults.Failure(result, $"{resource.Singular} '{id}' in '{program}'");
        }

        Versions.SetETag(http, result.Row!.Version);
        return TypedResults.Ok(resource.ToApiWithVersion(result.Row));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        PlanResource resource, string program, string id, HttpContext http, ThroughlineDb db, PlanEditor editor, CancellationToken cancellationToken)
    {
        var (access, problem) = await ProgramAccess.CheckAsync(http, db, program, Permission.Editor, cancellationToken);
        if (access is null)
        {
            return problem!;
        }

        if (Versions.IfMatch(http.Request, out var precondition) is not { } version)
        {
            return precondition!;
        }

        var result = await editor.DeleteAsync(access.Program, resource, id, version, access.Caller.Actor, cancellationToken);
        return result.Status == EditStatus.Saved ? TypedResults.NoContent() : EditResults.Failure(result, $"{resource.Singular} '{id}' in '{program}'");
    }
}
