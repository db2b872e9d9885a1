using Microsoft.AspNetCore.Mvc;
using Throughline.Web.Components;

namespace Throughline.Web.Ui;

/// <summary>
/// The web app: Blazor pages rendered on the server (static server-side rendering; forms post back with anti-forgery
/// tokens), served by the same host as the API and reading the same storage and engine.
/// </summary>
public static class UiSetup
{
    public static WebApplicationBuilder AddThroughlineUi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // The build's static web assets (the compressed app.css.gz/.br live under obj/, listed in the runtime manifest)
        // are only wired up by default in Development; `dotnet run` starts in Production, where MapStaticAssets then
        // answered a browser's `Accept-Encoding: gzip` with an empty 200 for the missing app.css.gz. Published output
        // has no runtime manifest (the files are in its wwwroot), so there this does nothing.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents();
        builder.Services.AddScoped<ProgramViews>();
        return builder;
    }

    public static WebApplication MapThroughlineUi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapStaticAssets();
        app.MapPost("/account/signout", SignOutAsync);
        app.MapRazorComponents<App>();
        return app;
    }

    /// <summary>Ends the cookie session, on the server too; a form post with the anti-forgery token (the <c>[FromForm]</c> field makes the framework check it).</summary>
    private static async Task<IResult> SignOutAsync(HttpContext http, [FromForm] string? returnUrl)
    {
        await Throughline.Web.Auth.Sessions.EndAsync(http, http.RequestAborted);
        return TypedResults.LocalRedirect("/signin" + (string.IsNullOrEmpty(returnUrl) ? "" : "?signedOut=1"));
    }
}
