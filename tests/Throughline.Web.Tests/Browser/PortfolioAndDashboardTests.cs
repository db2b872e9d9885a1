using Microsoft.Playwright;

namespace Throughline.Web.Tests.Browser;

public sealed class PortfolioAndDashboardTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Fact]
    public async Task Signing_in_lists_the_demo_program_with_its_health_and_forecast()
    {
        var page = await server.SignedInPageAsync();

        var row = page.Locator("table.portfolio tbody tr").Filter(new() { HasText = "Skyline" });
        (await row.CountAsync()).ShouldBe(1);
        (await row.Locator(".rag").InnerTextAsync()).ShouldBeOneOf("Red", "Amber", "Green");
        (await row.InnerTextAsync()).ShouldContain("%");
        await BrowserServer.ScreenshotAsync(page, "portfolio");
    }

    [Fact]
    public async Task The_dashboard_shows_health_commitments_risks_and_decisions()
    {
        var page = await server.SignedInPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Skyline - NJ1 data centre to AWS" }).ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 }).WaitForAsync();
        foreach (var heading in new[] { "Health and why", "Committed milestones", "Top risks by exposure", "Decisions needed", "Blocked work", "Since the last baseline" })
        {
            (await page.GetByRole(AriaRole.Heading, new() { Name = heading }).CountAsync()).ShouldBe(1, heading);
        }

        (await page.Locator("section[aria-labelledby=h-commit] tbody tr").CountAsync()).ShouldBeGreaterThan(0);
        await BrowserServer.ScreenshotAsync(page, "dashboard-tpm");

        await page.GetByRole(AriaRole.Link, new() { Name = "Executive" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "When will it land?" }).WaitForAsync();
        await BrowserServer.ScreenshotAsync(page, "dashboard-executive");
        await page.GotoAsync(page.Url.Split('?')[0] + "?view=product");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Objectives and key results" }).WaitForAsync();
        await BrowserServer.ScreenshotAsync(page, "dashboard-product");
        await page.GotoAsync(page.Url.Split('?')[0] + "?view=engineering");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Team capacity" }).WaitForAsync();
        await BrowserServer.ScreenshotAsync(page, "dashboard-engineering");
    }

    [Fact]
    public async Task A_page_of_a_program_sends_a_visitor_without_a_session_to_sign_in_and_back()
    {
        var page = await server.NewPageAsync();

        await page.GotoAsync("/programs/skyline/risks");

        page.Url.ShouldContain("/signin?returnUrl=%2Fprograms%2Fskyline%2Frisks");
        await page.GetByLabel("User name").FillAsync("admin");
        await page.GetByLabel("Password").FillAsync(BrowserServer.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await BrowserServer.ArrivedAtAsync(page, "/programs/skyline/risks");
    }
}
