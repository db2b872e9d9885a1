using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Throughline.Storage;
using Throughline.Storage.Rows;
using Throughline.Web.Api;

namespace Throughline.Web.Auth;

/// <summary>
/// Password checks shared by the accounts API and the sign-in and password pages, so both ways in keep one rule:
/// PBKDF2 through <see cref="PasswordHasher{TUser}"/>, rehashed when the hasher asks, and the accounts API's
/// password policy for a new one.
/// </summary>
internal static class Passwords
{
    private static readonly PasswordHasher<UserRow> Hasher = new();

    /// <summary>The user whose name and password these are, or null; upgrades the stored hash when needed.</summary>
    public static async Task<UserRow?> VerifyAsync(ThroughlineDb db, string userName, string password, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == userName, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var verdict = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            return null;
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = Hasher.HashPassword(user, password);
            await db.SaveChangesAsync(cancellationToken);
        }

        return user;
    }

    /// <summary>
    /// Changes <paramref name="user"/>'s password after checking the current one and the new one against the
    /// policy; null when done, else the field at fault and why.
    /// </summary>
    public static async Task<(string Field, string Message)?> ChangeAsync(ThroughlineDb db, UserRow user, string current, string replacement, CancellationToken cancellationToken)
    {
        if (Hasher.VerifyHashedPassword(user, user.PasswordHash, current) == PasswordVerificationResult.Failed)
        {
            return ("currentPassword", "the current password is wrong");
        }

        if (UsersApi.PasswordProblem(replacement) is { } problem)
        {
            return ("newPassword", problem);
        }

        user.PasswordHash = Hasher.HashPassword(user, replacement);
        user.MustChangePassword = false;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
