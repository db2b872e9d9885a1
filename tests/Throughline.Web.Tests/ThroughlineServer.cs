using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Throughline.Web.Tests;

/// <summary>
/// The real server (the web host of <c>src/Throughline.Web</c>, through <see cref="WebApplicationFactory{T}"/>) on a
/// database of its own, with intent methods: <see cref="AdminAsync"/>, <see cref="CreateUserAsync"/>,
/// <see cref="ApiClient.CreateProgramAsync"/>, <see cref="AsViewerAsync"/>... Two servers on one database behave
/// as two instances of one deployment.
/// </summary>
public sealed class ThroughlineServer : WebApplicationFactory<Program>
{
    public const string AdminPassword = "admin-password-for-tests";
    public const string UserPassword = "user-password-for-tests";

    private readonly string connectionString;
    private readonly bool loadDemo;
    private readonly int loginsPerMinute;
    private readonly IReadOnlyDictionary<string, string> settings;
    private readonly int loginsPerAddressPerMinute;
    private readonly Action<IWebHostBuilder>? configure;
    private int users;

    /// <param name="settings">Configuration for this test's server, applied after (so over) the usual test settings.</param>
    /// <param name="configure">More settings or services for this server, applied after the defaults.</param>
    public ThroughlineServer(ServerDatabase database, bool loadDemo = false, int loginsPerMinute = 10_000, IReadOnlyDictionary<string, string>? settings = null,
        int loginsPerAddressPerMinute = 10_000, Action<IWebHostBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        connectionString = database.ConnectionString;
        this.loadDemo = loadDemo;
        this.loginsPerMinute = loginsPerMinute;
        this.settings = settings ?? new Dictionary<string, string>();
        this.loginsPerAddressPerMinute = loginsPerAddressPerMinute;
        this.configure = configure;
    }

    /// <summary>A small valid plan: two projects, a team, people, a milestone, a dependency, a risk, a decision, a budget line and an objective.</summary>
    public static string SmallPlan(string id) =>
        $$"""
        program:
          id: {{id}}
          name: Small program {{id}}
          start: 2027-01-04
          objectives:
            - { id: obj-speed, title: Ship faster }
        teams:
          - { id: core, name: Core, capacity: 80h }
        people:
          - { id: p-ana, name: Ana, role: tpm, team: core }
          - { id: p-ben, name: Ben, role: engineer, team: core }
        projects:
          - id: app
            name: App
            team: core
            tpm: p-ana
            items:
              - { id: design, name: Design, estimate: 2d, team: core }
              - { id: build, name: Build, estimate: 5d, people: [p-ben], depends-on: [design] }
              - { id: launch, name: Launch, milestone: true, committed: 2027-02-01, depends-on: [build] }
          - id: ops
            name: Operations
            team: core
        risks:
          - { id: r-late, title: Vendor late, probability: 30%, impact: 3d, items: [build] }
        decisions:
          - { id: d-cloud, question: Which cloud?, status: open, blocks: [build] }
        budget:
          - { project: app, period: 2027-01, category: labour, planned: 10000 }
        """;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("ConnectionStrings:Throughline", connectionString);
        builder.UseSetting("Database:Provider", connectionString.StartsWith("Host=", StringComparison.OrdinalIgnoreCase) ? "postgres" : "sqlite");
        builder.UseSetting("THROUGHLINE_ADMIN_PASSWORD", AdminPassword);
        builder.UseSetting("Demo:Load", loadDemo ? "true" : "false");
        builder.UseSetting("RateLimits:LoginPerMinute", loginsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:LoginPerAddressPerMinute", loginsPerAddressPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Limits:MaxRequestBodyBytes", (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        configure?.Invoke(builder);
    }

    /// <summary>A client with no credentials.</summary>
    public ApiClient Anonymous() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), "anonymous");

    /// <summary>The administrator, signed in with a session cookie (and the anti-forgery header for writes).</summary>
    public async Task<ApiClient> AdminAsync() => await SignInAsync("admin", AdminPassword);

    /// <summary>A client signed in with a session cookie, sending the anti-forgery token with every request.</summary>
    public async Task<ApiClient> SignInAsync(string userName, string password)
    {
        var client = Anonymous();
        var login = await client.Http.PostAsJsonAsync("/api/account/login", new { userName, password });
        login.StatusCode.ShouldBe(HttpStatusCode.OK, await login.Content.ReadAsStringAsync());
        var antiforgery = await client.GetJsonAsync("/api/account/antiforgery");
        client.Http.DefaultRequestHeaders.Add("X-XSRF-TOKEN", antiforgery["token"]!.ToString());
        return new ApiClient(client.Http, userName);
    }

    /// <summary>A new account, as a client with a personal API token.</summary>
    public async Task<ApiClient> CreateUserAsync(string? name = null)
    {
        var admin = await AdminAsync();
        var userName = name ?? $"user{Interlocked.Increment(ref users)}";
        (await admin.Http.PostAsJsonAsync("/api/users", new { userName, password = UserPassword })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var session = await SignInAsync(userName, UserPassword);
        var token = await session.Http.PostAsJsonAsync("/api/account/tokens", new { name = "tests" });
        token.StatusCode.ShouldBe(HttpStatusCode.Created);
        var secret = (await token.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.ToString();
        var client = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return new ApiClient(client, userName);
    }

    /// <summary>A new account made a member of <paramref name="program"/> by its owner.</summary>
    public async Task<ApiClient> MemberAsync(ApiClient owner, string program, string permission)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var user = await CreateUserAsync();
        await owner.AddMemberAsync(program, user.UserName, permission);
        return user;
    }

    public Task<ApiClient> AsViewerAsync(ApiClient owner, string program) => MemberAsync(owner, program, "viewer");

    public Task<ApiClient> AsEditorAsync(ApiClient owner, string program) => MemberAsync(owner, program, "editor");
}

