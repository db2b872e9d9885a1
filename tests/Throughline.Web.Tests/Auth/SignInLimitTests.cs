using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Throughline.Storage.Rows;

namespace Throughline.Web.Tests.Auth;

/// <summary>Behind a TLS proxy, and against guessing (#14, finding 6).</summary>
public sealed class SignInLimitTests
{
    private const string Proxy = "10.9.8.7";

    [Fact]
    public async Task Behind_a_known_proxy_the_session_cookie_is_secure_and_an_unknown_peer_cannot_claim_https()
    {
        await using var database = await ServerDatabase.CreateAsync("sqlite");
        await using var server = new ThroughlineServer(database, configure: BehindProxy);

        var viaProxy = await LoginAsync(server, Proxy, "203.0.113.1", ThroughlineServer.AdminPassword, https: true);
        var direct = await LoginAsync(server, "198.51.100.4", "203.0.113.1", ThroughlineServer.AdminPassword, https: true);

        viaProxy.StatusCode.ShouldBe(HttpStatusCode.OK);
        SessionCookie(viaProxy).ShouldContain("secure", Case.Insensitive);
        direct.StatusCode.ShouldBe(HttpStatusCode.OK);
        SessionCookie(direct).ShouldNotContain("secure", Case.Insensitive);
    }

    [Theory]
    [MemberData(nameof(ServerDatabase.Providers), MemberType = typeof(ServerDatabase))]
    public async Task Failed_sign_ins_are_limited_per_client_address_across_instances_without_locking_out_other_clients(string provider)
    {
        await using var database = await ServerDatabase.CreateAsync(provider);
        await using var first = new ThroughlineServer(database, loginsPerAddressPerMinute: 3, configure: BehindProxy);
        await using var second = new ThroughlineServer(database, loginsPerAddressPerMinute: 3, configure: BehindProxy);
        const string attacker = "203.0.113.66";

        for (var i = 0; i < 3; i++)
        {
            (await LoginAsync(first, Proxy, attacker, "not-the-password", userName: $"guess{i}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var attackerOnSecond = await LoginAsync(second, Proxy, attacker, ThroughlineServer.AdminPassword);
        var someoneElse = await LoginAsync(second, Proxy, "203.0.113.7", ThroughlineServer.AdminPassword);

        attackerOnSecond.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        attackerOnSecond.Headers.RetryAfter.ShouldNotBeNull();
        someoneElse.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(ServerDatabase.Providers), MemberType = typeof(ServerDatabase))]
    public async Task Failed_sign_ins_are_limited_per_account_whatever_the_address(string provider)
    {
        await using var database = await ServerDatabase.CreateAsync(provider);
        await using var first = new ThroughlineServer(database, loginsPerMinute: 3, configure: BehindProxy);
        await using var second = new ThroughlineServer(database, loginsPerMinute: 3, configure: BehindProxy);

        for (var i = 0; i < 3; i++)
        {
            (await LoginAsync(i % 2 == 0 ? first : second, Proxy, $"203.0.113.{10 + i}", "not-the-password")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        (await LoginAsync(second, Proxy, "203.0.113.99", ThroughlineServer.AdminPassword)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Viewing_the_sign_in_page_is_not_a_sign_in_attempt()
    {
        await using var database = await ServerDatabase.CreateAsync("sqlite");
        await using var server = new ThroughlineServer(database, loginsPerMinute: 2, loginsPerAddressPerMinute: 2);
        var browser = server.Anonymous();

        for (var i = 0; i < 5; i++)
        {
            (await browser.Http.GetAsync("/signin", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var login = await browser.Http.PostAsJsonAsync("/api/account/login", new { userName = "admin", password = ThroughlineServer.AdminPassword }, TestContext.Current.CancellationToken);

        login.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unknown_or_disabled_user_costs_the_same_password_hash_as_a_known_one()
    {
        await using var database = await ServerDatabase.CreateAsync("sqlite");
        var hasher = new CountingHasher();
        await using var server = new ThroughlineServer(database, configure: b => b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<UserRow>>(hasher)));
        var admin = await server.AdminAsync();
        await server.CreateUserAsync("gone");
        (await admin.Http.PostAsync("/api/users/gone/disable", null, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var anonymous = server.Anonymous();

        async Task<int> VerificationsFor(string userName)
        {
            var before = hasher.Verifications;
            (await anonymous.Http.PostAsJsonAsync("/api/account/login", new { userName, password = "not-the-password" }, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            return hasher.Verifications - before;
        }

        (await VerificationsFor("admin")).ShouldBe(1);
        (await VerificationsFor("nobody-has-this-name")).ShouldBe(1);
        (await VerificationsFor("gone")).ShouldBe(1);
    }

    private static void BehindProxy(IWebHostBuilder builder)
    {
        builder.UseSetting("Proxy:KnownProxies:0", Proxy);
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new PeerFromHeader()));
    }

    private static async Task<HttpResponseMessage> LoginAsync(ThroughlineServer server, string peer, string client, string password, bool https = false, string userName = "admin")
    {
        var http = server.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/account/login") { Content = JsonContent.Create(new { userName, password }) };
        request.Headers.Add(PeerFromHeader.Header, peer);
        request.Headers.Add("X-Forwarded-For", client);
        if (https)
        {
            request.Headers.Add("X-Forwarded-Proto", "https");
        }

        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static string SessionCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("throughline=", StringComparison.Ordinal));

    /// <summary>The test server has no TCP peer; this gives each request the peer address a test names, before anything else runs.</summary>
    private sealed class PeerFromHeader : IStartupFilter
    {
        public const string Header = "X-Test-Peer";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers[Header].FirstOrDefault() ?? "192.0.2.1");
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    /// <summary>The real hasher, counting how often a password is checked.</summary>
    private sealed class CountingHasher : IPasswordHasher<UserRow>
    {
        private readonly PasswordHasher<UserRow> inner = new();
        private int verifications;

        public int Verifications => Volatile.Read(ref verifications);

        public string HashPassword(UserRow user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(UserRow user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
