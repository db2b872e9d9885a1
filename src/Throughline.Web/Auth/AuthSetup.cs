using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Throughline.Storage.Rows;

namespace Throughline.Web.Auth;

/// <summary>
/// Accounts and sessions: a cookie for the browser (a server-side <see cref="Sessions"/> row behind it), a bearer token
/// for scripts, data-protection keys in the database (<see cref="KeyProtection"/>: any instance reads any instance's
/// cookies), anti-forgery for cookie-authenticated writes, and a limit on failed sign-ins (<see cref="LoginThrottle"/>).
/// </summary>
public static class AuthSetup
{
    /// <summary>Chooses the bearer scheme for requests with a bearer token and the cookie otherwise.</summary>
    public const string Scheme = "Throughline";

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
                o.Events.OnValidatePrincipal = Sessions.ValidateAsync;
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
        services.AddSingleton(AccountSettings.From(builder.Configuration));
        services.AddSingleton<IPasswordHasher<UserRow>, PasswordHasher<UserRow>>();
        services.AddScoped<LoginThrottle>();
        services.AddScoped<Passwords>();

        builder.AddThroughlineDataProtection();

        services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryHeader;
            o.Cookie.Name = "throughline-xsrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
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
