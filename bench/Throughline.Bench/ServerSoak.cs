using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Throughline.Bench;

/// <summary>
/// Drives real server processes (the built <c>Throughline.Web.dll</c>) on loopback, for #14's operator figures:
/// <list type="bullet">
/// <item><c>--server-soak</c>: writes at a steady rate with concurrent readers, sampling each server's RSS
/// (<c>/proc/PID/status</c> VmRSS) every 10 s; one node on SQLite, or several nodes on one PostgreSQL database.</item>
/// <item><c>--server-writers</c>: many concurrent writers at once; counts the answers by status and the latency.</item>
/// </list>
/// Usage: <c>--server-soak DLL CONNECTION [--nodes N] [--writes N] [--rate N] [--readers N] [--max-seconds N]</c>,
/// <c>--server-writers DLL CONNECTION [--writers N] [--each N]</c>. CONNECTION is a SQLite file path or an Npgsql
/// connection string (<c>Host=127.0.0.1;...</c>). The servers are stopped when the run ends, however it ends.
/// </summary>
public static class ServerSoak
{
    private const string Password = "bench-admin-password-0123";

    public static async Task RunAsync(string[] args)
    {
        var mode = args[0];
        var dll = Path.GetFullPath(args[1]);
        var connection = args[2];
        var options = Options(args[3..]);
        var postgres = connection.StartsWith("Host=", StringComparison.OrdinalIgnoreCase);
        var nodes = postgres ? Option(options, "nodes", 2) : 1;
        var servers = new List<ServerProcess>();
        try
        {
            for (var i = 0; i < nodes; i++)
            {
                servers.Add(await ServerProcess.StartAsync(dll, postgres ? connection : $"Data Source={Path.GetFullPath(connection)}"));
            }

            var clients = new List<HttpClient>();
            foreach (var server in servers)
            {
                clients.Add(await SignInAsync(server.Url));
            }

            var plan = await File.ReadAllTextAsync(Path.Combine(RepoRoot(), "examples", "cloud-migration.tl.yaml"));
            var key = "soak" + DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
            plan = ReplaceProgramId(plan, key);
            var imported = await clients[0].PostAsync("/api/programs/import", new StringContent(plan, Encoding.UTF8, "application/yaml"));
            if (imported.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"import: {imported.StatusCode} {await imported.Content.ReadAsStringAsync()}");
            }

            Console.WriteLine($"{nodes} node(s) on {(postgres ? "PostgreSQL" : "SQLite")}, program '{key}' (examples/cloud-migration.tl.yaml), {Environment.ProcessorCount} cores");
            if (mode == "--server-soak")
            {
                await SoakAsync(servers, clients, key, Option(options, "writes", 10_000), Option(options, "rate", 10), Option(options, "readers", 4), Option(options, "max-seconds", 1500));
            }
            else
            {
                await WritersAsync(clients, key, Option(options, "writers", 64), Option(options, "each", 8));
            }
        }
        finally
        {
            foreach (var server in servers)
            {
                server.Dispose();
            }
        }
    }

    private static async Task SoakAsync(List<ServerProcess> servers, List<HttpClient> clients, string key, int writes, int rate, int readers, int maxSeconds)
    {
        var risks = (await clients[0].GetFromJsonAsync<JsonArray>($"/api/programs/{key}/risks"))!.Select(r => r!["id"]!.ToString()).ToList();
        var statuses = new Dictionary<string, int>();
        var writeTimes = new List<double>();
        var readTimes = new List<double>();
        var clock = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(maxSeconds);
        using var stop = new CancellationTokenSource();
        var done = 0;

        void Count(string what, HttpStatusCode status)
        {
            lock (statuses)
            {
                var name = $"{what} {(int)status}";
                statuses[name] = statuses.GetValueOrDefault(name) + 1;
            }
        }

        var readerTasks = Enumerable.Range(0, readers).Select(r => Task.Run(async () =>
        {
            string[] paths = [$"/api/programs/{key}/overview", $"/api/programs/{key}/schedule", $"/api/programs/{key}/risks", $"/api/programs/{key}/forecast?iterations=500"];
            for (var i = r; !stop.IsCancellationRequested; i++)
            {
                var client = clients[i % clients.Count];
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(paths[i % paths.Length], stop.Token);
                    await response.Content.ReadAsByteArrayAsync(stop.Token);
                    Count("read", response.StatusCode);
                    lock (readTimes)
                    {
                        readTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                await Task.Delay(200, CancellationToken.None);
            }
        })).ToList();

        var sampler = Task.Run(async () =>
        {
            Console.WriteLine($"{"s",6} {"writes",7} " + string.Join(" ", servers.Select((_, i) => $"{"RSS MB n" + (i + 1),12}")));
            while (!stop.IsCancellationRequested)
            {
                Console.WriteLine(FormattableString.Invariant($"{clock.Elapsed.TotalSeconds,6:F0} {Volatile.Read(ref done),7} ") + string.Join(" ", servers.Select(s => FormattableString.Invariant($"{s.RssMegabytes(),12:F0}"))));
                try
                {
                    await Task.Delay(10_000, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        });

        var interval = TimeSpan.FromSeconds(1.0 / rate);
        for (var i = 0; i < writes && clock.Elapsed < deadline; i++)
        {
            var due = interval * i;
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            var client = clients[i % clients.Count];
            var path = $"/api/programs/{key}/risks/{risks[i % risks.Count]}";
            var started = Stopwatch.GetTimestamp();
            using var read = await client.GetAsync(path);
            var body = (await read.Content.ReadFromJsonAsync<JsonObject>())!;
            body["mitigation"] = $"soak write {i}";
            using var put = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) };
            put.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag!.ToString());
            using var response = await client.SendAsync(put);
            writeTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            Count("write", response.StatusCode);
            Interlocked.Increment(ref done);
        }

        await stop.CancelAsync();
        await Task.WhenAll([.. readerTasks, sampler]);
        Console.WriteLine(FormattableString.Invariant($"{clock.Elapsed.TotalSeconds,6:F0} {done,7} ") + string.Join(" ", servers.Select(s => FormattableString.Invariant($"{s.RssMegabytes(),12:F0}"))));
        Console.WriteLine(FormattableString.Invariant($"writes {done} in {clock.Elapsed.TotalSeconds:F0} s; write (GET+PUT) p50 {Percentile(writeTimes, 0.5):F0} ms, p99 {Percentile(writeTimes, 0.99):F0} ms; reads {readTimes.Count}, p50 {Percentile(readTimes, 0.5):F0} ms, p99 {Percentile(readTimes, 0.99):F0} ms"));
        Console.WriteLine("answers: " + string.Join(", ", statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}: {s.Value}")));
        foreach (var (server, i) in servers.Select((s, i) => (s, i)))
        {
            Console.WriteLine(FormattableString.Invariant($"node {i + 1}: RSS peak {server.PeakRss / 1e6:F0} MB"));
        }
    }

    private static async Task WritersAsync(List<HttpClient> clients, string key, int writers, int each)
    {
        var statuses = new Dictionary<int, int>();
        var times = new List<double>();
        using var start = new SemaphoreSlim(0);
        var clock = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            await start.WaitAsync();
            for (var i = 0; i < each; i++)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await clients[w % clients.Count].PostAsJsonAsync(
                    $"/api/programs/{key}/risks",
                    new { id = $"w-{w}-{i}", title = $"Writer {w} risk {i}", probability = "10%", impact = "1d" });
                lock (times)
                {
                    times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
                }
            }
        })).ToList();
        start.Release(writers);
        await Task.WhenAll(tasks);
        Console.WriteLine(FormattableString.Invariant($"{writers} writers x {each} writes: {times.Count} in {clock.Elapsed.TotalSeconds:F1} s; p50 {Percentile(times, 0.5):F0} ms, p99 {Percentile(times, 0.99):F0} ms, max {times.Max():F0} ms"));
        Console.WriteLine("answers: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")) + $"; 500s: {statuses.GetValueOrDefault(500)}");
    }

    private static async Task<HttpClient> SignInAsync(Uri url)
    {
        using var session = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = url };
        (await session.PostAsJsonAsync("/api/account/login", new { userName = "admin", password = Password })).EnsureSuccessStatusCode();
        var antiforgery = (await session.GetFromJsonAsync<JsonObject>("/api/account/antiforgery"))!;
        session.DefaultRequestHeaders.Add(antiforgery["headerName"]?.ToString() ?? "X-XSRF-TOKEN", antiforgery["token"]!.ToString());
        var token = await session.PostAsJsonAsync("/api/account/tokens", new { name = "bench" });
        token.EnsureSuccessStatusCode();
        var secret = (await token.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.ToString();
        var client = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private static string ReplaceProgramId(string plan, string key)
    {
        var lines = plan.Split('\n');
        var index = Array.FindIndex(lines, l => l.TrimStart().StartsWith("id:", StringComparison.Ordinal));
        lines[index] = lines[index][..lines[index].IndexOf("id:", StringComparison.Ordinal)] + "id: " + key;
        return string.Join('\n', lines);
    }

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    private static Dictionary<string, int> Options(string[] args)
    {
        var options = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
        }

        return options;
    }

    private static int Option(Dictionary<string, int> options, string name, int fallback) => options.GetValueOrDefault(name, fallback);

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Throughline.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("run from inside the repository");
    }

    /// <summary>One server process on a free loopback port, stopped on dispose.</summary>
    private sealed class ServerProcess : IDisposable
    {
        private readonly Process process;

        private ServerProcess(Process process, Uri url)
        {
            this.process = process;
            Url = url;
        }

        public Uri Url { get; }

        public long PeakRss { get; private set; }

        public static async Task<ServerProcess> StartAsync(string dll, string connectionString)
        {
            int port;
            using (var listener = new TcpListener(IPAddress.Loopback, 0))
            {
                listener.Start();
                port = ((IPEndPoint)listener.LocalEndpoint).Port;
            }

            var url = new Uri($"http://127.0.0.1:{port}");
            var start = new ProcessStartInfo("dotnet", [dll, "--urls", url.ToString(), "--no-demo"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = Path.GetDirectoryName(dll)!,
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["ConnectionStrings__Throughline"] = connectionString;
            start.Environment["THROUGHLINE_ADMIN_PASSWORD"] = Password;
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            start.Environment["RateLimits__LoginPerMinute"] = "1000";
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    Console.Error.WriteLine($"[server {port}] {e.Data}");
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var server = new ServerProcess(process, url);
            using var probe = new HttpClient { BaseAddress = url };
            for (var i = 0; i < 600; i++)
            {
                try
                {
                    if ((await probe.GetAsync("/readyz")).IsSuccessStatusCode)
                    {
                        return server;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                if (process.HasExited)
                {
                    break;
                }

                await Task.Delay(200);
            }

            server.Dispose();
            throw new InvalidOperationException($"the server on port {port} did not become ready");
        }

        public double RssMegabytes()
        {
            try
            {
                var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
                var bytes = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
                PeakRss = Math.Max(PeakRss, bytes);
                return bytes / 1e6;
            }
            catch (IOException)
            {
                return double.NaN;
            }
        }

        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }

            process.Dispose();
        }
    }
}
