using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Throughline.Domain;
using Throughline.Storage;
using Throughline.Storage.Rows;

namespace Throughline.Web.Api;

/// <summary>A program's members: everyone in it may see who is; only owners change it.</summary>
public static class MembersApi
{
    private static readonly Dictionary<string, FunctionalRole> Roles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["product-manager"] = FunctionalRole.ProductManager,
        ["engineering-manager"] = FunctionalRole.EngineeringManager,
        ["tpm"] = FunctionalRole.ProgramManager,
        ["engineer"] = FunctionalRole.Engineer,
        ["designer"] = FunctionalRole.Designer,
        ["executive"] = FunctionalRole.Executive,
        ["other"] = FunctionalRole.Other,
    };

    public static RouteGroupBuilder MapMembersApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var members = api.MapGroup("/programs/{program}/members").WithTags("Members");
        members.MapGet("/", ListAsync);
        members.MapPut("/{user}", PutAsync);
        members.MapDelete("/{user}", DeleteAsync);
        return api;
    }

    /// <summary>A membership: <see cref="Permission"/> is viewer, editor or owner; <see cref="Role"/> is product-manager, engineering-manager, tpm, engineer, designer, executive or other.</summary>
    public sealed record MemberRequest(string Permission, string? Role);

    public sealed record MemberResponse(string User, string DisplayName, string Permission, string Role, int Version);

    public static string RoleWord(FunctionalRole role) => Roles.First(r => r.Value == role).Key;

    private static async Task<Results<Ok<List<MemberResponse>>, ProblemHttpResult>> ListAsync(string program, HttpContext http, ThroughlineDb db, CancellationToken cancellationToken)
    {
        var (access, problem) = await ProgramAccess.CheckAsync(http, db, program, Permission.Viewer, cancellationToken);
        if (access is null)
        {
            return problem!;
        }

        var members = await db.Memberships.AsNoTracking().Where(m => m.ProgramId == access.Program.Id)
            .Join(db.Users.AsNoTracking(), m => m.UserId, u => u.Id, (m, u) => new { m, u })
            .OrderBy(x => x.u.UserName)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(members.Select(x => Response(x.m, x.u)).ToList());
    }

    /// <summary>Adds a member, or changes one (then If-Match must hold the membership's version).</summary>
    private static async Task<Results<Ok<MemberResponse>, Created<MemberResponse>, ProblemHttpResult>> PutAsync(
        string program, string user, MemberRequest request, HttpContext http, ThroughlineDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (access, problem) = await ProgramAccess.CheckAsync(http, db, program, Permission.Owner, cancellationToken);
        if (access is null)
        {
            return problem!;
        }

        var errors = new Dictionary<string, string[]>();
        if (!Enum.TryParse<Permission>(request.Permission, ignoreCase: true, out var permission) || !Enum.IsDefined(permission) || int.TryParse(request.Permission, out _))
        {
            errors["permission"] = ["viewer, editor or owner"];
        }

        var role = FunctionalRole.Other;
        if (request.Role is { } word && !Roles.TryGetValue(word, out role))
        {
            errors["role"] = [$"one of {string.Join(", ", Roles.Keys)}"];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var account = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == user, cancellationToken);
        if (account is null)
        {
            return Problems.NotFound($"no account '{user}'");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.ProgramId == access.Program.Id && m.UserId == account.Id, cancellationToken);
        var created = membership is null;
        if (membership is null)
        {
            membership = new MembershipRow { ProgramId = access.Program.Id, UserId = account.Id };
            db.Memberships.Add(membership);
        }
        else
        {
            if (Versions.IfMatch(http.Request, out var precondition) is not { } version)
            {
                return precondition!;
            }

            if (membership.Version != version)
            {
                return Problems.PreconditionFailed(membership.Version);
            }

            if (membership.Permission == Permission.Owner && permission != Permission.Owner && !await OtherOwnersAsync(db, membership, cancellationToken))
            {
                return Problems.Conflict("a program keeps at least one owner; make someone else owner first");
            }

            membership.Version++;
        }

        var before = created ? null : $"{membership.Permission.ToString().ToLowerInvariant()} {RoleWord(membership.Role)}";
        membership.Permission = permission;
        membership.Role = role;
        Record(db, clock, access, user, created ? "created" : "updated", before, $"{permission.ToString().ToLowerInvariant()} {RoleWord(role)}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Versions.SetETag(http, membership.Version);
        var response = Response(membership, account);
        return created ? TypedResults.Created($"/api/programs/{program}/members/{user}", response) : TypedResults.Ok(response);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string program, string user, HttpContext http, ThroughlineDb db, TimeProvider clock, CancellationToken cancellationToken)
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

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var membership = await db.Memberships
            .Where(m => m.ProgramId == access.Program.Id)
            .Join(db.Users.Where(u => u.UserName == user), m => m.UserId, u => u.Id, (m, _) => m)
            .SingleOrDefaultAsync(cancellationToken);
        if (membership is null)
        {
            return Problems.NotFound($"'{user}' is not a member of '{program}'");
        }

        if (membership.Version != version)
        {
            return Problems.PreconditionFailed(membership.Version);
        }

        if (membership.Permission == Permission.Owner && !await OtherOwnersAsync(db, membership, cancellationToken))
        {
            return Problems.Conflict("a program keeps at least one owner; make someone else owner first");
        }

        db.Memberships.Remove(membership);
        Record(db, clock, access, user, "deleted", $"{membership.Permission.ToString().ToLowerInvariant()} {RoleWord(membership.Role)}", null);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static Task<bool> OtherOwnersAsync(ThroughlineDb db, MembershipRow membership, CancellationToken cancellationToken) =>
        db.Memberships.AnyAsync(m => m.ProgramId == membership.ProgramId && m.Id != membership.Id && m.Permission == Permission.Owner, cancellationToken);

    private static void Record(ThroughlineDb db, TimeProvider clock, ProgramAccess access, string user, string action, string? before, string? after) =>
        db.Changes.Add(new ChangeRow
        {
            ProgramId = access.Program.Id,
            At = clock.GetUtcNow().UtcDateTime,
            UserId = access.Caller.UserId,
            UserName = access.Caller.UserName,
            EntityType = "members",
            EntityKey = user,
            Action = action,
            Before = before,
            After = after,
            Revision = access.Program.Revision,
        });

    private static MemberResponse Response(MembershipRow m, UserRow u) =>
        new(u.UserName, u.DisplayName, m.Permission.ToString().ToLowerInvariant(), RoleWord(m.Role), m.Version);
}
