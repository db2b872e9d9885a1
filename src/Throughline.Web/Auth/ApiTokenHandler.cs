using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Throughline.Storage;

namespace Throughline.Web.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer TOKEN</c> with a personal API token, looked up by its SHA-256 on every
/// request together with its user: a revoked token or a disabled account stops at once, and the rights are the user's now.
/// </summary>
public sealed class ApiTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ThroughlineDb db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    /// <summary>What the identity of a token-authenticated request is called; cookie sessions are <c>cookie</c>.</summary>
    public const string AuthenticationType = "token";

    /// <summary>Tokens start with this, so that secret scanners can recognise them.</summary>
    public const string TokenPrefix = "tl_";

    /// <summary>Lower-case hex SHA-256: how API tokens and session ids are kept in the database.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length > 200)
        {
            return AuthenticateResult.Fail("not a Throughline API token");
        }

        var hash = Hash(token);
        var user = await db.ApiTokens.AsNoTracking()
            .Where(t => t.Hash == hash && t.RevokedAt == null)
            .Join(db.Users, t => t.UserId, u => u.Id, (_, u) => u)
            .Where(u => u.DisabledAt == null)
            .SingleOrDefaultAsync(Context.RequestAborted);
        return user is null
            ? AuthenticateResult.Fail("unknown or revoked API token")
            : AuthenticateResult.Success(new AuthenticationTicket(Caller.Principal(user, AuthenticationType), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return TypedResults.Problem(title: "Sign in, or send a valid bearer token", statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(Context);
    }
}
