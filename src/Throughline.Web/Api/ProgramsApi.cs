using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Throughline.Domain;
using Throughline.Reports.Outlook;
using Throughline.Scheduling.Forecasting;
using Throughline.Storage;
using Throughline.Storage.Plans;
using Throughline.Storage.Rows;
using Throughline.Web.Auth;
using Throughline.Web.Ui;

namespace Throughline.Web.Api;

/// <summary>Programs: the caller's list, one program's own fields, and what the engine computes from its plan.</summary>
public static class ProgramsApi
{
    public static RouteGroupBuilder MapProgramsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var programs = api.MapGroup("/programs").WithTags("Programs");
        programs.MapGet("/", ListAsync);
        programs.MapPost("/", CreateAsync);
        programs.MapGet("/{program}", GetAsync);
        programs.MapPut("/{program}", UpdateAsync);
        programs.MapDelete("/{program}", DeleteAsync);
        programs.MapGet("/{program}/overview", OverviewAsync);
        programs.MapGet("/{program}/schedule", ScheduleAsync);
        programs.MapGet("/{program}/forecast", ForecastAsync);
        programs.MapGet("/{program}/status", StatusAsync);
        programs.MapGet("/{program}/diagnostics", DiagnosticsAsync);
        return api;
    }

    public sealed record ProgramSummary(string Id, string Name, string Permission, string Role, long Revision);

    private static async Task<Ok<List<ProgramSummary>>> ListAsync(HttpContext http, ThroughlineDb db, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User)!;
        var rows = await db.Memberships.AsNoTracking().Where(m => m.UserId == caller.UserId)
            .Join(db.Programs.AsNoTracking(), m => m.ProgramId, p => p.Id, (m, p) => new { p.Key, p.Name, m.Permission, m.Role, p.Revision })
            .OrderBy(p => p.Key)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(r => new ProgramSummary(r.Key, r.Name, r.Permission.ToString().ToLowerInvariant(), MembersApi.RoleWord(r.Role), r.Revision)).ToList());
    }

    /// <summary>Creates an empty program from its <c>program</c> section fields; the caller becomes its owner.</summary>
    private static async Task<Results<Created<JsonObject>, ProblemHttpResult>> CreateAsync(
        JsonObject body, HttpContext http, PlanEditor editor, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User)!;
        var errors = PlanEditor.ProgramFieldErrors(body, null);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var fields = (JsonObject)body.DeepClone();
        fields.Remove("version");
        fields.Remove("revision");
        var rows = new PlanRows { Program = fields };
        var read = rows.Read();
        if (read.HasErrors)
        {
            return Problems.Invalid(PlanErrors.Of(read, rows));
        }

        var result = await editor.CreateProgramAsync(rows, caller.UserId, caller.Actor, cancellationToken);
        if (result.Status != EditStatus.Saved)
        {
            return EditResults.Failure(result, "program");
        }

        Versions.SetETag(http, result.Program!.Version);
        return TypedResults.Created($"/api/programs/{result.Program.Key}", Api(result.Program));
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> GetAsync(string program, HttpContext http, ThroughlineDb db, CancellationToken cancellationToken)
    {
        var (access, problem) = await ProgramAccess.CheckAsync(http, db, program, Permission.Viewer, cancellationToken);
        if (access is null)
        {
            return problem!;
        }

        Versions.SetETag(http, access.Program.Version);
        return TypedResults.Ok(Api(access.Program));
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> UpdateAsync(
        string program, JsonObject body, HttpContext http, ThroughlineDb db, PlanEditor editor, CancellationToken cancellationToken)
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

        var result = await editor.UpdateProgramAsync(access.Program, version, body, access.Caller.Actor, cancellationToken);
        if (result.Status != EditStatus.Saved)
        {
            return EditResults.Failure(result, $"program '{program}'");
        }

        Versions.SetETag(http, result.Program!.Version);
        return TypedResults.Ok(Api(result.Program));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string program, HttpContext http, ThroughlineDb db, CancellationToken cancellationToken)
    {
        var (access, problem) = await ProgramAccess.CheckAsync(http, db, program, Permission.Owner, cancellationToken);
        if (access is null)
        {
            return problem!;
        }

        if (Versions.IfMatch(http.Request, out var precondition) is not { } version)
        {
            return precondition!;
        }

        // Everything in the program goes with it (the foreign keys cascade), history included.
        var deleted = await db.Programs.Where(p => p.Id == access.Program.Id && p.Version == version).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            var current = await db.Programs.Where(p => p.Id == access.Program.Id).Select(p => (int?)p.Version).SingleOrDefaultAsync(cancellationToken);
            return current is null ? Problems.NotFound($"no program '{program}'") : Problems.PreconditionFailed(current.Value);
        }

        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> OverviewAsync(
        string program, HttpContext http, ThroughlineDb db, ProgramSnapshots snapshots, CancellationToken cancellationToken)
    {
        var (access, problem) = await ProgramAccess.CheckAsync(http, db, program, Permission.Viewer, cancellationToken);
        if (access is null)
        {
            return problem!;
        }

        const string key = "overview";
        if (!snapshots.Cache.TryGet(access.Program.Id, access.Program.Revision, key, out JsonObject overview))
        {
            var snapshot = await snapshots.GetAsync(db, access.Program, cancellationToken);
            overview = ScheduleJson.Overview(snapshot);
            snapshots.Cache.Set(access.Program.Id, snapshot.Revision, key, overview, snapshot.EstimatedBytes / 2);
        }

        return TypedResults.Ok(overview);
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> ScheduleAsync(
        string program, HttpContext http, ThroughlineDb db, ProgramSnapshots snapshots, CancellationToken cancellationToken)
    {
        var (access, problem) = await ProgramAccess.CheckAsync(http, db, program, Permission.Viewer, cancellationToken);
        if (access is null)
        {
            return problem!;
        }

        var snapshot = await snapshots.GetAsync(db, access.Program, cancellationToken);
        if (snapshot.Plan.Program is not { } plan || snapshot.Schedule is not { } schedule)
        {
            return Problems.Conflict("the plan cannot be read, so it cannot be scheduled; see /diagnostics");
        }

        if (StoredPlanErrors.Of(snapshot).Any(d => d.Code == Domain.Diagnostics.DiagnosticCodes.ScheduleOutOfRange))
        {
            return Problems.Conflict("the schedule runs past the last date a plan can hold; see /diagnostics");
        }

        return TypedResults.Ok(ScheduleJson.Schedule(plan, schedule, snapshot.Revision));
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> ForecastAsync(
        string program, HttpContext http, ThroughlineDb db, ProgramSnapshots snapshots, ForecastRuns runs, CancellationToken cancellationToken, int iterations = 2000, ulong seed = 1)
    {
        var (access, problem) = await ProgramAccess.CheckAsync(http, db, program, Permission.Viewer, cancellationToken);
        if (access is null)
        {
            return problem!;
        }

        if (runs.CheckIterations(iterations) is { } invalid)
        {
            return invalid;
        }

        var snapshot = await snapshots.GetAsync(db, access.Program, cancellationToken);
        if (snapshot.Plan.Program is not { } plan || StoredPlanErrors.Of(snapshot).Count > 0)
        {
            return Problems.Conflict("the plan has errors, so it cannot be forecast; see /diagnostics");
        }

        var key = ("forecast", iterations, seed);
        if (snapshots.Cache.TryGet(access.Program.Id, snapshot.Revision, key, out JsonObject cached))
        {
            return TypedResults.Ok(cached);
        }

        using var turn = runs.TryStart(access.Program.Id, access.Caller.UserId);
        if (turn is null)
        {
            return runs.Busy(http);
        }

        // One thread: a request must not take every core of a shared server.
        var forecast = await Task.Run(() => OutlookForecast.Run(plan, new OutlookOptions { Iterations = iterations, Seed = seed, MaxDegreeOfParallelism = 1 }), cancellationToken);
        var json = ForecastJson(program, snapshot.Revision, seed, forecast);

        // A JSON tree holds about 8 bytes per character of its text, as a snapshot does (ProgramSnapshot.BytesPerCharacter).
        snapshots.Cache.Set(access.Program.Id, snapshot.Revision, key, json, (long)json.ToJsonString().Length * ProgramSnapshot.BytesPerCharacter);
        return TypedResults.Ok(json);
    }

    private static JsonObject ForecastJson(string program, long revision, ulong seed, ProgramForecast forecast) =>
        new()
        {
            ["program"] = program,
            ["revision"] = revision,
            ["iterations"] = forecast.Iterations,
            ["seed"] = seed,
            ["milestones"] = new JsonArray([.. forecast.Milestones.Select(m => (JsonNode)new JsonObject
            {
                ["id"] = m.Id?.Value,
                ["name"] = m.Name,
                ["deterministic"] = ScheduleJson.Date(m.Deterministic),
                ["committed"] = m.Committed is { } c ? ScheduleJson.Date(c) : null,
                ["p10"] = ScheduleJson.Date(m.P10),
                ["p50"] = ScheduleJson.Date(m.P50),
                ["p80"] = ScheduleJson.Date(m.P80),
                ["p90"] = ScheduleJson.Date(m.P90),
                ["p95"] = ScheduleJson.Date(m.P95),
                ["probabilityOnTime"] = m.ProbabilityOnTime,
            })]),
            ["riskDrivers"] = new JsonArray([.. forecast.Drivers.Select(d => (JsonNode)new JsonObject
            {
                ["id"] = d.Id.Value,
                ["title"] = d.Title,
                ["daysAtP80"] = Math.Round(d.DaysAtP80, 2),
            })]),
        };

    /// <summary>
    /// The outlook (docs/scheduling.md, "tl status"): the same document as <c>tl status --format json</c> for the same
    /// plan, iterations and seed. Without <c>iterations</c>, the pages' count (<see cref="ProgramViews.ForecastIterations"/>).
    /// </summary>
    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> StatusAsync(
        string program, HttpContext http, ThroughlineDb db, ProgramSnapshots snapshots, ProgramViews views, ForecastRuns runs, CancellationToken cancellationToken, int? iterations = null, ulong seed = 1, bool unleveled = false)
    {
        var (access, problem) = await ProgramAccess.CheckAsync(http, db, program, Permission.Viewer, cancellationToken);
        if (access is null)
        {
            return problem!;
        }

        if (runs.CheckIterations(iterations) is { } invalid)
        {
            return invalid;
        }

        var snapshot = await snapshots.GetAsync(db, access.Program, cancellationToken);
        if (snapshot.Plan.Program is not { } plan || snapshot.Plan.HasErrors || StoredPlanErrors.Of(snapshot).Count > 0)
        {
            return Problems.Conflict("the plan has errors, so it has no outlook; see /diagnostics");
        }

        using var turn = runs.TryStart(access.Program.Id, access.Caller.UserId);
        if (turn is null)
        {
            return runs.Busy(http);
        }

        var view = new ProgramView(access, FunctionalRole.Other, snapshot, plan.StatusDate ?? views.Today);
        var page = ProgramViews.PageForecast(view);
        return TypedResults.Ok(OutlookJson.Of(views.Outlook(view, page with { Iterations = iterations ?? page.Iterations, Seed = seed, Unleveled = unleveled })));
    }

    private static async Task<Results<Ok<JsonArray>, ProblemHttpResult>> DiagnosticsAsync(
        string program, HttpContext http, ThroughlineDb db, ProgramSnapshots snapshots, CancellationToken cancellationToken)
    {
        var (access, problem) = await ProgramAccess.CheckAsync(http, db, program, Permission.Viewer, cancellationToken);
        if (access is null)
        {
            return problem!;
        }

        var snapshot = await snapshots.GetAsync(db, access.Program, cancellationToken);
        IReadOnlyList<Domain.Diagnostics.Diagnostic> diagnostics = snapshot.Plan.HasErrors ? snapshot.Plan.Diagnostics : [.. snapshot.Plan.Diagnostics, .. StoredPlanErrors.Of(snapshot)];
        return TypedResults.Ok(new JsonArray([.. diagnostics.Select(d => (JsonNode)new JsonObject
        {
            ["severity"] = d.Severity.ToString().ToLowerInvariant(),
            ["code"] = d.Code,
            ["message"] = d.Message,
        })]));
    }

    /// <summary>The program's own fields (the <c>program</c> section), with its version and revision.</summary>
    internal static JsonObject Api(ProgramRow program)
    {
        var api = YamlJson.ParseObject(program.Fields);
        api["version"] = program.Version;
        api["revision"] = program.Revision;
        return api;
    }
}
