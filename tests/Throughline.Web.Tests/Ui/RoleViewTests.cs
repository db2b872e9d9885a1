using System.Net.Http.Json;

namespace Throughline.Web.Tests.Ui;

public sealed class RoleViewTests
{
    [Theory]
    [InlineData("product-manager", "Objectives and key results")]
    [InlineData("engineering-manager", "Team capacity")]
    [InlineData("executive", "When will it land?")]
    [InlineData("tpm", "Blocked work")]
    [InlineData("engineer", "Blocked work")]
    public async Task The_dashboard_opens_on_the_view_of_the_members_role(string role, string heading)
    {
        await using var database = await ServerDatabase.CreateAsync("sqlite");
        await using var server = new ThroughlineServer(database);
        var owner = await server.AdminAsync();
        var program = await owner.CreateProgramAsync();
        var member = await server.CreateUserAsync();
        (await owner.Http.PutAsJsonAsync($"/api/programs/{program}/members/{member.UserName}", new { permission = "viewer", role }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        var session = await server.SignInAsync(member.UserName, ThroughlineServer.UserPassword);

        var page = await session.Http.GetStringAsync($"/programs/{program}", TestContext.Current.CancellationToken);

        page.ShouldContain($">{heading}</h2>");
        page.ShouldContain("(your role)</a>");
    }
}
