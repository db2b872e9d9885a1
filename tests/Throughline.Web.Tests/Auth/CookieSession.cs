using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Throughline.Web.Tests.Auth;

/// <summary>
/// A session cookie held by hand (as a stolen or copied cookie would be), so a test can replay it after the server
/// was told to end the session.
/// </summary>
public sealed class CookieSession(HttpClient http, string cookie)
{
    public string Cookie { get; } = cookie;

    public static async Task<CookieSession> SignInAsync(ThroughlineServer server, string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(server);
        var http = server.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        var login = await http.PostAsJsonAsync("/api/account/login", new { userName, password });
        login.StatusCode.ShouldBe(HttpStatusCode.OK, await login.Content.ReadAsStringAsync());
        return new CookieSession(http, login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("throughline=", StringComparison.Ordinal)).Split(';')[0]);
    }

    /// <summary>The status of a GET sent with this cookie.</summary>
    public async Task<HttpStatusCode> GetAsync(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", Cookie);
        return (await http.SendAsync(request)).StatusCode;
    }

    /// <summary>A write with this cookie and its anti-forgery token, as the browser app sends it.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null)
    {
        var tokenRequest = new HttpRequestMessage(HttpMethod.Get, "/api/account/antiforgery");
        tokenRequest.Headers.Add("Cookie", Cookie);
        var tokenResponse = await http.SendAsync(tokenRequest);
        tokenResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        var antiforgeryCookie = tokenResponse.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("throughline-xsrf=", StringComparison.Ordinal)).Split(';')[0];
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.ToString();
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("Cookie", $"{Cookie}; {antiforgeryCookie}");
        request.Headers.Add("X-XSRF-TOKEN", token);
        return await http.SendAsync(request);
    }
}
