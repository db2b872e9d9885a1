using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Throughline.Storage;
using Throughline.Storage.Rows;
using Throughline.Web.Auth;

namespace Throughline.Web.Api;

/// <summary>
/// Accounts, managed by administrators: create, disable and enable an account, end its sessions, revoke its API tokens.
/// Program owners manage who is in their program (<see cref="MembersApi"/>), not the accounts themselves.
/// </summary>
public static partial class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var users = api.MapGroup("/users").WithTags("Users");
        users.MapGet("/", ListAsync);
        users.MapPost("/", CreateAsync);
        users.MapPost("/{userName}/disable", DisableAsync);
        users.MapPost("/{userName}/enable", EnableAsync);
        users.MapDelete("/{userName}/sessions", EndSessionsAsync);
        users.MapDelete("/{userName}/tokens", RevokeTokensAsync);
        return api;
    }

    public sealed record UserRequest(string UserName, string? DisplayName, string Password, bool IsAdmin = false);

    private static async Task<Results<Ok<List<AccountApi.AccountResponse>>, ProblemHttpResult>> ListAsync(HttpContext http, ThroughlineDb db, CancellationToken cancellationToken)
    {
        if (Caller.From(http.User) is not { IsAdmin: true })
        {
            return Problems.Forbidden("only administrators manage accounts");
        }

        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        return TypedResults.Ok(users.Select(AccountApi.Response).ToList());
    }

    private static async Task<Results<Created<AccountApi.AccountResponse>, ProblemHttpResult>> CreateAsync(
        UserRequest request, HttpContext http, ThroughlineDb db, Passwords passwords, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (Caller.From(http.User) is not { IsAdmin: true })
        {
            return Problems.Forbidden("only administrators manage accounts");
        }

        var errors = new Dictionary<string, string[]>();
        if (request.UserName is null || !UserNamePattern().IsMatch(request.UserName))
        {
            errors["userName"] = ["a user name is 1 to 100 letters, digits, '.', '_', '-' or '@'"];
        }

        if (PasswordPolicy.Problem(request.Password, request.UserName) is { } problem)
        {
            errors["password"] = [problem];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        if (await db.Users.AnyAsync(u => u.UserName == request.UserName, cancellationToken))
        {
            return Problems.Conflict($"there is already an account '{request.UserName}'");
        }

        var user = new UserRow
        {
            UserName = request.UserName!,
            DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? request.UserName! : request.DisplayName.Trim(),
            IsAdmin = request.IsAdmin,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        user.PasswordHash = passwords.Hash(user, request.Password);
        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/users/{user.UserName}", AccountApi.Response(user));
    }

    /// <summary>Disables an account: it can no longer sign in, its sessions end and its API tokens are revoked.</summary>
    private static async Task<Results<Ok<AccountApi.AccountResponse>, ProblemHttpResult>> DisableAsync(
        string userName, HttpContext http, ThroughlineDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (user, problem) = await TargetAsync(userName, http, db, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (user!.Id == Caller.From(http.User)!.UserId)
        {
            return Problems.Conflict("an administrator cannot disable their own account");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        user.DisabledAt ??= now;
        await db.SaveChangesAsync(cancellationToken);
        await Sessions.RevokeAllAsync(db, user.Id, keepSession: null, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(AccountApi.Response(user));
    }

    /// <summary>Lets a disabled account sign in again (its old sessions and tokens stay ended).</summary>
    private static async Task<Results<Ok<AccountApi.AccountResponse>, ProblemHttpResult>> EnableAsync(
        string userName, HttpContext http, ThroughlineDb db, CancellationToken cancellationToken)
    {
        var (user, problem) = await TargetAsync(userName, http, db, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        user!.DisabledAt = null;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(AccountApi.Response(user));
    }

    /// <summary>Signs another user out everywhere (a lost laptop); their API tokens keep working.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> EndSessionsAsync(
        string userName, HttpContext http, ThroughlineDb db, CancellationToken cancellationToken)
    {
        var (user, problem) = await TargetAsync(userName, http, db, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        await db.Sessions.Where(s => s.UserId == user!.Id).ExecuteDeleteAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Revokes every API token of another user (a leaked script); their sessions go on.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeTokensAsync(
        string userName, HttpContext http, ThroughlineDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (user, problem) = await TargetAsync(userName, http, db, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        await Sessions.RevokeTokensAsync(db, user!.Id, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The account an administrator acts on, or the problem: the caller is no administrator, or there is no such account.</summary>
    private static async Task<(UserRow? User, ProblemHttpResult? Problem)> TargetAsync(string userName, HttpContext http, ThroughlineDb db, CancellationToken cancellationToken)
    {
        if (Caller.From(http.User) is not { IsAdmin: true })
        {
            return (null, Problems.Forbidden("only administrators manage accounts"));
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == userName, cancellationToken);
        return user is null ? (null, Problems.NotFound($"there is no account '{userName}'")) : (user, null);
    }

    [GeneratedRegex(@"^[A-Za-z0-9._@-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex UserNamePattern();
}
