using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Throughline.Domain;
using Throughline.Interop.Plan;
using Throughline.Scheduling;
using Throughline.Storage;
using Throughline.Storage.Plans;
using Throughline.Storage.Rows;

namespace Throughline.Web.Api;

/// <summary>
/// Baselines: named frozen copies of a program's plan and schedule, and comparisons between two of them or between
/// one and now ("what moved since last week's review").
/// </summary>
public static class BaselinesApi
{
    /// <summary>The name that stands for the program as it is now in a comparison.</summary>
    public const string Now = "now";

    public static RouteGroupBuilder MapBaselinesApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var baselines = api.MapGroup("/programs/{program}/baselines").WithTags("Baselines");
        baselines.MapGet("/", ListAsync);
        baselines.MapPost("/", CreateAsync);
        baselines.MapGet("/compare", CompareAsync);
        baselines.MapGet("/{name}", GetAsync);
        return api;
    }

    public sealed record BaselineRequest(string Name);

    public sealed record BaselineSummary(string Name, DateTime TakenAt, string TakenBy, long Revision);

    private static async Task<Results<Ok<List<BaselineSummary>>, ProblemHttpResult>> ListAsync(string program, HttpContext http, ThroughlineDb db, CancellationToken cancellationToken)
    {
        var (access, problem) = await ProgramAccess.CheckAsync(http, db, program, Permission.Viewer, cancellationToken);
        if (access is null)
        {
            return problem!;
        }

        var rows = await db.Baselines.AsNoTracking().Where(b => b.ProgramId == access.Program.Id).OrderBy(b => b.Id)
            .Select(b => new BaselineSummary(b.Name, b.TakenAt, b.TakenBy, b.Revision)).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows);
    }

    private static async Task<Results<Created<BaselineSummary>, ProblemHttpResult>> CreateAsync(
        string program, BaselineRequest request, HttpContext http, ThroughlineDb db, ProgramSnapshots snapshots, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (access, problem) = await ProgramAccess.CheckAsync(http, db, program, Permission.Editor, cancellationToken);
        if (access is null)
        {
            return problem!;
        }

        var taken = await Baselines.TakeAsync(db, snapshots, clock, access, request.Name, cancellationToken);
        if (taken.Row is { } row)
        {
            return TypedResults.Created($"/api/programs/{program}/baselines/{Uri.EscapeDataString(row.Name)}", new BaselineSummary(row.Name, row.TakenAt, row.TakenBy, row.Revision));
        }

        return taken.InvalidName is { } invalid
            ? Problems.Invalid(new Dictionary<string, string[]> { ["name"] = [invalid] })
            : Problems.Conflict(taken.Conflict!);
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> GetAsync(string program, string name, HttpContext http, ThroughlineDb db, CancellationToken cancellationToken)
    {
        var (access, problem) = await ProgramAccess.CheckAsync(http, db, program, Permission.Viewer, cancellationToken);
        if (access is null)
        {
            return problem!;
        }

        var row = await db.Baselines.AsNoTracking().SingleOrDefaultAsync(b => b.ProgramId == access.Program.Id && b.Name == name, cancellationToken);
        if (row is null)
        {
            return Problems.NotFound($"no baseline '{name}' in '{program}'");
        }

        return TypedResults.Ok(new JsonObject
        {
            ["name"] = row.Name,
            ["takenAt"] = row.TakenAt,
            ["takenBy"] = row.TakenBy,
            ["revision"] = row.Revision,
            ["schedule"] = JsonNode.Parse(row.Schedule),
        });
    }

    /// <summary>Compares baseline <paramref name="from"/> with baseline <paramref name="to"/>, or with the program now (the default).</summary>
    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> CompareAsync(
        string program, string from, HttpContext http, ThroughlineDb db, ProgramSnapshots snapshots, CancellationToken cancellationToken, string to = Now)
    {
        var (access, problem) = await ProgramAccess.CheckAsync(http, db, program, Permission.Viewer, cancellationToken);
        if (access is null)
        {
            return problem!;
        }

        async Task<(Domain.Program? Plan, ProgramSchedule? Schedule, string? Missing)> LoadAsync(string name)
        {
            if (name == Now)
            {
                var snapshot = await snapshots.GetAsync(db, access.Program, cancellationToken);
                return (snapshot.Plan.Program, snapshot.Schedule, snapshot.Plan.Program is null ? "the plan now cannot be read" : null);
            }

            var row = await db.Baselines.AsNoTracking().SingleOrDefaultAsync(b => b.ProgramId == access.Program.Id && b.Name == name, cancellationToken);
            if (row is null)
            {
                return (null, null, $"no baseline '{name}' in '{program}'");
            }

            // The frozen plan is scheduled again, so both sides are measured by the same engine on their own calendars.
            var plan = PlanReader.Read(row.Plan, name).Program;
            return (plan, plan is null ? null : ProgramScheduler.Schedule(plan), plan is null ? $"baseline '{name}' cannot be read" : null);
        }

        var old = await LoadAsync(from);
        var @new = await LoadAsync(to);
        if ((old.Missing ?? @new.Missing) is { } missing)
        {
            return Problems.NotFound(missing);
        }

        var comparison = ScheduleComparison.Compare(old.Plan!, old.Schedule!, @new.Plan!, @new.Schedule!);
        return TypedResults.Ok(new JsonObject
        {
            ["from"] = from,
            ["to"] = to,
            ["programFinish"] = Move(comparison.ProgramFinish),
            ["slipped"] = new JsonArray([.. comparison.ItemsMoved.Where(m => m.WorkingMinutesMoved > 0).Select(m => (JsonNode)Move(m))]),
            ["milestonesMoved"] = new JsonArray([.. comparison.MilestonesMoved.Select(m => (JsonNode)Move(m))]),
            ["itemsMoved"] = new JsonArray([.. comparison.ItemsMoved.Select(m => (JsonNode)Move(m))]),
            ["added"] = new JsonArray([.. comparison.Added.Select(id => (JsonNode)id.Value)]),
            ["removed"] = new JsonArray([.. comparison.Removed.Select(id => (JsonNode)id.Value)]),
            ["ownersChanged"] = new JsonArray([.. OwnerChanges(old.Plan!, @new.Plan!)]),
        });
    }

    private static JsonObject Move(ItemMove move) => new()
    {
        ["id"] = move.Id.Value,
        ["name"] = move.Name,
        ["milestone"] = move.IsMilestone,
        ["committed"] = move.Committed is { } c ? ScheduleJson.Date(c) : null,
        ["oldFinish"] = ScheduleJson.Date(move.OldFinish),
        ["newFinish"] = ScheduleJson.Date(move.NewFinish),
        ["workingDays"] = Math.Round(move.WorkingDaysMoved, 2),
        ["becameLate"] = move.BecameLate,
    };

    /// <summary>Items whose assignees changed, and projects whose product manager, engineering manager or TPM changed.</summary>
    private static IEnumerable<JsonNode> OwnerChanges(Domain.Program old, Domain.Program @new)
    {
        var oldItems = old.WorkItems.DistinctBy(i => i.Id).ToDictionary(i => i.Id);
        foreach (var item in @new.WorkItems.DistinctBy(i => i.Id))
        {
            if (oldItems.TryGetValue(item.Id, out var was) && Owners(was) != Owners(item))
            {
                yield return Change("work-items", item.Id.Value, "owners", Owners(was), Owners(item));
            }
        }

        var oldProjects = old.Projects.DistinctBy(p => p.Id).ToDictionary(p => p.Id);
        foreach (var project in @new.Projects.DistinctBy(p => p.Id))
        {
            if (!oldProjects.TryGetValue(project.Id, out var was))
            {
                continue;
            }

            foreach (var (field, before, after) in new[]
            {
                ("product-manager", was.ProductManager, project.ProductManager),
                ("engineering-manager", was.EngineeringManager, project.EngineeringManager),
                ("tpm", was.ProgramManager, project.ProgramManager),
            })
            {
                if (before != after)
                {
                    yield return Change("projects", project.Id.Value, field, before?.Value ?? "", after?.Value ?? "");
                }
            }
        }
    }

    private static string Owners(WorkItem item) =>
        string.Join(", ", item.Assignments.Select(a => (a.Team?.Value ?? a.Person?.Value) + (a.Units == 100 ? "" : $" {a.Units}%")).Order(StringComparer.Ordinal));

    private static JsonObject Change(string type, string id, string field, string before, string after) => new()
    {
        ["type"] = type,
        ["id"] = id,
        ["field"] = field,
        ["before"] = before,
        ["after"] = after,
    };
}
