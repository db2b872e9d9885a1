using System.CommandLine;
using Throughline.Scheduling.Leveling;

namespace Throughline.Cli.Commands;

/// <summary>
/// <c>tl bench</c>: the engine measured on standard problem sets. <c>tl bench psplib DIR</c> runs the leveling solver
/// on every PSPLIB instance in a folder (the harness is in BenchCommand.Psplib.cs).
/// </summary>
internal static partial class BenchCommand
{
    public static Command Create() =>
        new("bench", "Measure the engine on standard benchmark sets")
        {
            PsplibCommand(),
        };

    private static Command PsplibCommand()
    {
        var directory = new Argument<DirectoryInfo>("dir") { Description = "A folder of PSPLIB single-mode files (*.sm), e.g. ../shared/data/psplib/j30" };
        var schedules = new Option<long?>("--schedules") { Description = "Budget per instance in generated schedules, the literature's unit (default 5000 unless --time-limit is given)" };
        var timeLimit = new Option<double?>("--time-limit") { Description = "Budget per instance in seconds of wall time (with --schedules, whichever comes first)" };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed and schedule budget give the same results", DefaultValueFactory = _ => 1 };
        var threads = new Option<int>("--threads") { Description = "Solver threads", DefaultValueFactory = _ => Environment.ProcessorCount };
        var output = new Option<FileInfo?>("--out") { Description = "Write one CSV row per instance: instance,makespan,cpm_lb,best_known,deviation_pct,schedules,seconds" };
        var emit = new Option<DirectoryInfo?>("--emit") { Description = "Write each schedule to DIR/<instance>.csv (job,start; PSPLIB job numbers) for an independent checker" };
        var limit = new Option<int?>("--limit") { Description = "Run only the first K instances (in PSPLIB order), for quick runs" };
        var every = new Option<int?>("--every") { Description = "Run every K-th instance (in PSPLIB order); --every 10 on j120 takes one instance of each parameter class" };
        var bounds = new Option<FileInfo?>("--bounds") { Description = "Best-known bounds table (default: DIR/../solutions/bounds.csv when it exists)" };
        var command = new Command("psplib", "Run the leveling solver on PSPLIB instances, verify every schedule and report the deviation the literature uses")
        {
            directory,
            schedules,
            timeLimit,
            seed,
            threads,
            output,
            emit,
            limit,
            every,
            bounds,
        };
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            var settings = new PsplibBenchSettings(parse.GetValue(directory)!.FullName)
            {
                MaxSchedules = parse.GetValue(schedules),
                TimeLimit = parse.GetValue(timeLimit) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                Seed = parse.GetValue(seed),
                Threads = parse.GetValue(threads),
                OutFile = parse.GetValue(output)?.FullName,
                EmitDirectory = parse.GetValue(emit)?.FullName,
                Limit = parse.GetValue(limit),
                Every = parse.GetValue(every),
                BoundsFile = parse.GetValue(bounds)?.FullName,
            };
            if (settings.MaxSchedules is < 1 || settings.TimeLimit is { } t && (t <= TimeSpan.Zero || double.IsNaN(t.TotalSeconds)) || settings.Threads < 1 || settings.Limit is < 1 || settings.Every is < 1)
            {
                error.WriteLine("tl bench psplib: --schedules, --time-limit, --threads, --limit and --every must be positive.");
                return ExitCodes.Usage;
            }

            if (parse.GetValue(output) is { } outPath && OutputFile.Check(outPath, "bench psplib", error) is null)
            {
                return ExitCodes.InvalidInput;
            }

            return RunPsplib(settings, RcpspSolver.Solve, parse.InvocationConfiguration.Output, error);
        });
        return command;
    }
}