/// <summary>An HTTP client of the API with intent methods; it fails the test on unexpected answers to setup calls.</summary>
public sealed class ApiClient(HttpClient http, string userName)
{
    public HttpClient Http { get; } = http;

    public string UserName { get; } = userName;

    /// <summary>Imports <see cref="ThroughlineServer.SmallPlan"/> as a new program this user owns.</summary>
    public async Task<string> CreateProgramAsync(string? id = null)
    {
        var key = id ?? "p" + Guid.NewGuid().ToString("N")[..10];
        var response = await Http.PostAsync("/api/programs/import", new StringContent(ThroughlineServer.SmallPlan(key), Encoding.UTF8, "application/yaml"));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return key;
    }

    public async Task AddMemberAsync(string program, string user, string permission, string role = "engineer")
    {
        var response = await Http.PutAsJsonAsync($"/api/programs/{program}/members/{user}", new { permission, role });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    public async Task<JsonObject> GetJsonAsync(string path)
    {
        var response = await Http.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>Reads an entity and its ETag.</summary>
    public async Task<(JsonObject Body, string ETag)> ReadAsync(string path)
    {
        var response = await Http.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return ((await response.Content.ReadFromJsonAsync<JsonObject>())!, response.Headers.ETag!.ToString());
    }

    /// <summary>The ETag of a resource that is not JSON (a whole plan).</summary>
    public async Task<string> ETagAsync(string path)
    {
        var response = await Http.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return response.Headers.ETag!.ToString();
    }

    public Task<HttpResponseMessage> PutAsync(string path, JsonObject body, string? ifMatch) =>
        SendAsync(HttpMethod.Put, path, JsonContent.Create(body), ifMatch);

    public Task<HttpResponseMessage> DeleteAsync(string path, string? ifMatch) => SendAsync(HttpMethod.Delete, path, null, ifMatch);

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, string? ifMatch)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return Http.SendAsync(request);
    }
}
