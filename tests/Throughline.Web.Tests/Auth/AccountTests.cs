using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Throughline.Web.Tests.Auth;

public sealed class AccountTests
{
    [Fact]
    public async Task A_wrong_password_is_401_and_repeated_attempts_are_rate_limited()
    {
        await using var database = await ServerDatabase.CreateAsync("sqlite");
        await using var server = new ThroughlineServer(database, loginsPerMinute: 3);
        var client = server.Anonymous();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add((await client.Http.PostAsJsonAsync("/api/account/login", new { userName = "admin", password = "wrong-password" }, TestContext.Current.CancellationToken)).StatusCode);
        }

        answers.ShouldBe([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests]);
    }

    [Fact]
    public async Task A_cookie_session_cannot_write_without_the_antiforgery_token()
    {
        await using var database = await ServerDatabase.CreateAsync("sqlite");
        await using var server = new ThroughlineServer(database);
        var admin = await server.AdminAsync();
        var program = await admin.CreateProgramAsync();
        var bare = server.Anonymous();
        await bare.Http.PostAsJsonAsync("/api/account/login", new { userName = "admin", password = ThroughlineServer.AdminPassword }, TestContext.Current.CancellationToken);

        var read = await bare.Http.GetAsync($"/api/programs/{program}", TestContext.Current.CancellationToken);
        var write = await bare.Http.PostAsJsonAsync($"/api/programs/{program}/teams", new { id = "qa", name = "QA", capacity = "40h" }, TestContext.Current.CancellationToken);
        var withToken = await admin.Http.PostAsJsonAsync($"/api/programs/{program}/teams", new { id = "qa", name = "QA", capacity = "40h" }, TestContext.Current.CancellationToken);

        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        write.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        withToken.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_revoked_token_no_longer_authenticates_and_tokens_are_stored_hashed()
    {
        await using var database = await ServerDatabase.CreateAsync("sqlite");
        await using var server = new ThroughlineServer(database);
        var user = await server.CreateUserAsync();
        var session = await server.SignInAsync(user.UserName, ThroughlineServer.UserPassword);
        var created = await (await session.Http.PostAsJsonAsync("/api/account/tokens", new { name = "script" }, TestContext.Current.CancellationToken)).Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        var token = created!["token"]!.ToString();
        var script = server.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var before = await script.GetAsync("/api/programs", TestContext.Current.CancellationToken);
        var listed = await session.Http.GetStringAsync("/api/account/tokens", TestContext.Current.CancellationToken);
        await using (var scope = server.Services.CreateAsyncScope())
        {
            // The database row holds the token's SHA-256 in hex, computed here independently, and never the token.
            var db = scope.ServiceProvider.GetRequiredService<Throughline.Storage.ThroughlineDb>();
            var row = db.ApiTokens.Single(t => t.Name == "script");
            row.Hash.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token))));
            row.Hash.ShouldNotContain(token);
            row.Prefix.Length.ShouldBeLessThan(token.Length / 2);
        }

        (await session.Http.DeleteAsync($"/api/account/tokens/{created["id"]}", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var after = await script.GetAsync("/api/programs", TestContext.Current.CancellationToken);

        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Throughline.Storage.ThroughlineDb>();
            var row = db.ApiTokens.Single(t => t.Id == (long)created["id"]!);
            row.Hash.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(token))));
            new[] { row.Hash, row.Name, row.Prefix }.ShouldAllBe(value => !value.Contains(token, StringComparison.Ordinal));
            row.Prefix.Length.ShouldBeLessThan(token.Length / 2);
        }

        before.StatusCode.ShouldBe(HttpStatusCode.OK);
        listed.ShouldNotContain(token);
        after.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        after.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task An_account_on_its_one_time_password_must_change_it_before_anything_else()
    {
        await using var database = await ServerDatabase.CreateAsync("sqlite");
        await using var server = new ThroughlineServer(database);
        var admin = await server.AdminAsync();
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Throughline.Storage.ThroughlineDb>();
            var row = db.Users.Single(u => u.UserName == "admin");
            row.MustChangePassword = true;
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var fresh = await server.AdminAsync();
        var blocked = await fresh.Http.GetAsync("/api/programs", TestContext.Current.CancellationToken);
        var changed = await fresh.Http.PutAsJsonAsync("/api/account/password", new { currentPassword = ThroughlineServer.AdminPassword, newPassword = "a-new-long-password" }, TestContext.Current.CancellationToken);
        var allowed = await fresh.Http.GetAsync("/api/programs", TestContext.Current.CancellationToken);

        blocked.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        changed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        allowed.StatusCode.ShouldBe(HttpStatusCode.OK);
        admin.UserName.ShouldBe("admin");
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        await using var database = await ServerDatabase.CreateAsync("sqlite");
        await using var server = new ThroughlineServer(database);
        var admin = await server.AdminAsync();

        var response = await admin.Http.PostAsync("/api/programs/import", new StringContent(new string('#', 2 * 1024 * 1024), Encoding.UTF8, "application/yaml"), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }
}
