using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Throughline.Web.Hosting;

namespace Throughline.Web.Tests.Hosting;

/// <summary>Headers on every response, the hosts the server answers to, and nothing taken from a forged Host (#14, finding 9).</summary>
public sealed class SecurityHeadersTests
{
    [Theory]
    [InlineData("/signin")]
    [InlineData("/app.css")]
    [InlineData("/api/programs")]
    [InlineData("/no-such-page")]
    [InlineData("/openapi/v1.json")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        await using var database = await ServerDatabase.CreateAsync("sqlite");
        await using var server = new ThroughlineServer(database);

        var response = await server.Anonymous().Http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        response.Headers.GetValues("Content-Security-Policy").Single().ShouldBe(SecurityHeaders.ContentSecurityPolicy);
        SecurityHeaders.ContentSecurityPolicy.ShouldContain("frame-ancestors 'none'");
        SecurityHeaders.ContentSecurityPolicy.ShouldContain("default-src 'none'");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("same-origin");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse("HSTS is for HTTPS only");
    }

    [Fact]
    public async Task An_https_request_gets_hsts()
    {
        await using var database = await ServerDatabase.CreateAsync("sqlite");
        await using var server = new ThroughlineServer(database);
        using var site = server.WithWebHostBuilder(b => b.UseSetting("AllowedHosts", "tl.example.com"));
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://tl.example.com"), AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri("/signin", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Strict-Transport-Security").Single().ShouldStartWith("max-age=31536000");
    }

    [Fact]
    public async Task A_host_not_in_allowed_hosts_is_refused()
    {
        await using var database = await ServerDatabase.CreateAsync("sqlite");
        await using var server = new ThroughlineServer(database);
        var client = server.Anonymous().Http;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/signin");
        request.Headers.Host = "evil.example";

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_forged_host_is_not_reflected_into_the_sign_in_redirect_or_the_openapi_document()
    {
        await using var database = await ServerDatabase.CreateAsync("sqlite");
        await using var server = new ThroughlineServer(database);
        // An operator who left every host allowed: the answers still do not name the caller's Host.
        using var anyHost = server.WithWebHostBuilder(b => b.UseSetting("AllowedHosts", "*"));
        var client = anyHost.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var page = new HttpRequestMessage(HttpMethod.Get, "/programs/x/gantt");
        page.Headers.Host = "evil.example";
        var redirect = await client.SendAsync(page, TestContext.Current.CancellationToken);
        using var openApi = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        openApi.Headers.Host = "evil.example";
        var document = await (await client.SendAsync(openApi, TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        redirect.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        redirect.Headers.Location!.IsAbsoluteUri.ShouldBeFalse(redirect.Headers.Location.ToString());
        redirect.Headers.Location.ToString().ShouldStartWith("/signin?ReturnUrl=");
        document.ShouldContain("\"openapi\"");
        document.ShouldNotContain("evil.example");
    }
}
