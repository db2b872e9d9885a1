using System.Security.Cryptography;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Throughline.Storage;
using Throughline.Storage.Rows;
using Throughline.Web.Auth;

namespace Throughline.Web.Api;

/// <summary>Signing in and out, the caller's own account, its password and its personal API tokens.</summary>
public static class AccountApi
{
    /// <summary>What the identity of a cookie session is called; tokens are <see cref="ApiTokenHandler.AuthenticationType"/>.</summary>
    public const string CookieAuthenticationType = "cookie";

    public static RouteGroupBuilder MapAccountApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var account = api.MapGroup("/account").WithTags("Account");
        account.MapPost("/login", LoginAsync).AllowAnonymous().DisableAntiforgery();
        account.MapPost("/logout", (Func<HttpContext, Task<NoContent>>)LogoutAsync).WithMetadata(new AllowedWithOneTimePassword());
        account.MapGet("/", Me).WithMetadata(new AllowedWithOneTimePassword());
        account.MapGet("/antiforgery", Antiforgery).WithMetadata(new AllowedWithOneTimePassword());
        account.MapPut("/password", ChangePasswordAsync).WithMetadata(new AllowedWithOneTimePassword());
        account.MapGet("/tokens", ListTokensAsync);
        account.MapPost("/tokens", CreateTokenAsync);
        account.MapDelete("/tokens/{id:long}", RevokeTokenAsync);
        return api;
    }

    public sealed record LoginRequest(string UserName, string Password);

    public sealed record AccountResponse(long Id, string UserName, string DisplayName, bool IsAdmin, bool MustChangePassword, bool IsDisabled);

    public sealed record AntiforgeryResponse(string HeaderName, string Token);

    public sealed record PasswordRequest(string CurrentPassword, string NewPassword);

    public sealed record TokenRequest(string Name);

    public sealed record TokenResponse(long Id, string Name, string Prefix, DateTime CreatedAt, DateTime? RevokedAt);

    /// <summary>A new token: <see cref="Token"/> is shown this once and never again.</summary>
    public sealed record NewTokenResponse(long Id, string Name, string Token);

    private static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> LoginAsync(
        LoginRequest request, HttpContext http, Passwords passwords, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrEmpty(request.Password))
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["userName"] = ["user name and password are required"] });
        }

        var (outcome, user) = await passwords.SignInAsync(request.UserName, request.Password, http.Connection.RemoteIpAddress, cancellationToken);
        switch (outcome)
        {
            case SignInOutcome.SignedIn:
                await Sessions.StartAsync(http, user!, cancellationToken);
                return TypedResults.Ok(Response(user!));
            case SignInOutcome.TooManyAttempts:
                http.Response.Headers.RetryAfter = ((int)AccountSettings.FailureWindow.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Problem(title: "Too many failed sign-ins; wait a minute", statusCode: StatusCodes.Status429TooManyRequests);
            case SignInOutcome.OneTimePasswordExpired:
                return TypedResults.Problem(
                    title: "The one-time password has expired",
                    detail: "restart the server to print a new one, or set THROUGHLINE_ADMIN_PASSWORD",
                    statusCode: StatusCodes.Status401Unauthorized);
            case SignInOutcome.WrongPassword:
            default:
                return TypedResults.Problem(title: "Wrong user name or password", statusCode: StatusCodes.Status401Unauthorized);
        }
    }

    /// <summary>Ends the session on the server too: the cookie, or a copy of it, no longer signs anyone in.</summary>
    private static async Task<NoContent> LogoutAsync(HttpContext http)
    {
        await Sessions.EndAsync(http, http.RequestAborted);
        return TypedResults.NoContent();
    }

    private static Results<Ok<AccountResponse>, ProblemHttpResult> Me(HttpContext http, ThroughlineDb db)
    {
        var caller = Caller.From(http.User);
        var user = caller is null ? null : db.Users.AsNoTracking().SingleOrDefault(u => u.Id == caller.UserId);
        return user is null ? Problems.NotFound("the account no longer exists") : TypedResults.Ok(Response(user));
    }

    /// <summary>The token a cookie session sends in <see cref="AuthSetup.AntiforgeryHeader"/> with each write.</summary>
    private static Ok<AntiforgeryResponse> Antiforgery(HttpContext http, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return TypedResults.Ok(new AntiforgeryResponse(AuthSetup.AntiforgeryHeader, tokens.RequestToken!));
    }

    /// <summary>Changes the caller's password; the caller's other sessions end and all its API tokens are revoked.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> ChangePasswordAsync(
        PasswordRequest request, HttpContext http, ThroughlineDb db, Passwords passwords, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User)!;
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == caller.UserId, cancellationToken);
        if (user is null)
        {
            return Problems.NotFound("the account no longer exists");
        }

        if (await passwords.ChangeAsync(user, request.CurrentPassword ?? "", request.NewPassword ?? "", Sessions.Current(http), cancellationToken) is { } fault)
        {
            return Problems.Invalid(new Dictionary<string, string[]> { [fault.Field] = [fault.Message] });
        }

        return TypedResults.NoContent();
    }

    private static async Task<Ok<List<TokenResponse>>> ListTokensAsync(HttpContext http, ThroughlineDb db, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User)!;
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == caller.UserId).OrderBy(t => t.Id)
            .Select(t => new TokenResponse(t.Id, t.Name, t.Prefix, t.CreatedAt, t.RevokedAt)).ToListAsync(cancellationToken);
        return TypedResults.Ok(tokens);
    }

    private static async Task<Results<Created<NewTokenResponse>, ProblemHttpResult>> CreateTokenAsync(
        TokenRequest request, HttpContext http, ThroughlineDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["name"] = ["a name of 1 to 100 characters says what the token is for"] });
        }

        var caller = Caller.From(http.User)!;
        var token = ApiTokenHandler.TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var row = new ApiTokenRow
        {
            UserId = caller.UserId,
            Name = request.Name.Trim(),
            Hash = ApiTokenHandler.Hash(token),
            Prefix = token[..10],
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ApiTokens.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/account/tokens/{row.Id}", new NewTokenResponse(row.Id, row.Name, token));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeTokenAsync(
        long id, HttpContext http, ThroughlineDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User)!;
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id && t.UserId == caller.UserId, cancellationToken);
        if (token is null)
        {
            return Problems.NotFound($"you have no token {id}");
        }

        token.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    internal static AccountResponse Response(UserRow user) => new(user.Id, user.UserName, user.DisplayName, user.IsAdmin, user.MustChangePassword, user.DisabledAt is not null);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
