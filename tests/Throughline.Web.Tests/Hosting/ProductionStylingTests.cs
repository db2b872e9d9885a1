using System.Net;
using System.Text.RegularExpressions;
using Throughline.Testing;

namespace Throughline.Web.Tests.Hosting;

/// <summary>
/// The server started the way the README says (<c>dotnet run --project src/Throughline.Web</c>, so Production) and
/// from <c>dotnet publish</c> output serves its stylesheet to a browser: a browser always sends
/// <c>Accept-Encoding: gzip, br</c>, and Production once answered that with an empty 200 (#14, finding 1).
/// </summary>
public sealed partial class ProductionStylingTests
{
    [Fact]
    public async Task The_readme_run_command_serves_the_stylesheet_to_a_browser()
    {
        await using var server = await ServerProcess.StartAsync(
            RepoPaths.Root,
            ["run", "--project", "src/Throughline.Web", "--no-build", "--no-launch-profile", "-c", ServerProcess.Configuration, "--"]);

        await ShouldServeTheStylesheetAsync(server);
    }

    [Fact]
    public async Task Published_output_serves_the_stylesheet_to_a_browser()
    {
        var output = Path.Combine(Path.GetTempPath(), "throughline-publish-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var publish = await RunAsync(RepoPaths.Root, "publish", "src/Throughline.Web", "--no-build", "-c", ServerProcess.Configuration, "-o", output);
            publish.ExitCode.ShouldBe(0, publish.Output);
            await using var server = await ServerProcess.StartAsync(output, ["Throughline.Web.dll"]);

            await ShouldServeTheStylesheetAsync(server);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    /// <summary>The sign-in page's stylesheet link, fetched as a browser does, decodes to the source <c>app.css</c>.</summary>
    private static async Task ShouldServeTheStylesheetAsync(ServerProcess server)
    {
        using var browserLike = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.All })
        {
            BaseAddress = new Uri(server.Address),
        };
        var page = await browserLike.GetStringAsync(new Uri("/signin", UriKind.Relative), TestContext.Current.CancellationToken);
        var href = StylesheetLink().Match(page) is { Success: true } link ? link.Groups["href"].Value : throw new ShouldAssertException("no stylesheet link in:\n" + page);

        foreach (var path in new[] { href, "app.css" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, br");
            using var response = await browserLike.SendAsync(request, TestContext.Current.CancellationToken);
            var css = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

            response.StatusCode.ShouldBe(HttpStatusCode.OK, server.Output);
            response.Content.Headers.ContentType?.MediaType.ShouldBe("text/css");
            css.ShouldBe(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "src", "Throughline.Web", "wwwroot", "app.css"), TestContext.Current.CancellationToken), $"{path} as a browser gets it");
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex("""<link rel="stylesheet" href="(?<href>[^"]+)"\s*/?>""")]
    private static partial Regex StylesheetLink();
}
