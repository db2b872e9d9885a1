using System.Diagnostics;
using System.Globalization;
using Throughline.Bench;
using Throughline.Scheduling;

// Usage: dotnet run -c Release --project bench/Throughline.Bench -- [sizes...] [--runs N]
//        dotnet run -c Release --project bench/Throughline.Bench -- --tjp N path.tjp
//        dotnet run -c Release --project bench/Throughline.Bench -- --forecast [tasks] [iterations] [options]   (ForecastBench.cs)
//        dotnet run -c Release --project bench/Throughline.Bench -- --server-soak|--server-writers DLL DB [options]   (ServerSoak.cs; bench/server-soak.sh)
//        dotnet run -c Release --project bench/Throughline.Bench -- --capacity-forecast (FILE | --generated ITEMS PEOPLE) [options]   (CapacityForecastBench.cs)
if (args.Length >= 3 && args[0] is "--server-soak" or "--server-writers")
{
    await ServerSoak.RunAsync(args);
    return;
}

if (args.Length > 0 && args[0] == "--capacity-forecast")
{
    CapacityForecastBench.Run(args[1..]);
    return;
}

if (args.Length > 0 && args[0] == "--forecast")
{
    ForecastBench.Run(args[1..]);
    return;
}

if (args.Length == 3 && args[0] == "--tjp")
{
    TaskJugglerExport.Write(int.Parse(args[1], CultureInfo.InvariantCulture), args[2]);
    return;
}

var runs = 7;
var sizes = new List<int>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--runs")
    {
        runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
    }
    else
    {
        sizes.Add(int.Parse(args[i], CultureInfo.InvariantCulture));
    }
}

if (sizes.Count == 0)
{
    sizes.AddRange([10_000, 100_000, 1_000_000]);
}

Console.WriteLine(FormattableString.Invariant($"{"tasks",10} {"links",10} {"build ms",9} {"schedule ms (median)",21} {"min",7} {"max",7} {"forward ms",11} {"alloc/schedule MB",18} {"peak WS MB",11}"));
foreach (var size in sizes)
{
    var buildClock = Stopwatch.StartNew();
    var (network, links) = NetworkGenerator.Layered(size);
    buildClock.Stop();

    var times = new List<double>();
    var forwardTimes = new List<double>();
    long allocated = 0;
    var finish = 0L;
    var buffers = new ForwardBuffers(network);
    var durations = Enumerable.Range(0, network.TaskCount).Select(network.DurationOf).ToArray();
    for (var run = 0; run < runs + 1; run++)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var result = CriticalPath.Schedule(network);
        clock.Stop();
        allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        finish = result.ProjectFinishInstant;

        var forwardClock = Stopwatch.StartNew();
        CriticalPath.ForwardPass(network, durations, buffers);
        forwardClock.Stop();

        // The first run warms up the JIT and is not counted.
        if (run > 0)
        {
            times.Add(clock.Elapsed.TotalMilliseconds);
            forwardTimes.Add(forwardClock.Elapsed.TotalMilliseconds);
        }
    }

    times.Sort();
    forwardTimes.Sort();
    var peak = Process.GetCurrentProcess().PeakWorkingSet64;
    Console.WriteLine(FormattableString.Invariant($"{size,10} {links,10} {buildClock.Elapsed.TotalMilliseconds,9:F0} {times[times.Count / 2],21:F1} {times[0],7:F1} {times[^1],7:F1} {forwardTimes[forwardTimes.Count / 2],11:F1} {allocated / 1e6,18:F1} {peak / 1e6,11:F0}"));
    Console.WriteLine(FormattableString.Invariant($"           project finish {NetworkGenerator.Calendar().DateOf(finish):yyyy-MM-dd HH:mm}"));
}
