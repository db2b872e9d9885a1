using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Throughline.Storage;

namespace Throughline.Web.Tests.Auth;

/// <summary>Sessions and tokens end when they should, on the server, and rights are the user's rights now (#14, finding 5).</summary>
public sealed class SessionTests
{
    [Theory]
    [MemberData(nameof(ServerDatabase.Providers), MemberType = typeof(ServerDatabase))]
    public async Task A_session_cookie_replayed_after_logout_is_refused(string provider)
    {
        await using var database = await ServerDatabase.CreateAsync(provider);
        await using var server = new ThroughlineServer(database);
        var session = await CookieSession.SignInAsync(server, "admin", ThroughlineServer.AdminPassword);
        var before = await session.GetAsync("/api/programs");

        var logout = await session.SendAsync(HttpMethod.Post, "/api/account/logout");
        var replayed = await session.GetAsync("/api/programs");

        before.ShouldBe(HttpStatusCode.OK);
        logout.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        replayed.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(ServerDatabase.Providers), MemberType = typeof(ServerDatabase))]
    public async Task A_password_change_ends_the_users_other_sessions_and_revokes_its_tokens(string provider)
    {
        await using var database = await ServerDatabase.CreateAsync(provider);
        await using var first = new ThroughlineServer(database);
        await using var second = new ThroughlineServer(database);
        var script = await first.CreateUserAsync("ana");
        var elsewhere = await CookieSession.SignInAsync(second, "ana", ThroughlineServer.UserPassword);
        var here = await first.SignInAsync("ana", ThroughlineServer.UserPassword);

        var changed = await here.Http.PutAsJsonAsync("/api/account/password", new { currentPassword = ThroughlineServer.UserPassword, newPassword = "a brand new passphrase" }, TestContext.Current.CancellationToken);

        changed.StatusCode.ShouldBe(HttpStatusCode.NoContent, await changed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        (await elsewhere.GetAsync("/api/programs")).ShouldBe(HttpStatusCode.Unauthorized);
        (await script.Http.GetAsync("/api/programs", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await here.Http.GetAsync("/api/programs", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(ServerDatabase.Providers), MemberType = typeof(ServerDatabase))]
    public async Task A_disabled_user_loses_its_sessions_and_tokens_and_cannot_sign_in_until_enabled(string provider)
    {
        await using var database = await ServerDatabase.CreateAsync(provider);
        await using var server = new ThroughlineServer(database);
        var admin = await server.AdminAsync();
        var script = await server.CreateUserAsync("ben");
        var session = await CookieSession.SignInAsync(server, "ben", ThroughlineServer.UserPassword);

        var disabled = await admin.Http.PostAsync("/api/users/ben/disable", null, TestContext.Current.CancellationToken);
        var tokenAfter = await script.Http.GetAsync("/api/programs", TestContext.Current.CancellationToken);
        var sessionAfter = await session.GetAsync("/api/programs");
        var login = await server.Anonymous().Http.PostAsJsonAsync("/api/account/login", new { userName = "ben", password = ThroughlineServer.UserPassword }, TestContext.Current.CancellationToken);
        var enabled = await admin.Http.PostAsync("/api/users/ben/enable", null, TestContext.Current.CancellationToken);
        var loginAgain = await server.Anonymous().Http.PostAsJsonAsync("/api/account/login", new { userName = "ben", password = ThroughlineServer.UserPassword }, TestContext.Current.CancellationToken);

        disabled.StatusCode.ShouldBe(HttpStatusCode.OK, await disabled.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        tokenAfter.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        sessionAfter.ShouldBe(HttpStatusCode.Unauthorized);
        login.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        enabled.StatusCode.ShouldBe(HttpStatusCode.OK);
        loginAgain.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_administrator_revokes_another_users_tokens_and_sessions_and_nobody_else_can()
    {
        await using var database = await ServerDatabase.CreateAsync("sqlite");
        await using var server = new ThroughlineServer(database);
        var admin = await server.AdminAsync();
        var script = await server.CreateUserAsync("cy");
        var session = await CookieSession.SignInAsync(server, "cy", ThroughlineServer.UserPassword);
        var other = await server.CreateUserAsync("dee");

        var byOther = await other.Http.DeleteAsync("/api/users/cy/tokens", TestContext.Current.CancellationToken);
        var tokenStillWorks = await script.Http.GetAsync("/api/programs", TestContext.Current.CancellationToken);
        var tokens = await admin.Http.DeleteAsync("/api/users/cy/tokens", TestContext.Current.CancellationToken);
        var tokenAfter = await script.Http.GetAsync("/api/programs", TestContext.Current.CancellationToken);
        var sessionBetween = await session.GetAsync("/api/programs");
        var sessions = await admin.Http.DeleteAsync("/api/users/cy/sessions", TestContext.Current.CancellationToken);
        var sessionAfter = await session.GetAsync("/api/programs");

        byOther.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        tokenStillWorks.StatusCode.ShouldBe(HttpStatusCode.OK);
        tokens.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        tokenAfter.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        sessionBetween.ShouldBe(HttpStatusCode.OK);
        sessions.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        sessionAfter.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_administrator_cannot_disable_their_own_account()
    {
        await using var database = await ServerDatabase.CreateAsync("sqlite");
        await using var server = new ThroughlineServer(database);
        var admin = await server.AdminAsync();

        var response = await admin.Http.PostAsync("/api/users/admin/disable", null, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.Http.GetAsync("/api/programs", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(ServerDatabase.Providers), MemberType = typeof(ServerDatabase))]
    public async Task Taking_the_administrator_flag_away_holds_at_the_next_request_of_a_live_session(string provider)
    {
        await using var database = await ServerDatabase.CreateAsync(provider);
        await using var server = new ThroughlineServer(database);
        var admin = await server.AdminAsync();
        (await admin.Http.PostAsJsonAsync("/api/users", new { userName = "eve", password = ThroughlineServer.UserPassword, isAdmin = true }, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var session = await CookieSession.SignInAsync(server, "eve", ThroughlineServer.UserPassword);
        var asAdmin = await session.GetAsync("/api/users");

        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ThroughlineDb>();
            await db.Users.Where(u => u.UserName == "eve").ExecuteUpdateAsync(u => u.SetProperty(x => x.IsAdmin, false), TestContext.Current.CancellationToken);
        }

        var afterwards = await session.GetAsync("/api/users");

        asAdmin.ShouldBe(HttpStatusCode.OK);
        afterwards.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_session_older_than_its_maximum_age_is_refused_however_active()
    {
        await using var database = await ServerDatabase.CreateAsync("sqlite");
        await using var server = new ThroughlineServer(database);
        var session = await CookieSession.SignInAsync(server, "admin", ThroughlineServer.AdminPassword);
        var fresh = await session.GetAsync("/api/programs");

        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ThroughlineDb>();
            var longAgo = DateTime.UtcNow.AddDays(-8);
            await db.Sessions.ExecuteUpdateAsync(s => s.SetProperty(x => x.CreatedAt, longAgo), TestContext.Current.CancellationToken);
        }

        fresh.ShouldBe(HttpStatusCode.OK);
        (await session.GetAsync("/api/programs")).ShouldBe(HttpStatusCode.Unauthorized);
    }
}
