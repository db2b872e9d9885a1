using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Throughline.Web.Tests.Browser;

/// <summary>
/// The real server on a real port (Kestrel on port 0, so tests run side by side) with its own SQLite file and the demo
/// program loaded, and one headless Chromium (Debian's <c>/usr/bin/chromium</c>) shared by a test class. Tests skip
/// with a message when Chromium is not installed (<c>./test.sh</c> installs the <c>chromium</c> package).
/// </summary>
public sealed class BrowserServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";
    public const string AdminPassword = "admin-password-for-browser-tests";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "throughline-browser-tests", Guid.NewGuid().ToString("N"));
    private IPlaywright? playwright;

    public IBrowser? Browser { get; private set; }

    /// <summary>The address the server listens on, such as <c>http://127.0.0.1:41234</c>.</summary>
    public string Address { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        // Auto-waiting assertions get the same room as page actions on the shared two-core runner.
        Assertions.SetDefaultExpectTimeout(60_000);
        UseKestrel(0);
        StartServer();
        Address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
    }

    /// <summary>A fresh browser context (its own cookies) with a page, signed in as the administrator; skips the test when Chromium is absent.</summary>
    public async Task<IPage> SignedInPageAsync()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(Address + "/signin");
        await page.GetByLabel("User name").FillAsync("admin");
        await page.GetByLabel("Password").FillAsync(AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await ArrivedAtAsync(page, "/");
        return page;
    }

    /// <summary>
    /// Waits until the page's address ends with <paramref name="path"/> (after a click that submits a form and is
    /// redirected), by polling the address only. <c>WaitForURLAsync</c> is not used: when the redirect has already
    /// landed it waits for a load event instead, and under the full parallel run on two cores that event was missed
    /// and the wait ran out its 60 s (CI, stop 11). Tests that then read the page use auto-waiting locators.
    /// </summary>
    public static async Task ArrivedAtAsync(IPage page, string path)
    {
        ArgumentNullException.ThrowIfNull(page);
        var address = new System.Text.RegularExpressions.Regex("^https?://[^/]+" + System.Text.RegularExpressions.Regex.Escape(path) + "$");
        await Assertions.Expect(page).ToHaveURLAsync(address);
    }

    public async Task<IPage> NewPageAsync()
    {
        if (Browser is null)
        {
            Assert.Skip($"{Chromium} is not installed: the browser tests are skipped (apt-get install chromium; ./test.sh installs it)");
        }

        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Address, ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        // The machine running the suite has two cores shared by every test class; give pages room before timing out.
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>Saves a full-page screenshot as <c>screenshots/NAME.png</c> under the test output directory.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Production settings, as `dotnet run` and a deployment use (WebApplicationFactory defaults to Development,
        // which once hid an unstyled Production app: #14).
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Throughline", $"Data Source={Path.Combine(folder, "server.db")}");
        builder.UseSetting("Database:Provider", "sqlite");
        builder.UseSetting("THROUGHLINE_ADMIN_PASSWORD", AdminPassword);
        builder.UseSetting("Demo:Load", "true");
        builder.UseSetting("RateLimits:LoginPerMinute", "10000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Not there (Chromium absent), or a connection still closing: the system cleans its temp folder.
        }
    }
}
