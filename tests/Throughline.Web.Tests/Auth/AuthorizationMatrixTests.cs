using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Throughline.Web.Tests.Auth;

/// <summary>
/// Every API endpoint called as anonymous, a non-member, a viewer, an editor and an owner of the program it is about.
/// Each call gets a fresh program (and whatever the call needs: a current ETag, an entity to delete), so that every
/// caller allowed to make it gets a success, and every other caller the refusal meant for them.
/// </summary>
public sealed class AuthorizationMatrixTests
{
    public enum Role
    {
        Anonymous,
        NonMember,
        Viewer,
        Editor,
        Owner,
    }

    /// <summary>Who may call: members from a permission up, any signed-in user, administrators only, or anyone.</summary>
    private enum Needs
    {
        Anyone,
        SignedIn,
        Admin,
        Viewer,
        Editor,
        Owner,
    }

    private sealed record Case(string Method, string Pattern, Needs Needs, Func<Context, Task<HttpRequestMessage>> Request);

    /// <summary>What a case builds its request from: the fresh program, and the owner to prepare it with.</summary>
    private sealed record Context(ThroughlineServer Server, ApiClient Owner, ApiClient Caller, string Program);

    private static readonly Case[] Cases = BuildCases();

    [Theory]
    [MemberData(nameof(ServerDatabase.Providers), MemberType = typeof(ServerDatabase))]
    public async Task Every_endpoint_answers_every_kind_of_caller_as_its_permission_says(string provider)
    {
        await using var database = await ServerDatabase.CreateAsync(provider);
        await using var server = new ThroughlineServer(database);
        var owner = await server.CreateUserAsync("owner");
        var outsider = await server.CreateUserAsync("outsider");
        var viewer = await server.CreateUserAsync("viewer");
        var editor = await server.CreateUserAsync("editor");
        var failures = new List<string>();
        foreach (var role in Enum.GetValues<Role>())
        {
            foreach (var test in Cases)
            {
                var program = await owner.CreateProgramAsync();
                await owner.AddMemberAsync(program, viewer.UserName, "viewer");
                await owner.AddMemberAsync(program, editor.UserName, "editor");
                var caller = role switch
                {
                    Role.Anonymous => server.Anonymous(),
                    Role.NonMember => outsider,
                    Role.Viewer => viewer,
                    Role.Editor => editor,
                    Role.Owner => owner,
                };
                using var request = await test.Request(new Context(server, owner, caller, program));
                using var response = await caller.Http.SendAsync(request, TestContext.Current.CancellationToken);
                var expected = Expected(test.Needs, role);
                var status = (int)response.StatusCode;
                var ok = expected == 200 ? status is >= 200 and < 300 : status == expected;
                if (!ok)
                {
                    failures.Add($"{test.Method} {test.Pattern} as {role}: {status}, expected {(expected == 200 ? "2xx" : expected)}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
                }

                if (status >= 400)
                {
                    // Every refusal is a problem document: a missing content type fails too (no null-conditional).
                    var mediaType = response.Content.Headers.ContentType?.MediaType;
                    if (mediaType != "application/problem+json")
                    {
                        failures.Add($"{test.Method} {test.Pattern} as {role}: {status} with content type {mediaType ?? "(none)"}, expected application/problem+json");
                    }
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_matrix_covers_every_api_endpoint()
    {
        await using var database = await ServerDatabase.CreateAsync("sqlite");
        await using var server = new ThroughlineServer(database);
        _ = server.CreateClient();

        var endpoints = server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}"))
            .ToHashSet();

        endpoints.ShouldBe(Cases.Select(c => $"{c.Method} {c.Pattern}").ToHashSet(), ignoreOrder: true);
    }

    private static int Expected(Needs needs, Role role) => (needs, role) switch
    {
        (Needs.Anyone, _) => 200,
        (_, Role.Anonymous) => 401,
        (Needs.SignedIn, _) => 200,
        (Needs.Admin, _) => 403,
        (_, Role.NonMember) => 404,
        (Needs.Viewer, _) => 200,
        (Needs.Editor, Role.Viewer) => 403,
        (Needs.Editor, _) => 200,
        (Needs.Owner, Role.Owner) => 200,
        (Needs.Owner, _) => 403,
    };

    private static Case[] BuildCases()
    {
        var cases = new List<Case>
        {
            new("POST", "/api/account/login", Needs.Anyone, _ => Task.FromResult(Json(HttpMethod.Post, "/api/account/login", new { userName = "owner", password = ThroughlineServer.UserPassword }))),
            new("POST", "/api/account/logout", Needs.SignedIn, _ => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/account/logout"))),
            new("GET", "/api/account", Needs.SignedIn, _ => Get("/api/account")),
            new("GET", "/api/account/antiforgery", Needs.SignedIn, _ => Get("/api/account/antiforgery")),
            new("GET", "/api/account/tokens", Needs.SignedIn, _ => Get("/api/account/tokens")),
            new("POST", "/api/account/tokens", Needs.SignedIn, _ => Task.FromResult(Json(HttpMethod.Post, "/api/account/tokens", new { name = "matrix" }))),
            new("DELETE", "/api/account/tokens/{id:long}", Needs.SignedIn, async c =>
            {
                var id = "999999";
                if (c.Caller.UserName != "anonymous")
                {
                    var created = await c.Caller.Http.PostAsJsonAsync("/api/account/tokens", new { name = "to revoke" });
                    id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.ToString();
                }

                return new HttpRequestMessage(HttpMethod.Delete, $"/api/account/tokens/{id}");
            }),
            new("GET", "/api/users", Needs.Admin, _ => Get("/api/users")),
            new("POST", "/api/users", Needs.Admin, _ => Task.FromResult(Json(HttpMethod.Post, "/api/users", new { userName = "x" + Guid.NewGuid().ToString("N")[..8], password = ThroughlineServer.UserPassword }))),
            new("POST", "/api/users/{userName}/disable", Needs.Admin, _ => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/users/owner/disable"))),
            new("POST", "/api/users/{userName}/enable", Needs.Admin, _ => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/users/owner/enable"))),
            new("DELETE", "/api/users/{userName}/sessions", Needs.Admin, _ => Task.FromResult(new HttpRequestMessage(HttpMethod.Delete, "/api/users/owner/sessions"))),
            new("DELETE", "/api/users/{userName}/tokens", Needs.Admin, _ => Task.FromResult(new HttpRequestMessage(HttpMethod.Delete, "/api/users/owner/tokens"))),
            new("GET", "/api/programs", Needs.SignedIn, _ => Get("/api/programs")),
            new("POST", "/api/programs", Needs.SignedIn, _ => Task.FromResult(Json(HttpMethod.Post, "/api/programs", new { id = "n" + Guid.NewGuid().ToString("N")[..8], name = "New", start = "2027-01-04" }))),
            new("POST", "/api/programs/import", Needs.SignedIn, _ => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/programs/import")
            {
                Content = new StringContent(ThroughlineServer.SmallPlan("i" + Guid.NewGuid().ToString("N")[..8]), Encoding.UTF8, "application/yaml"),
            })),
            new("GET", "/api/programs/{program}", Needs.Viewer, c => Get($"/api/programs/{c.Program}")),
            new("PUT", "/api/programs/{program}", Needs.Editor, async c => await Replace(c, $"/api/programs/{c.Program}")),
            new("DELETE", "/api/programs/{program}", Needs.Owner, async c => WithIfMatch(new HttpRequestMessage(HttpMethod.Delete, $"/api/programs/{c.Program}"), (await c.Owner.ReadAsync($"/api/programs/{c.Program}")).ETag)),
            new("GET", "/api/programs/{program}/overview", Needs.Viewer, c => Get($"/api/programs/{c.Program}/overview")),
            new("GET", "/api/programs/{program}/schedule", Needs.Viewer, c => Get($"/api/programs/{c.Program}/schedule")),
            new("GET", "/api/programs/{program}/forecast", Needs.Viewer, c => Get($"/api/programs/{c.Program}/forecast?iterations=100")),
            new("GET", "/api/programs/{program}/status", Needs.Viewer, c => Get($"/api/programs/{c.Program}/status?iterations=100")),
            new("GET", "/api/programs/{program}/diagnostics", Needs.Viewer, c => Get($"/api/programs/{c.Program}/diagnostics")),
            new("GET", "/api/programs/{program}/plan", Needs.Viewer, c => Get($"/api/programs/{c.Program}/plan")),
            new("PUT", "/api/programs/{program}/plan", Needs.Editor, async c => WithIfMatch(
                new HttpRequestMessage(HttpMethod.Put, $"/api/programs/{c.Program}/plan") { Content = new StringContent(ThroughlineServer.SmallPlan(c.Program), Encoding.UTF8, "application/yaml") },
                await c.Owner.ETagAsync($"/api/programs/{c.Program}/plan"))),
            new("GET", "/api/programs/{program}/members", Needs.Viewer, c => Get($"/api/programs/{c.Program}/members")),
            new("PUT", "/api/programs/{program}/members/{user}", Needs.Owner, c => Task.FromResult(Json(HttpMethod.Put, $"/api/programs/{c.Program}/members/outsider", new { permission = "viewer", role = "executive" }))),
            new("DELETE", "/api/programs/{program}/members/{user}", Needs.Owner, async c =>
            {
                var member = await c.Server.MemberAsync(c.Owner, c.Program, "viewer");
                return WithIfMatch(new HttpRequestMessage(HttpMethod.Delete, $"/api/programs/{c.Program}/members/{member.UserName}"), "\"1\"");
            }),
            new("GET", "/api/programs/{program}/history", Needs.Viewer, c => Get($"/api/programs/{c.Program}/history")),
            new("GET", "/api/programs/{program}/baselines", Needs.Viewer, c => Get($"/api/programs/{c.Program}/baselines")),
            new("POST", "/api/programs/{program}/baselines", Needs.Editor, c => Task.FromResult(Json(HttpMethod.Post, $"/api/programs/{c.Program}/baselines", new { name = "b" }))),
            new("GET", "/api/programs/{program}/baselines/{name}", Needs.Viewer, async c => { await Baseline(c); return new HttpRequestMessage(HttpMethod.Get, $"/api/programs/{c.Program}/baselines/base"); }),
            new("GET", "/api/programs/{program}/baselines/compare", Needs.Viewer, async c => { await Baseline(c); return new HttpRequestMessage(HttpMethod.Get, $"/api/programs/{c.Program}/baselines/compare?from=base"); }),
        };

        // One existing entity and one new body for every plan resource.
        (string Name, string Id, object New)[] resources =
        [
            ("objectives", "obj-speed", new { id = "obj-new", title = "New objective" }),
            ("teams", "core", new { id = "qa", name = "QA", capacity = "40h" }),
            ("people", "p-ben", new { id = "p-new", name = "New person", team = "core" }),
            ("projects", "ops", new { id = "new-project", name = "New project", team = "core" }),
            ("work-items", "build", new { id = "new-item", name = "New item", project = "ops", estimate = "1d" }),
            ("milestones", "launch", new { id = "new-milestone", name = "New milestone", project = "ops" }),
            ("dependencies", "1", new { predecessor = "design", successor = "launch" }),
            ("risks", "r-late", new { id = "r-new", title = "New risk", probability = "10%" }),
            ("decisions", "d-cloud", new { id = "d-new", question = "New question?" }),
            ("budget-lines", "1", new { project = "ops", period = "2027-02", planned = 500 }),
        ];
        foreach (var (name, id, body) in resources)
        {
            var collection = $"/api/programs/{{program}}/{name}";
            cases.Add(new("GET", collection, Needs.Viewer, c => Get($"/api/programs/{c.Program}/{name}")));
            cases.Add(new("GET", collection + "/{id}", Needs.Viewer, c => Get($"/api/programs/{c.Program}/{name}/{id}")));
            cases.Add(new("POST", collection, Needs.Editor, c => Task.FromResult(Json(HttpMethod.Post, $"/api/programs/{c.Program}/{name}", body))));
            cases.Add(new("PUT", collection + "/{id}", Needs.Editor, c => Replace(c, $"/api/programs/{c.Program}/{name}/{id}")));
            cases.Add(new("DELETE", collection + "/{id}", Needs.Editor, async c =>
            {
                // Delete a new entity, so that nothing else refers to it.
                var created = await c.Owner.Http.PostAsJsonAsync($"/api/programs/{c.Program}/{name}", body);
                created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
                var location = created.Headers.Location!.ToString();
                return WithIfMatch(new HttpRequestMessage(HttpMethod.Delete, location), created.Headers.ETag!.ToString());
            }));
        }

        // Last: a password change revokes the caller's API tokens, and each role's caller is done with after this.
        cases.Add(new("PUT", "/api/account/password", Needs.SignedIn, _ => Task.FromResult(Json(HttpMethod.Put, "/api/account/password", new { currentPassword = ThroughlineServer.UserPassword, newPassword = "a different passphrase" }))));
        return [.. cases];
    }

    private static async Task Baseline(Context c) =>
        (await c.Owner.Http.PostAsJsonAsync($"/api/programs/{c.Program}/baselines", new { name = "base" })).StatusCode.ShouldBe(HttpStatusCode.Created);

    /// <summary>Writes an entity back as it is, with its current ETag.</summary>
    private static async Task<HttpRequestMessage> Replace(Context c, string path)
    {
        var (body, etag) = await c.Owner.ReadAsync(path);
        return WithIfMatch(new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) }, etag);
    }

    private static Task<HttpRequestMessage> Get(string path) => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, path));

    private static HttpRequestMessage Json(HttpMethod method, string path, object body) => new(method, path) { Content = JsonContent.Create(body) };

    private static HttpRequestMessage WithIfMatch(HttpRequestMessage request, string etag)
    {
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }
}
