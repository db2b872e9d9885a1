using System.Net;
using System.Text;

namespace Throughline.Web.Tests.Api;

/// <summary>Malformed JSON and query strings are the caller's 400 naming the field, never a 500 (#14, finding 8).</summary>
public sealed class MalformedInputTests
{
    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_malformed_body_is_a_400_naming_the_field(string provider, string body, string field)
    {
        await using var database = await ServerDatabase.CreateAsync(provider);
        await using var server = new ThroughlineServer(database);
        var owner = await server.CreateUserAsync();
        var program = await owner.CreateProgramAsync();

        var response = await owner.Http.PostAsync($"/api/programs/{program}/teams", new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        var problem = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, problem);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        problem.ShouldContain(field);
        (await owner.Http.GetAsync($"/api/programs/{program}/teams/qa", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    public static TheoryData<string, string, string> Bodies()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var provider in new[] { "sqlite", "postgres" })
        {
            data.Add(provider, """{ "id": "qa", "name": "Q\u0000A", "capacity": "40h" }""", "$.name");
            data.Add(provider, """{ "id": "qa", "name": 123, "capacity": "40h" }""", "$.name");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ServerDatabase.Providers), MemberType = typeof(ServerDatabase))]
    public async Task A_lone_surrogate_in_a_body_is_a_400(string provider)
    {
        await using var database = await ServerDatabase.CreateAsync(provider);
        await using var server = new ThroughlineServer(database);
        var owner = await server.CreateUserAsync();
        var program = await owner.CreateProgramAsync();

        var response = await owner.Http.PostAsync($"/api/programs/{program}/teams", new StringContent("""{ "id": "qa", "name": "Q\ud800A", "capacity": "40h" }""", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("/gantt?critical=true")]
    [InlineData("/gantt?critical=x&zoom=%00")]
    [InlineData("/capacity?leveled=yes")]
    [InlineData("/edit/teams/core?saved=x")]
    [InlineData("/risks?status=%ff&owner=&project=%ud800")]
    [InlineData("/impact?item=nothing&days=1e400")]
    public async Task A_malformed_query_string_on_a_page_is_not_a_500(string page)
    {
        await using var database = await ServerDatabase.CreateAsync("sqlite");
        await using var server = new ThroughlineServer(database);
        var owner = await server.AdminAsync();
        var program = await owner.CreateProgramAsync();

        var response = await owner.Http.GetAsync(new Uri($"/programs/{program}{page}", UriKind.Relative), TestContext.Current.CancellationToken);

        ((int)response.StatusCode).ShouldBeLessThan(500, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Sign_in_with_a_malformed_flag_is_not_a_500()
    {
        await using var database = await ServerDatabase.CreateAsync("sqlite");
        await using var server = new ThroughlineServer(database);

        var response = await server.Anonymous().Http.GetAsync(new Uri("/signin?signedOut=yes", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
