using Microsoft.Playwright;

namespace Throughline.Web.Tests.Browser;

public sealed class EditingTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private static ILocator P80Of(IPage page, string commitment) =>
        page.Locator("section[aria-labelledby=h-commit] tbody tr").Filter(new() { HasText = commitment }).Locator("td").Nth(5);

    [Fact]
    public async Task Editing_a_work_item_changes_the_forecast_and_bad_input_shows_on_its_field()
    {
        var page = await server.SignedInPageAsync();
        await page.GotoAsync("/programs/skyline");
        var before = await P80Of(page, "Customer platform live in AWS").InnerTextAsync();

        await page.GotoAsync("/programs/skyline/edit/work-items/cut-w2-dress");
        await page.GetByLabel("Estimate").FillAsync("not a duration");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        (await page.Locator("#f-estimate-error").InnerTextAsync()).ShouldNotBeNullOrWhiteSpace();
        (await page.GetByLabel("Estimate").GetAttributeAsync("aria-invalid")).ShouldBe("true");
        await BrowserServer.ScreenshotAsync(page, "edit-invalid");

        await page.GetByLabel("Estimate").FillAsync("20d");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved" }).WaitForAsync();

        await page.GotoAsync("/programs/skyline");
        var after = await P80Of(page, "Customer platform live in AWS").InnerTextAsync();
        after.ShouldNotBe(before);
        await BrowserServer.ScreenshotAsync(page, "dashboard-after-edit");
    }

    [Fact]
    public async Task A_stale_edit_shows_who_changed_what_instead_of_overwriting()
    {
        var first = await server.SignedInPageAsync();
        var second = await server.SignedInPageAsync();
        await first.GotoAsync("/programs/skyline/edit/risks/r-dx-delay");
        await second.GotoAsync("/programs/skyline/edit/risks/r-dx-delay");

        await second.GetByLabel("Probability").FillAsync("75%");
        await second.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await second.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved" }).WaitForAsync();

        await first.GetByLabel("Trigger").FillAsync("Carrier misses the survey date");
        await first.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        var stale = await first.Locator("#stale").InnerTextAsync();
        stale.ShouldContain("admin");
        stale.ShouldContain("probability");
        stale.ShouldContain("75%");
        (await first.GetByLabel("Trigger").InputValueAsync()).ShouldBe("Carrier misses the survey date");
        await BrowserServer.ScreenshotAsync(first, "edit-stale");
    }

    [Fact]
    public async Task A_baseline_taken_on_the_dashboard_shows_as_bars_on_the_gantt_and_as_changes_on_the_dashboard()
    {
        var page = await server.SignedInPageAsync();
        await page.GotoAsync("/programs/skyline");
        await page.GetByLabel("Baseline name").FillAsync("review-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Take a baseline" }).ClickAsync();
        await BrowserServer.ArrivedAtAsync(page, "/programs/skyline?taken=review-1");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Baseline 'review-1' taken" })).ToBeVisibleAsync();
        await BrowserServer.ScreenshotAsync(page, "dashboard-baseline-taken");

        await page.GotoAsync("/programs/skyline/edit/work-items/cut-w2-rehearsal");
        await page.GetByLabel("Estimate").FillAsync("12d");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved" }).WaitForAsync();

        await page.GotoAsync("/programs/skyline");
        var changes = await page.Locator("section[aria-labelledby=h-changes]").InnerTextAsync();
        changes.ShouldContain("review-1");
        changes.ShouldContain("Customer platform live in AWS");
        await page.GotoAsync("/programs/skyline/gantt?zoom=months&collapse=");
        (await page.Locator(".gantt-pane svg rect.baseline").CountAsync()).ShouldBeGreaterThan(100);
        await BrowserServer.ScreenshotAsync(page, "gantt-baseline");
    }

    [Fact]
    public async Task A_dependency_is_created_in_a_form_and_deleted_again()
    {
        var page = await server.SignedInPageAsync();
        await page.GotoAsync("/programs/skyline/edit/dependencies");
        await page.GetByLabel("Predecessor (item id)").FillAsync("lz-org-design");
        await page.GetByLabel("Successor (item id)").FillAsync("lz-terraform-ci");
        await page.GetByLabel("Type").SelectOptionAsync("SS");
        await page.GetByLabel("Lag").FillAsync("1d");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved" }).WaitForAsync();
        var created = page.Url;

        await page.GotoAsync("/programs/skyline/items");
        (await page.Locator("section[aria-labelledby=h-deps] tbody tr").Filter(new() { HasText = "SS" }).Filter(new() { HasText = "Design account structure and OU hierarchy" }).CountAsync()).ShouldBe(1);

        await page.GotoAsync(created);
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete this dependency" }).ClickAsync();
        await BrowserServer.ArrivedAtAsync(page, "/programs/skyline/items");
        await Assertions.Expect(page.Locator("section[aria-labelledby=h-deps] tbody tr").First).ToBeVisibleAsync();
        (await page.Locator("section[aria-labelledby=h-deps] tbody tr").Filter(new() { HasText = "SS" }).Filter(new() { HasText = "Design account structure and OU hierarchy" }).CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Uploading_a_plan_file_creates_a_program_and_a_bad_one_lists_its_errors()
    {
        var page = await server.SignedInPageAsync();
        var folder = Path.Combine(Path.GetTempPath(), "throughline-browser-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var good = Path.Combine(folder, "small.tl.yaml");
        await File.WriteAllTextAsync(good, ThroughlineServer.SmallPlan("uploaded"), TestContext.Current.CancellationToken);
        var bad = Path.Combine(folder, "bad.tl.yaml");
        await File.WriteAllTextAsync(bad, "program:\n  id: bad\n  name: Bad\n  start: not-a-date\n", TestContext.Current.CancellationToken);

        await page.GotoAsync("/import");
        await page.GetByLabel("Plan file").SetInputFilesAsync(bad);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        (await page.Locator("#import-errors").InnerTextAsync()).ShouldContain("bad.tl.yaml:4");
        await BrowserServer.ScreenshotAsync(page, "import-errors");

        await page.GetByLabel("Plan file").SetInputFilesAsync(good);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await BrowserServer.ArrivedAtAsync(page, "/programs/uploaded");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToHaveCountAsync(1);
        await BrowserServer.ScreenshotAsync(page, "imported");

        // Microsoft Project XML, as Project saves it (written here from another small plan), imports the same way.
        var plan = Throughline.Interop.Plan.PlanReader.Read(ThroughlineServer.SmallPlan("from-project"), "from-project.tl.yaml").Program!;
        var xml = Path.Combine(folder, "from-project.xml");
        await File.WriteAllTextAsync(xml, Throughline.Interop.Mspdi.MspdiWriter.ToXml(plan).Xml, TestContext.Current.CancellationToken);
        await page.GotoAsync("/import");
        await page.GetByLabel("Plan file").SetInputFilesAsync(xml);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" }).WaitForAsync();
        page.Url.ShouldNotContain("/import");
        Directory.Delete(folder, recursive: true);
    }
}
