using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Throughline.Web.Tests.Ui;

/// <summary>
/// The pages through the real host without a browser: what they answer to visitors and members, and how long a large
/// program's dashboard and Gantt take on the server (written to the test output, never asserted: docs/benchmarks.md).
/// </summary>
public sealed class PageRenderingTests
{
    [Fact]
    public async Task A_page_without_a_session_redirects_to_sign_in_and_a_non_member_gets_404()
    {
        await using var database = await ServerDatabase.CreateAsync("sqlite");
        await using var server = new ThroughlineServer(database);
        var owner = await server.AdminAsync();
        var program = await owner.CreateProgramAsync();
        var stranger = await server.CreateUserAsync();
        var strangerSession = await server.SignInAsync(stranger.UserName, ThroughlineServer.UserPassword);

        var anonymous = await server.Anonymous().Http.GetAsync($"/programs/{program}", TestContext.Current.CancellationToken);
        var hidden = await strangerSession.Http.GetAsync($"/programs/{program}", TestContext.Current.CancellationToken);
        var mine = await owner.Http.GetAsync($"/programs/{program}", TestContext.Current.CancellationToken);

        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.ToString().ShouldContain("/signin?returnUrl=%2Fprograms%2F");
        hidden.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await hidden.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldNotContain("Small program");
        mine.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await mine.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("Small program");
    }

    [Fact]
    public async Task Bad_addresses_get_a_message_or_a_404_never_an_error()
    {
        await using var database = await ServerDatabase.CreateAsync("sqlite");
        await using var server = new ThroughlineServer(database);
        var owner = await server.AdminAsync();
        var program = await owner.CreateProgramAsync();

        async Task<(HttpStatusCode Status, string Body)> GetAsync(string path)
        {
            var response = await owner.Http.GetAsync(path, TestContext.Current.CancellationToken);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        var days = await GetAsync($"/programs/{program}/impact?item=build&days=abc");
        days.Status.ShouldBe(HttpStatusCode.OK);
        days.Body.ShouldContain("is not a number of working days");
        (await GetAsync($"/programs/{program}/impact?item=build&days=3")).Body.ShouldContain("Commitments that would break");
        (await GetAsync($"/programs/{program}/edit/work-items/nope")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await GetAsync($"/programs/{program}/edit/bogus")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await GetAsync($"/programs/{program}/gantt?zoom=bogus&collapse=,,")).Status.ShouldBe(HttpStatusCode.OK);
        (await GetAsync($"/programs/{program}/risks?risk=nope&status=bogus")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_sign_in_form_shares_the_failed_sign_in_limit_and_viewing_it_is_free()
    {
        await using var database = await ServerDatabase.CreateAsync("sqlite");
        await using var server = new ThroughlineServer(database, loginsPerMinute: 2);
        var client = server.Anonymous().Http;
        for (var i = 0; i < 2; i++)
        {
            (await client.PostAsync("/api/account/login", JsonContent.Create(new { userName = "admin", password = "not-the-password" }), TestContext.Current.CancellationToken))
                .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var page = await client.GetAsync("/signin", TestContext.Current.CancellationToken);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "signin",
            ["Input.UserName"] = "admin",
            ["Input.Password"] = ThroughlineServer.AdminPassword,
        });
        var posted = await client.PostAsync("/signin", form, TestContext.Current.CancellationToken);

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        token.ShouldNotBeEmpty();
        posted.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await posted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("Too many failed sign-ins");
    }

    [Fact]
    public async Task A_viewer_sees_the_forms_read_only_and_cannot_post_a_change()
    {
        await using var database = await ServerDatabase.CreateAsync("sqlite");
        await using var server = new ThroughlineServer(database);
        var owner = await server.AdminAsync();
        var program = await owner.CreateProgramAsync();
        var viewer = await server.AsViewerAsync(owner, program);
        var session = await server.SignInAsync(viewer.UserName, ThroughlineServer.UserPassword);

        var form = await (await session.Http.GetAsync($"/programs/{program}/edit/work-items/build", TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        form.ShouldContain("you are a viewer");
        form.ShouldNotContain(">Save</button>");
    }

    [Fact]
    public async Task A_two_thousand_item_program_renders_its_dashboard_and_gantt()
    {
        await using var database = await ServerDatabase.CreateAsync("sqlite");
        await using var server = new ThroughlineServer(database);
        var owner = await server.AdminAsync();

        // Warm the host (JIT, first connections) on a small program, so that the figures are the pages' own.
        var small = await owner.CreateProgramAsync();
        (await owner.Http.GetAsync($"/programs/{small}", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        (await owner.Http.GetAsync($"/programs/{small}/gantt", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        var yaml = GeneratedPlan.Yaml("gen2000", 2000);
        var import = await owner.Http.PostAsync("/api/programs/import", new StringContent(yaml, Encoding.UTF8, "application/yaml"), TestContext.Current.CancellationToken);
        import.StatusCode.ShouldBe(HttpStatusCode.Created, await import.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var timings = new List<string>();
        async Task<string> TimedAsync(string label, string path)
        {
            var clock = Stopwatch.StartNew();
            var response = await owner.Http.GetAsync(path, TestContext.Current.CancellationToken);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            clock.Stop();
            response.StatusCode.ShouldBe(HttpStatusCode.OK, label);
            timings.Add($"{label}: {clock.ElapsedMilliseconds} ms, {body.Length / 1024} KiB");
            return body;
        }

        await TimedAsync("plan read from the database after import (API diagnostics)", "/api/programs/gen2000/diagnostics");
        var first = await TimedAsync("dashboard, first view (schedule + forecast + report)", "/programs/gen2000");
        await TimedAsync("dashboard, again (cached report)", "/programs/gen2000");
        var (item, etag) = await owner.ReadAsync("/api/programs/gen2000/work-items/i0-0-0");
        item["estimate"] = "4d";
        (await owner.PutAsync("/api/programs/gen2000/work-items/i0-0-0", item, etag)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await TimedAsync("dashboard, first view after an edit", "/programs/gen2000");
        await TimedAsync("gantt, folded to projects", "/programs/gen2000/gantt");
        var all = await TimedAsync("gantt, every row, weeks", "/programs/gen2000/gantt?zoom=weeks&collapse=");
        await TimedAsync("gantt, every row, days", "/programs/gen2000/gantt?zoom=days&collapse=");

        first.ShouldContain("Project 7 done");
        System.Text.RegularExpressions.Regex.Matches(all, "<a href=\"/programs/gen2000/edit/work-items/").Count.ShouldBeGreaterThanOrEqualTo(2000);
        TestContext.Current.SendDiagnosticMessage(string.Join("; ", timings));
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(Environment.NewLine, timings));
    }
}
