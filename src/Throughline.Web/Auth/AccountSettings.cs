namespace Throughline.Web.Auth;

/// <summary>
/// How long sign-ins and one-time passwords last and how many failed sign-ins are tolerated, from configuration:
/// <c>Accounts:SessionMaxAge</c> (default 7 days, however active the session), <c>Accounts:OneTimePasswordLifetime</c>
/// (default 24 hours), <c>RateLimits:LoginPerMinute</c> (failed sign-ins per account, default 10) and
/// <c>RateLimits:LoginPerAddressPerMinute</c> (failed sign-ins per client address, default 30).
/// </summary>
public sealed record AccountSettings(TimeSpan SessionMaxAge, TimeSpan OneTimePasswordLifetime, int FailuresPerAccount, int FailuresPerAddress)
{
    /// <summary>The window failed sign-ins are counted over.</summary>
    public static readonly TimeSpan FailureWindow = TimeSpan.FromMinutes(1);

    public static AccountSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new AccountSettings(
            configuration.GetValue("Accounts:SessionMaxAge", TimeSpan.FromDays(7)),
            configuration.GetValue("Accounts:OneTimePasswordLifetime", TimeSpan.FromHours(24)),
            configuration.GetValue("RateLimits:LoginPerMinute", 10),
            configuration.GetValue("RateLimits:LoginPerAddressPerMinute", 30));
    }
}
