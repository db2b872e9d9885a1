using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughline.Storage;
using Throughline.Storage.Rows;

namespace Throughline.Web.Auth;

/// <summary>
/// Limits failed sign-ins per account and per client address over <see cref="AccountSettings.FailureWindow"/>.
/// The count is kept in the database, so every instance of a deployment sees the same attempts; the client address
/// is the one the forwarded headers name when the request came through a known proxy (<see cref="Hosting.ProxySetup"/>).
/// Only failed attempts count: viewing the sign-in page or signing in costs nothing.
/// </summary>
public sealed class LoginThrottle(ThroughlineDb db, AccountSettings settings, TimeProvider clock)
{
    /// <summary>Whether attempts for this account or from this address must wait (checked before the password, whatever it is).</summary>
    public async Task<bool> IsBlockedAsync(string userName, IPAddress? address, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().UtcDateTime - AccountSettings.FailureWindow;
        var account = AccountKey(userName);
        var client = AddressKey(address);
        var counts = await db.LoginFailures.AsNoTracking()
            .Where(f => f.At > since && (f.Key == account || f.Key == client))
            .GroupBy(f => f.Key)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return counts.Any(c => c.Key == account && c.Count >= settings.FailuresPerAccount)
            || counts.Any(c => c.Key == client && c.Count >= settings.FailuresPerAddress);
    }

    /// <summary>Counts a failed attempt against the account and the address, and forgets attempts older than the window.</summary>
    public async Task RecordFailureAsync(string userName, IPAddress? address, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = now - AccountSettings.FailureWindow;
        await db.LoginFailures.Where(f => f.At <= expired).ExecuteDeleteAsync(cancellationToken);
        db.LoginFailures.Add(new LoginFailureRow { Key = AccountKey(userName), At = now });
        db.LoginFailures.Add(new LoginFailureRow { Key = AddressKey(address), At = now });
        await db.SaveChangesAsync(cancellationToken);
    }

    // User names are at most 100 characters (UsersApi); a longer name typed at sign-in is cut so the key fits its column.
    private static string AccountKey(string userName) => "user:" + (userName.Length > 150 ? userName[..150] : userName).ToUpperInvariant();

    private static string AddressKey(IPAddress? address) => "address:" + (address?.ToString() ?? "unknown");
}
