using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Throughline.Storage;
using Throughline.Storage.Rows;

namespace Throughline.Web.Api;

/// <summary>Every recorded change of a program, newest first: who, when, which entity, before and after.</summary>
public static class HistoryApi
{
    public const int MaxPage = 500;

    public static RouteGroupBuilder MapHistoryApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/programs/{program}/history", ListAsync).WithTags("History");
        return api;
    }

    /// <summary>
    /// Changes, newest first, optionally of one entity type (<c>work-items</c>) or one entity (<c>type</c> and
    /// <c>id</c>); page with <c>before</c> (a change id) and <c>limit</c>.
    /// </summary>
    private static async Task<Results<Ok<List<JsonObject>>, ProblemHttpResult>> ListAsync(
        string program, HttpContext http, ThroughlineDb db, CancellationToken cancellationToken, string? type = null, string? id = null, long? before = null, int limit = 100)
    {
        var (access, problem) = await ProgramAccess.CheckAsync(http, db, program, Permission.Viewer, cancellationToken);
        if (access is null)
        {
            return problem!;
        }

        if (limit is < 1 or > MaxPage)
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["limit"] = [$"between 1 and {MaxPage}"] });
        }

        var changes = db.Changes.AsNoTracking().Where(c => c.ProgramId == access.Program.Id);
        if (type is not null)
        {
            changes = changes.Where(c => c.EntityType == type);
        }

        if (id is not null)
        {
            changes = changes.Where(c => c.EntityKey == id);
        }

        if (before is not null)
        {
            changes = changes.Where(c => c.Id < before);
        }

        var rows = await changes.OrderByDescending(c => c.Id).Take(limit).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(c => new JsonObject
        {
            ["id"] = c.Id,
            ["at"] = c.At,
            ["user"] = c.UserName,
            ["type"] = c.EntityType,
            ["entity"] = c.EntityKey,
            ["action"] = c.Action,
            ["revision"] = c.Revision,
            ["before"] = Value(c.Before),
            ["after"] = Value(c.After),
        }).ToList());
    }

    /// <summary>Entity fields are JSON objects; whole plans (imports) and memberships are text.</summary>
    private static JsonNode? Value(string? stored) =>
        stored is null ? null
        : stored.StartsWith('{') ? JsonNode.Parse(stored)
        : JsonValue.Create(stored);
}
