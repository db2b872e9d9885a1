using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Throughline.Storage;
using Throughline.Storage.Rows;
using Throughline.Web.Auth;

namespace Throughline.Web.Api;

/// <summary>
/// A caller's access to one program. Deny by default: a program the caller is not a member of does not exist for
/// them (404, the same answer as for a program that does not exist), and a member below the permission an endpoint
/// needs gets 403.
/// </summary>
public sealed record ProgramAccess(ProgramRow Program, Permission Permission, Caller Caller)
{
    public static async Task<(ProgramAccess? Access, ProblemHttpResult? Problem)> CheckAsync(
        HttpContext http, ThroughlineDb db, string programKey, Permission needed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(db);
        if (Caller.From(http.User) is not { } caller)
        {
            return (null, Problems.NotFound($"no program '{programKey}'"));
        }

        var found = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == caller.UserId)
            .Join(db.Programs.AsNoTracking().Where(p => p.Key == programKey), m => m.ProgramId, p => p.Id, (m, p) => new { Program = p, m.Permission })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return (null, Problems.NotFound($"no program '{programKey}'"));
        }

        if (found.Permission < needed)
        {
            return (null, Problems.Forbidden($"this needs {needed.ToString().ToLowerInvariant()} permission on '{programKey}'; you are a {found.Permission.ToString().ToLowerInvariant()}"));
        }

        return (new ProgramAccess(found.Program, found.Permission, caller), null);
    }
}
