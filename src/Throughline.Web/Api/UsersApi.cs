using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Throughline.Storage;
using Throughline.Storage.Rows;
using Throughline.Web.Auth;

namespace Throughline.Web.Api;

/// <summary>Accounts, managed by administrators.</summary>
public static partial class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var users = api.MapGroup("/users").WithTags("Users");
        users.MapGet("/", ListAsync);
        users.MapPost("/", CreateAsync);
        return api;
    }

    public sealed record UserRequest(string UserName, string? DisplayName, string Password, bool IsAdmin = false);

    /// <summary>What is wrong with a new password, or null. Length is what matters (NIST SP 800-63B).</summary>
    public static string? PasswordProblem(string? password) =>
        password is null || password.Length < 10 ? "a password has at least 10 characters"
        : password.Length > 200 ? "a password has at most 200 characters"
        : null;

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
        UserRequest request, HttpContext http, ThroughlineDb db, TimeProvider clock, CancellationToken cancellationToken)
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

        if (PasswordProblem(request.Password) is { } problem)
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
        user.PasswordHash = new PasswordHasher<UserRow>().HashPassword(user, request.Password);
        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/users/{user.UserName}", AccountApi.Response(user));
    }

    [GeneratedRegex(@"^[A-Za-z0-9._@-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex UserNamePattern();
}
