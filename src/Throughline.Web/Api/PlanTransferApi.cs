using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Throughline.Interop.Mspdi;
using Throughline.Interop.Plan;
using Throughline.Storage;
using Throughline.Storage.Plans;
using Throughline.Storage.Rows;
using Throughline.Web.Auth;

namespace Throughline.Web.Api;

/// <summary>
/// Whole plans in and out: import a plan file (YAML) or Microsoft Project XML as a new program or over an existing
/// one, and export a program as either. An import is one transaction: all of it is stored, or nothing.
/// </summary>
public static class PlanTransferApi
{
    public static RouteGroupBuilder MapPlanTransferApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var programs = api.MapGroup("/programs").WithTags("Plans");
        programs.MapPost("/import", ImportAsync).WithMetadata(new PlanFileBody()).Accepts<string>("application/yaml", "text/yaml", "application/xml", "text/xml");
        programs.MapGet("/{program}/plan", ExportAsync).Produces<string>(200, "application/yaml", "application/xml");
        programs.MapPut("/{program}/plan", ReplaceAsync).WithMetadata(new PlanFileBody()).Accepts<string>("application/yaml", "text/yaml", "application/xml", "text/xml");
        return api;
    }

    /// <summary>The plan's format: <c>format=plan</c> (YAML, the default) or <c>format=mspdi</c>, else XML content types mean MSPDI.</summary>
    private static bool IsMspdi(HttpRequest request, string? format) =>
        format is { } f ? f.Equals("mspdi", StringComparison.OrdinalIgnoreCase) || f.Equals("xml", StringComparison.OrdinalIgnoreCase)
        : request.ContentType?.Contains("xml", StringComparison.OrdinalIgnoreCase) == true;

    private static async Task<Results<Created<System.Text.Json.Nodes.JsonObject>, ProblemHttpResult>> ImportAsync(
        HttpRequest request, HttpContext http, PlanEditor editor, CancellationToken cancellationToken, string? format = null)
    {
        var caller = Caller.From(http.User)!;
        var (rows, problem) = await ReadAsync(request, format, cancellationToken);
        if (rows is null)
        {
            return problem!;
        }

        var result = await editor.CreateProgramAsync(rows, caller.UserId, caller.Actor, cancellationToken);
        if (result.Status != EditStatus.Saved)
        {
            return EditResults.Failure(result, "program");
        }

        Versions.SetETag(http, result.Program!.Revision);
        return TypedResults.Created($"/api/programs/{result.Program.Key}", ProgramsApi.Api(result.Program));
    }

    /// <summary>The program as a plan file or MSPDI; its ETag is the program's revision, which <c>PUT .../plan</c> checks.</summary>
    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ExportAsync(
        string program, HttpContext http, ThroughlineDb db, ProgramSnapshots snapshots, CancellationToken cancellationToken, string? format = null)
    {
        var (access, problem) = await ProgramAccess.CheckAsync(http, db, program, Permission.Viewer, cancellationToken);
        if (access is null)
        {
            return problem!;
        }

        var snapshot = await snapshots.GetAsync(db, access.Program, cancellationToken);
        Versions.SetETag(http, snapshot.Revision);
        if (format is { } f && (f.Equals("mspdi", StringComparison.OrdinalIgnoreCase) || f.Equals("xml", StringComparison.OrdinalIgnoreCase)))
        {
            if (snapshot.Plan.Program is not { } plan || snapshot.Plan.HasErrors)
            {
                return Problems.Conflict("the plan has errors; fix them before exporting to Microsoft Project");
            }

            return TypedResults.Text(MspdiWriter.ToXml(plan).Xml, "application/xml", Encoding.UTF8);
        }

        var yaml = snapshot.Plan.Program is { } valid && !snapshot.Plan.HasErrors ? PlanWriter.Write(valid) : snapshot.Rows.ToYaml();
        return TypedResults.Text(yaml, "application/yaml", Encoding.UTF8);
    }

    private static async Task<Results<Ok<System.Text.Json.Nodes.JsonObject>, ProblemHttpResult>> ReplaceAsync(
        string program, HttpRequest request, HttpContext http, ThroughlineDb db, PlanEditor editor, CancellationToken cancellationToken, string? format = null)
    {
        var (access, problem) = await ProgramAccess.CheckAsync(http, db, program, Permission.Editor, cancellationToken);
        if (access is null)
        {
            return problem!;
        }

        if (Versions.IfMatch(request, out var precondition) is not { } revision)
        {
            return precondition!;
        }

        var (rows, invalid) = await ReadAsync(request, format, cancellationToken);
        if (rows is null)
        {
            return invalid!;
        }

        var result = await editor.ReplacePlanAsync(access.Program, revision, rows, access.Caller.Actor, cancellationToken);
        if (result.Status != EditStatus.Saved)
        {
            return EditResults.Failure(result, $"program '{program}'");
        }

        Versions.SetETag(http, result.Program!.Revision);
        return TypedResults.Ok(ProgramsApi.Api(result.Program));
    }

    /// <summary>Reads the body as a plan; a plan with errors is refused with every error and its <c>file:line:col</c>.</summary>
    private static async Task<(PlanRows? Rows, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, string? format, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, Problems.BadRequest("the body is empty; send a plan file (YAML) or Microsoft Project XML"));
        }

        var mspdi = IsMspdi(request, format);
        var upload = PlanUpload.Read(text, mspdi ? "upload.xml" : "upload.tl.yaml", mspdi);
        return upload.Rows is { } rows
            ? (rows, null)
            : (null, Problems.Invalid(upload.Errors, mspdi ? "the Microsoft Project XML cannot be imported" : "the plan has errors; nothing was imported"));
    }
}
