using Microsoft.Playwright;

namespace Throughline.Web.Tests.Browser;

public sealed class ProgramPagesTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Fact]
    public async Task Pages_are_styled_in_production()
    {
        var page = await server.SignedInPageAsync();
        await page.GotoAsync("/programs/skyline");

        // The header's dark band comes from app.css only; an unstyled page leaves it transparent (#14, finding 1).
        (await page.Locator("header.top").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor")).ShouldBe("rgb(31, 45, 69)");
    }

    [Fact]
    public async Task The_gantt_highlights_the_critical_path_and_zooms_and_folds()
    {
        var page = await server.SignedInPageAsync();
        await page.GotoAsync("/programs/skyline/gantt");

        var svg = page.Locator(".gantt-pane svg");
        (await svg.Locator("rect[fill='#c62828']").CountAsync()).ShouldBeGreaterThan(0);
        (await svg.Locator("text", new() { HasTextString = "today Mar 15" }).CountAsync()).ShouldBe(1);
        var weeksWidth = double.Parse((await svg.GetAttributeAsync("width"))!, System.Globalization.CultureInfo.InvariantCulture);
        await BrowserServer.ScreenshotAsync(page, "gantt-weeks");

        await page.GetByRole(AriaRole.Link, new() { Name = "Quarters", Exact = true }).ClickAsync();
        var quartersWidth = double.Parse((await page.Locator(".gantt-pane svg").GetAttributeAsync("width"))!, System.Globalization.CultureInfo.InvariantCulture);
        quartersWidth.ShouldBeLessThan(weeksWidth);

        var rows = await page.Locator(".gantt-pane svg a").CountAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Collapse all" }).ClickAsync();
        (await page.Locator(".gantt-pane svg a").CountAsync()).ShouldBeLessThan(rows);
        await page.Locator(".gantt-pane svg a[aria-label^='Expand']").First.ClickAsync();
        (await page.Locator(".gantt-pane svg a[aria-label^='Collapse']").CountAsync()).ShouldBeGreaterThan(0);
        (await Accessibility.ProblemsAsync(page)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_slip_shows_the_affected_items_broken_commitments_and_people_to_tell()
    {
        var page = await server.SignedInPageAsync();
        await page.GotoAsync("/programs/skyline/impact");

        // The billing cutover has 17 working days of buffer to the first invoice run (2027-09-08 against 2027-10-01):
        // a 20-day slip breaks that commitment. (The wave 2 cutover already misses its date since the overdue database
        // decision gates it, so slipping its work breaks nothing new.)
        await page.GetByLabel("Work item").SelectOptionAsync("bill-cutover");
        await page.GetByLabel("Slip (working days)").FillAsync("20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the impact" }).ClickAsync();

        var broken = page.Locator("section[aria-labelledby=h-broken]");
        (await broken.InnerTextAsync()).ShouldContain("First invoice run from AWS");
        (await page.Locator("section[aria-labelledby=h-items] tbody tr").CountAsync()).ShouldBeGreaterThan(0);
        (await page.Locator("section[aria-labelledby=h-tell] li strong").CountAsync()).ShouldBeGreaterThan(0);
        await BrowserServer.ScreenshotAsync(page, "impact");
        (await Accessibility.ProblemsAsync(page)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Risks_decisions_and_capacity_render_their_registers_and_tables()
    {
        var page = await server.SignedInPageAsync();

        await page.GotoAsync("/programs/skyline/risks");
        (await page.Locator("svg.heat-map circle").CountAsync()).ShouldBeGreaterThan(0);
        await page.Locator("section[aria-labelledby=h-rank] tbody a").First.ClickAsync();
        (await page.GetByRole(AriaRole.Heading, new() { Name = "Work it threatens" }).CountAsync()).ShouldBe(1);
        await BrowserServer.ScreenshotAsync(page, "risks");
        (await Accessibility.ProblemsAsync(page)).ShouldBeEmpty();

        await page.GotoAsync("/programs/skyline/decisions");
        (await page.Locator("section[aria-labelledby=h-open] tbody tr").CountAsync()).ShouldBeGreaterThan(0);
        await BrowserServer.ScreenshotAsync(page, "decisions");
        (await Accessibility.ProblemsAsync(page)).ShouldBeEmpty();

        await page.GotoAsync("/programs/skyline/capacity");
        (await page.Locator("table.load tbody tr").CountAsync()).ShouldBeGreaterThan(0);
        await BrowserServer.ScreenshotAsync(page, "capacity");
        (await Accessibility.ProblemsAsync(page)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_page_has_labelled_inputs_ordered_headings_and_keyboard_actions()
    {
        var page = await server.SignedInPageAsync();
        string[] paths = ["/", "/programs/skyline", "/programs/skyline?view=executive", "/programs/skyline?view=product", "/programs/skyline?view=engineering", "/programs/skyline/items", "/programs/skyline/edit/work-items/cut-w2-dress", "/programs/skyline/edit/risks", "/programs/skyline/import", "/account/password"];
        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            (await Accessibility.ProblemsAsync(page)).ShouldBeEmpty(path);
        }

        var anonymous = await server.NewPageAsync();
        await anonymous.GotoAsync("/signin");
        (await Accessibility.ProblemsAsync(anonymous)).ShouldBeEmpty("/signin");
    }
}
