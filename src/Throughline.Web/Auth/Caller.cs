using System.Globalization;
using System.Security.Claims;
using Throughline.Storage.Plans;
using Throughline.Storage.Rows;

namespace Throughline.Web.Auth;

/// <summary>The signed-in user of a request, as its claims say: the same for a cookie session and a bearer token.</summary>
public sealed record Caller(long UserId, string UserName, bool IsAdmin, bool MustChangePassword)
{
    private const string AdminClaim = "throughline:admin";
    private const string MustChangePasswordClaim = "throughline:must-change-password";

    public Actor Actor => new(UserId, UserName);

    public static Caller? From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var userId)
            ? new Caller(userId, user.Identity?.Name ?? "", user.HasClaim(AdminClaim, "true"), user.HasClaim(MustChangePasswordClaim, "true"))
            : null;
    }

    /// <summary>The identity of <paramref name="user"/>; <paramref name="authenticationType"/> tells a cookie session from a token.</summary>
    public static ClaimsPrincipal Principal(UserRow user, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, user.UserName),
                new Claim(AdminClaim, user.IsAdmin ? "true" : "false"),
                new Claim(MustChangePasswordClaim, user.MustChangePassword ? "true" : "false"),
            ],
            authenticationType,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }
}
