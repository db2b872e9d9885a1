using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Throughline.Storage;
using Throughline.Storage.Rows;

namespace Throughline.Web.Auth;

/// <summary>What a sign-in attempt came to.</summary>
public enum SignInOutcome
{
    SignedIn,
    WrongPassword,
    TooManyAttempts,
    OneTimePasswordExpired,
}

/// <summary>
/// Password checks shared by the accounts API and the sign-in and password pages, so both ways in keep one rule:
/// PBKDF2 through <see cref="IPasswordHasher{TUser}"/>, rehashed when the hasher asks, failed attempts limited by
/// <see cref="LoginThrottle"/>, and <see cref="PasswordPolicy"/> for a new password.
/// </summary>
public sealed class Passwords(ThroughlineDb db, IPasswordHasher<UserRow> hasher, LoginThrottle throttle, TimeProvider clock)
{
    // Checked when there is no account to check against, so that an unknown or disabled user costs the same PBKDF2
    // work as a known one (73 ms against 3 ms told which user names exist).
    private static readonly string DummyHash = new PasswordHasher<UserRow>().HashPassword(new UserRow(), "no account has this password");

    /// <summary>The new hash of <paramref name="password"/> for <paramref name="user"/>.</summary>
    public string Hash(UserRow user, string password) => hasher.HashPassword(user, password);

    /// <summary>Checks a sign-in; the user is set only when the outcome is <see cref="SignInOutcome.SignedIn"/>.</summary>
    public async Task<(SignInOutcome Outcome, UserRow? User)> SignInAsync(string userName, string password, IPAddress? address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(password);
        if (await throttle.IsBlockedAsync(userName, address, cancellationToken))
        {
            return (SignInOutcome.TooManyAttempts, null);
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == userName, cancellationToken);
        if (user is null || user.DisabledAt is not null)
        {
            hasher.VerifyHashedPassword(new UserRow(), DummyHash, password);
            await throttle.RecordFailureAsync(userName, address, cancellationToken);
            return (SignInOutcome.WrongPassword, null);
        }

        var verdict = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            await throttle.RecordFailureAsync(userName, address, cancellationToken);
            return (SignInOutcome.WrongPassword, null);
        }

        if (user.PasswordExpiresAt is { } expires && expires <= clock.GetUtcNow().UtcDateTime)
        {
            return (SignInOutcome.OneTimePasswordExpired, null);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.HashPassword(user, password);
            await db.SaveChangesAsync(cancellationToken);
        }

        return (SignInOutcome.SignedIn, user);
    }

    /// <summary>
    /// Changes <paramref name="user"/>'s password after checking the current one and the new one against the policy,
    /// then ends the user's other sessions (all but <paramref name="keepSession"/>) and revokes all its API tokens:
    /// whoever knew the old password may have made them. Null when done, else the field at fault and why.
    /// </summary>
    public async Task<(string Field, string Message)?> ChangeAsync(UserRow user, string current, string replacement, string? keepSession, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (hasher.VerifyHashedPassword(user, user.PasswordHash, current) == PasswordVerificationResult.Failed)
        {
            return ("currentPassword", "the current password is wrong");
        }

        if (PasswordPolicy.Problem(replacement, user.UserName) is { } problem)
        {
            return ("newPassword", problem);
        }

        if (hasher.VerifyHashedPassword(user, user.PasswordHash, replacement) != PasswordVerificationResult.Failed)
        {
            return ("newPassword", "the new password must differ from the current one");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        user.PasswordHash = hasher.HashPassword(user, replacement);
        user.MustChangePassword = false;
        user.PasswordExpiresAt = null;
        await db.SaveChangesAsync(cancellationToken);
        await Sessions.RevokeAllAsync(db, user.Id, keepSession, clock.GetUtcNow().UtcDateTime, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }
}
