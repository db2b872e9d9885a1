using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Throughline.Web.Tests;

/// <summary>Two app instances on one database behave as one server.</summary>
public sealed class MultiInstanceTests
{
    [Theory]
    [MemberData(nameof(ServerDatabase.Providers), MemberType = typeof(ServerDatabase))]
    public async Task A_session_cookie_from_one_instance_works_on_the_other(string provider)
    {
        await using var database = await ServerDatabase.CreateAsync(provider);
        await using var first = new ThroughlineServer(database);
        var program = await (await first.AdminAsync()).CreateProgramAsync();
        await using var second = new ThroughlineServer(database);

        var onFirst = first.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var login = await onFirst.PostAsJsonAsync("/api/account/login", new { userName = "admin", password = ThroughlineServer.AdminPassword }, TestContext.Current.CancellationToken);
        var session = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("throughline=", StringComparison.Ordinal)).Split(';')[0];
        var tokenRequest = new HttpRequestMessage(HttpMethod.Get, "/api/account/antiforgery");
        tokenRequest.Headers.Add("Cookie", session);
        var tokenResponse = await onFirst.SendAsync(tokenRequest, TestContext.Current.CancellationToken);
        var antiforgeryCookie = tokenResponse.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("throughline-xsrf=", StringComparison.Ordinal)).Split(';')[0];
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["token"]!.ToString();

        var onSecond = second.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var write = new HttpRequestMessage(HttpMethod.Post, $"/api/programs/{program}/teams") { Content = JsonContent.Create(new { id = "qa", name = "QA", capacity = "40h" }) };
        write.Headers.Add("Cookie", $"{session}; {antiforgeryCookie}");
        write.Headers.Add("X-XSRF-TOKEN", token);
        var response = await onSecond.SendAsync(write, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(ServerDatabase.Providers), MemberType = typeof(ServerDatabase))]
    public async Task A_write_through_one_instance_makes_the_same_version_stale_on_the_other(string provider)
    {
        await using var database = await ServerDatabase.CreateAsync(provider);
        await using var first = new ThroughlineServer(database);
        await using var second = new ThroughlineServer(database);
        var owner = await first.CreateUserAsync("owner");
        var program = await owner.CreateProgramAsync();
        var sameOwnerOnSecond = await second.SignInAsync("owner", ThroughlineServer.UserPassword);
        var path = $"/api/programs/{program}/decisions/d-cloud";
        var (decision, etag) = await owner.ReadAsync(path);
        var (_, etagOnSecond) = await sameOwnerOnSecond.ReadAsync(path);
        await sameOwnerOnSecond.GetJsonAsync($"/api/programs/{program}/overview");

        decision["recommendation"] = "aws";
        var viaFirst = await owner.PutAsync(path, decision, etag);
        decision["recommendation"] = "gcp";
        var viaSecond = await sameOwnerOnSecond.PutAsync(path, decision, etagOnSecond);
        var overview = await sameOwnerOnSecond.GetJsonAsync($"/api/programs/{program}/overview");

        etagOnSecond.ShouldBe(etag);
        viaFirst.StatusCode.ShouldBe(HttpStatusCode.OK);
        viaSecond.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await sameOwnerOnSecond.ReadAsync(path)).Body["recommendation"]!.ToString().ShouldBe("aws");
        overview["revision"]!.GetValue<long>().ShouldBe(2);
    }
}
