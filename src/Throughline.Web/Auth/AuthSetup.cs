using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Throughline.Web.Auth;

/// <summary>
/// Accounts and sessions: a cookie for the browser, a bearer token for scripts, data-protection keys in the database
/// (so any instance reads any instance's cookies), anti-forgery for cookie-authenticated writes, and a rate limit on
/// signing in.
/// </summary>
public static class AuthSetup
{
    /// <summary>Chooses the bearer scheme for requests with a bearer token and the cookie otherwise.</summary>
    public const string Scheme = "Throughline";

    public const string LoginRateLimit = "login";

    /// <summary>The header a cookie-authenticated client sends the anti-forgery token in.</summary>
    public const string AntiforgeryHeader = "X-XSRF-TOKEN";

    public static WebApplicationBuilder AddThroughlineAuth(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "throughline";
                o.Cookie.HttpOnly = true;
                // Strict: the browser never sends the session cookie on a request another site starts.
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;
                // The API answers 401 and 403 as problems; pages (the web UI) redirect to its sign-in page as usual.
                o.Events.OnRedirectToLogin = context => IsApi(context.Request)
                    ? Problem(context.HttpContext, StatusCodes.Status401Unauthorized, "Sign in, or send a bearer token")
                    : Redirect(context);
                o.Events.OnRedirectToAccessDenied = context => IsApi(context.Request)
                    ? Problem(context.HttpContext, StatusCodes.Status403Forbidden, "Not allowed")
                    : Redirect(context);
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null);
        services.AddAuthorization();

        services.AddDataProtection().SetApplicationName("Throughline");
        services.AddSingleton<DatabaseXmlRepository>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = sp.GetRequiredService<DatabaseXmlRepository>()));

        services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryHeader;
            o.Cookie.Name = "throughline-xsrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        var perMinute = builder.Configuration.GetValue("RateLimits:LoginPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) => new ValueTask(Problem(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many sign-in attempts; wait a minute"));
            o.AddPolicy(LoginRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return builder;
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static Task Problem(HttpContext context, int status, string title) =>
        TypedResults.Problem(title: title, statusCode: status).ExecuteAsync(context);
}
