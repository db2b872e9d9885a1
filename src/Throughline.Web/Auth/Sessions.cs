using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Throughline.Storage;
using Throughline.Storage.Rows;

namespace Throughline.Web.Auth;

/// <summary>
/// Cookie sessions that the server can end. The cookie carries a random session id; the session lasts while its
/// <see cref="SessionRow"/> does. Every request loads the session and its user again
/// (<see cref="ValidateAsync"/>), so the rights it runs with are the user's rights now, not those written into the
/// cookie at sign-in: signing out, a password change, disabling the account or taking away the administrator flag
/// holds at the next request, on every instance.
/// </summary>
public static class Sessions
{
    private const string SessionClaim = "throughline:session";

    /// <summary>Signs <paramref name="user"/> in with a new session cookie.</summary>
    public static async Task StartAsync(HttpContext http, UserRow user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(user);
        var db = http.RequestServices.GetRequiredService<ThroughlineDb>();
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var maxAge = http.RequestServices.GetRequiredService<AccountSettings>().SessionMaxAge;
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

        // Sessions past their maximum age can no longer be used; this is where their rows go.
        var expired = now - maxAge;
        await db.Sessions.Where(s => s.UserId == user.Id && s.CreatedAt <= expired).ExecuteDeleteAsync(cancellationToken);
        db.Sessions.Add(new SessionRow { UserId = user.Id, Hash = ApiTokenHandler.Hash(id), CreatedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Principal(user, id));
    }

    /// <summary>Signs the caller out and deletes its session, so a copy of the cookie is of no use either.</summary>
    public static async Task EndAsync(HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (SessionHash(http.User) is { } hash)
        {
            var db = http.RequestServices.GetRequiredService<ThroughlineDb>();
            await db.Sessions.Where(s => s.Hash == hash).ExecuteDeleteAsync(cancellationToken);
        }

        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    /// <summary>The caller's session, as <see cref="Passwords.ChangeAsync"/> takes it; null for a bearer token.</summary>
    public static string? Current(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return SessionHash(http.User);
    }

    /// <summary>Ends every session of a user but <paramref name="keepSession"/> and revokes all its API tokens.</summary>
    public static async Task RevokeAllAsync(ThroughlineDb db, long userId, string? keepSession, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Sessions.Where(s => s.UserId == userId && s.Hash != keepSession).ExecuteDeleteAsync(cancellationToken);
        await RevokeTokensAsync(db, userId, now, cancellationToken);
    }

    /// <summary>Revokes every API token of a user that is not revoked yet.</summary>
    public static Task<int> RevokeTokensAsync(ThroughlineDb db, long userId, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.ApiTokens.Where(t => t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.RevokedAt, now), cancellationToken);
    }

    /// <summary>
    /// The cookie handler's per-request check: the session must exist, be younger than
    /// <see cref="AccountSettings.SessionMaxAge"/>, and belong to an enabled user, whose claims replace the cookie's.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.HttpContext.RequestServices;
        var hash = context.Principal is { } principal ? SessionHash(principal) : null;
        UserRow? user = null;
        if (hash is not null)
        {
            var db = services.GetRequiredService<ThroughlineDb>();
            var oldest = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime - services.GetRequiredService<AccountSettings>().SessionMaxAge;
            user = await db.Sessions.AsNoTracking()
                .Where(s => s.Hash == hash && s.CreatedAt > oldest)
                .Join(db.Users, s => s.UserId, u => u.Id, (_, u) => u)
                .Where(u => u.DisabledAt == null)
                .SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        }

        if (user is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        var fresh = Principal(user, null);
        ((ClaimsIdentity)fresh.Identity!).AddClaim(context.Principal!.FindFirst(SessionClaim)!);
        context.ReplacePrincipal(fresh);
    }

    private static ClaimsPrincipal Principal(UserRow user, string? sessionId)
    {
        var principal = Caller.Principal(user, Api.AccountApi.CookieAuthenticationType);
        if (sessionId is not null)
        {
            ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(SessionClaim, sessionId));
        }

        return principal;
    }

    private static string? SessionHash(ClaimsPrincipal user) =>
        user.FindFirstValue(SessionClaim) is { Length: > 0 } id ? ApiTokenHandler.Hash(id) : null;
}
