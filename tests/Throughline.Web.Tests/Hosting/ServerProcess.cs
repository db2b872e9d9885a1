using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Throughline.Web.Tests.Hosting;

/// <summary>
/// The server as an operator starts it: a separate <c>dotnet</c> process with no environment name set (so ASP.NET
/// Core's default, Production), on port 0 of the loopback address, with a SQLite database in a temp folder of its own.
/// The address is read from the "Now listening on" line the host prints. Disposing stops the process and its children.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    public const string AdminPassword = "admin-password-for-process-tests";

    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly TaskCompletionSource<string> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string dataFolder;

    private ServerProcess(Process process, string dataFolder)
    {
        this.process = process;
        this.dataFolder = dataFolder;
    }

    /// <summary>The configuration this test assembly was built in (Release under <c>./test.sh</c>), so that <c>--no-build</c> finds the server's build.</summary>
    public static string Configuration =>
        typeof(ServerProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    /// <summary>The address the server listens on, such as <c>http://127.0.0.1:41234</c>.</summary>
    public string Address { get; private set; } = "";

    /// <summary>Everything the process printed so far, for assertion messages.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Starts <c>dotnet ARGUMENTS -- --urls ... --no-demo</c> in <paramref name="workingDirectory"/> and waits until it listens.</summary>
    public static async Task<ServerProcess> StartAsync(string workingDirectory, IEnumerable<string> arguments)
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "throughline-process-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataFolder);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var argument in new[] { "--urls", "http://127.0.0.1:0", $"--Database:DataFolder={dataFolder}", "--no-demo" })
        {
            start.ArgumentList.Add(argument);
        }

        // The test runner's own environment name must not leak in: the point is the default an operator gets.
        foreach (var name in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ASPNETCORE_URLS", "ASPNETCORE_HOSTINGSTARTUPASSEMBLIES" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["THROUGHLINE_ADMIN_PASSWORD"] = AdminPassword;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        var server = new ServerProcess(new Process { StartInfo = start }, dataFolder);
        server.process.OutputDataReceived += (_, e) => server.Received(e.Data);
        server.process.ErrorDataReceived += (_, e) => server.Received(e.Data);
        server.process.Start();
        server.process.BeginOutputReadLine();
        server.process.BeginErrorReadLine();
        var exited = server.process.WaitForExitAsync(TestContext.Current.CancellationToken);
        var first = await Task.WhenAny(server.listening.Task, exited);
        if (first != server.listening.Task)
        {
            var printed = server.Output;
            await server.DisposeAsync();
            throw new InvalidOperationException("the server exited before it listened:\n" + printed);
        }

        server.Address = await server.listening.Task;
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        try
        {
            Directory.Delete(dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // The system cleans its temp folder.
        }
    }

    private void Received(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }

        if (ListeningLine().Match(line) is { Success: true } match)
        {
            listening.TrySetResult(match.Groups["address"].Value);
        }
    }

    [GeneratedRegex(@"Now listening on: (?<address>http://[^\s]+)")]
    private static partial Regex ListeningLine();
}
