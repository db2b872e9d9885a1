using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Throughline.Storage;
using Throughline.Storage.Rows;
using Throughline.Testing;
using Throughline.Web.Auth;

namespace Throughline.Web.Tests.Auth;

/// <summary>Passwords, the one-time password, and what a 409 may say (#14, finding 9's account items).</summary>
public sealed class PasswordTests
{
    [Theory]
    [InlineData("password12", "at least 12")]
    [InlineData("short", "at least 12")]
    [InlineData("password1234", "most common")]
    [InlineData("Qwertyuiop123", "most common")]
    [InlineData("iloveyou2024!", "most common")]
    [InlineData("111111111111", "most common")]
    [InlineData("someone.else", "user name")]
    public void A_short_common_or_own_name_password_is_refused(string password, string why) =>
        PasswordPolicy.Problem(password, "someone.else").ShouldNotBeNull().ShouldContain(why);

    [Theory]
    [InlineData("correct horse battery")]
    [InlineData("tl-7Rq9-vXw2-kP4m")]
    public void A_long_uncommon_password_is_accepted(string password) =>
        PasswordPolicy.Problem(password, "someone.else").ShouldBeNull();

    [Fact]
    public void The_shipped_common_password_list_has_thousands_of_entries_of_twelve_characters_or_more()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "src", "Throughline.Web", "Auth", "common-passwords.txt")).Where(l => !l.StartsWith('#')).ToList();

        lines.Count.ShouldBeGreaterThan(3000);
        lines.ShouldAllBe(l => l.Length >= PasswordPolicy.MinimumLength);
        lines.Where(l => PasswordPolicy.Problem(l, null) is null).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_accounts_api_refuses_a_ten_character_password_that_the_old_rule_accepted()
    {
        await using var database = await ServerDatabase.CreateAsync("sqlite");
        await using var server = new ThroughlineServer(database);
        var admin = await server.AdminAsync();

        var tooShort = await admin.Http.PostAsJsonAsync("/api/users", new { userName = "fay", password = "password12" }, TestContext.Current.CancellationToken);
        var common = await admin.Http.PostAsJsonAsync("/api/users", new { userName = "fay", password = "password1234" }, TestContext.Current.CancellationToken);
        var good = await admin.Http.PostAsJsonAsync("/api/users", new { userName = "fay", password = "plum orchard tuesday" }, TestContext.Current.CancellationToken);

        tooShort.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        common.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await common.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["errors"]!["password"]!.ToJsonString().ShouldContain("common");
        good.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_one_time_password_cannot_be_changed_to_itself()
    {
        await using var database = await ServerDatabase.CreateAsync("sqlite");
        await using var server = new ThroughlineServer(database);
        await server.AdminAsync();
        await SetAdminAsync(server, u => u.MustChangePassword = true);
        var admin = await server.AdminAsync();

        var same = await admin.Http.PutAsJsonAsync("/api/account/password", new { currentPassword = ThroughlineServer.AdminPassword, newPassword = ThroughlineServer.AdminPassword }, TestContext.Current.CancellationToken);
        var blocked = await admin.Http.GetAsync("/api/programs", TestContext.Current.CancellationToken);

        same.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await same.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("differ");
        blocked.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_expired_one_time_password_no_longer_signs_in_and_the_next_start_issues_a_new_one()
    {
        await using var database = await ServerDatabase.CreateAsync("sqlite");
        string oldHash;
        await using (var server = new ThroughlineServer(database))
        {
            await server.AdminAsync();
            oldHash = await SetAdminAsync(server, u =>
            {
                u.MustChangePassword = true;
                u.PasswordExpiresAt = DateTime.UtcNow.AddMinutes(-1);
            });

            var login = await server.Anonymous().Http.PostAsJsonAsync("/api/account/login", new { userName = "admin", password = ThroughlineServer.AdminPassword }, TestContext.Current.CancellationToken);

            login.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await login.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("expired");
        }

        await using var restarted = new ThroughlineServer(database);
        var old = await restarted.Anonymous().Http.PostAsJsonAsync("/api/account/login", new { userName = "admin", password = ThroughlineServer.AdminPassword }, TestContext.Current.CancellationToken);
        var renewed = await SetAdminAsync(restarted, _ => { });
        await using var scope = restarted.Services.CreateAsyncScope();
        var admin = await scope.ServiceProvider.GetRequiredService<ThroughlineDb>().Users.AsNoTracking().SingleAsync(u => u.UserName == "admin", TestContext.Current.CancellationToken);

        old.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        renewed.ShouldNotBe(oldHash);
        admin.PasswordExpiresAt.ShouldNotBeNull().ShouldBeGreaterThan(DateTime.UtcNow);
    }

    [Fact]
    public async Task A_printed_one_time_password_expires_after_the_configured_lifetime()
    {
        await using var database = await ServerDatabase.CreateAsync("sqlite");
        await using var server = new ThroughlineServer(database, configure: b =>
        {
            b.UseSetting("THROUGHLINE_ADMIN_PASSWORD", "");
            b.UseSetting("Accounts:OneTimePasswordLifetime", "00:30:00");
        });
        var before = DateTime.UtcNow;
        server.Anonymous();
        await using var scope = server.Services.CreateAsyncScope();
        var admin = await scope.ServiceProvider.GetRequiredService<ThroughlineDb>().Users.AsNoTracking().SingleAsync(u => u.UserName == "admin", TestContext.Current.CancellationToken);

        admin.MustChangePassword.ShouldBeTrue();
        admin.PasswordExpiresAt.ShouldNotBeNull().ShouldBeInRange(before.AddMinutes(29), DateTime.UtcNow.AddMinutes(31));
    }

    [Fact]
    public async Task A_409_for_a_taken_program_id_does_not_name_a_program_the_caller_cannot_see()
    {
        await using var database = await ServerDatabase.CreateAsync("sqlite");
        await using var server = new ThroughlineServer(database);
        var owner = await server.CreateUserAsync();
        var outsider = await server.CreateUserAsync();
        await owner.CreateProgramAsync("secret-merger");

        var response = await outsider.Http.PostAsync("/api/programs/import", new StringContent(ThroughlineServer.SmallPlan("secret-merger"), Encoding.UTF8, "application/yaml"), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldNotContain("secret-merger");
    }

    /// <summary>Changes the administrator's row directly (what only time or an operator would do) and returns its password hash.</summary>
    private static async Task<string> SetAdminAsync(ThroughlineServer server, Action<UserRow> change)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ThroughlineDb>();
        var row = await db.Users.SingleAsync(u => u.UserName == "admin", TestContext.Current.CancellationToken);
        change(row);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return row.PasswordHash;
    }
}
