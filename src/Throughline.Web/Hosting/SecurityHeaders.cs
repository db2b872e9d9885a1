namespace Throughline.Web.Hosting;

/// <summary>
/// The headers every response carries, whatever answers it (a page, the API, a static file, an error): a strict
/// Content-Security-Policy, <c>nosniff</c>, a referrer policy and a frame ban, redirects to this site as relative
/// addresses; and HSTS on HTTPS requests.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The pages run no script at all (static server-side rendering without blazor.web.js), so nothing may run; styles
    /// come from our own stylesheet, plus <c>style</c> attributes (bar widths, indents, legend swatches), which cannot
    /// run code; images are our own or inline SVG data; forms post only back to us; no other site may frame us.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'self'";

    public static WebApplicationBuilder AddThroughlineSecurityHeaders(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // A year, as browsers' preload lists expect; HSTS is only sent on HTTPS (at the TLS proxy's scheme once
        // forwarded headers are applied), never on plain http or to localhost.
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }

    /// <summary>Put first in the pipeline, so that errors and short-circuited answers get the headers too.</summary>
    public static WebApplication UseThroughlineSecurityHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use((context, next) =>
        {
            // On starting, not now: the exception handler clears the headers of a response it replaces.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                // For browsers that predate CSP's frame-ancestors.
                headers.XFrameOptions = "DENY";
                if (headers.Location.Count == 1)
                {
                    headers.Location = OwnAddressMadeRelative(context.Request, headers.Location.ToString());
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
        app.UseHsts();
        return app;
    }

    /// <summary>
    /// A redirect to this site, written without scheme and host: the framework builds absolute addresses (sign-in
    /// redirects, page navigation) from the request's Host header, which a caller can forge when every host is allowed.
    /// </summary>
    private static string OwnAddressMadeRelative(HttpRequest request, string location) =>
        Uri.TryCreate(location, UriKind.Absolute, out var target)
        && target.Scheme is "http" or "https"
        && string.Equals(target.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
            ? target.PathAndQuery + target.Fragment
            : location;
}
