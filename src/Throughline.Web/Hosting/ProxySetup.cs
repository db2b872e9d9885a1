using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Throughline.Web.Hosting;

/// <summary>
/// Behind a reverse proxy that ends TLS (docs/server.md): the client's address and scheme come from
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>, but only when the request comes from a proxy this server
/// trusts: loopback, plus the addresses in <c>Proxy:KnownProxies</c> and the networks (CIDR) in
/// <c>Proxy:KnownNetworks</c>. Anyone else's forwarded headers are ignored, so they cannot pick the address the
/// sign-in limit counts against. With the scheme forwarded, cookies get <c>Secure</c> behind an HTTPS proxy.
/// </summary>
public static class ProxySetup
{
    public static WebApplicationBuilder AddThroughlineProxy(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var proxies = builder.Configuration.GetSection("Proxy:KnownProxies").Get<string[]>() ?? [];
        var networks = builder.Configuration.GetSection("Proxy:KnownNetworks").Get<string[]>() ?? [];
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return builder;
    }

    /// <summary>First in the pipeline, so everything after sees the client's address and scheme.</summary>
    public static WebApplication UseThroughlineProxy(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        return app;
    }
}
