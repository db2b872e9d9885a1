using System.Diagnostics;
using System.Globalization;
using System.Text;
using Throughline.Interop.Psplib;
using Throughline.Scheduling.Leveling;

namespace Throughline.Cli.Commands;

/// <summary>What one <c>tl bench psplib</c> run does: where the instances are, the budget, and where results go.</summary>
/// <param name="Directory">The folder of <c>*.sm</c> files.</param>
internal sealed record PsplibBenchSettings(string Directory)
{
    /// <summary>Generated schedules per instance; with neither this nor <see cref="TimeLimit"/>, 5,000.</summary>
    public long? MaxSchedules { get; init; }

    public TimeSpan? TimeLimit { get; init; }

    public int Seed { get; init; } = 1;

    public int Threads { get; init; } = Environment.ProcessorCount;

    public string? OutFile { get; init; }

    public string? EmitDirectory { get; init; }

    /// <summary>Only the first K instances in PSPLIB order.</summary>
    public int? Limit { get; init; }

    /// <summary>Take every K-th instance in PSPLIB order (a sample across parameter classes); null for all.</summary>
    public int? Every { get; init; }

    /// <summary>The bounds table; null means <c>DIR/../solutions/bounds.csv</c> when it exists.</summary>
    public string? BoundsFile { get; init; }
}

internal static partial class BenchCommand
{
    /// <summary>
    /// Exit code when a schedule failed verification (or the solver threw): the run's figures are not to be trusted.
    /// </summary>
    internal const int ScheduleFailures = 4;

    /// <summary>How many violations of one infeasible schedule are printed before "and N more".</summary>
    private const int ViolationsShown = 5;

    /// <summary>One verified result: the CSV row plus what the summary needs.</summary>
    private sealed record Row(
        string Instance,
        string Set,
        int Makespan,
        int CriticalPath,
        PsplibBound? Bound,
        IReadOnlyList<int> Starts,
        bool ProvenOptimal,
        long Schedules,
        double Seconds)
    {
        /// <summary>
        /// The literature's measure (Kolisch and Hartmann): j30 against the optimum, the larger sets against the
        /// critical-path bound, because their optima are not all known.
        /// </summary>
        public bool AgainstBestKnown => Set == "j30" && Bound is not null;

        public double Deviation => AgainstBestKnown ? DeviationFromBest!.Value : DeviationFromCriticalPath;

        public double DeviationFromCriticalPath => Percent(Makespan, CriticalPath);

        public double? DeviationFromBest => Bound is null ? null : Percent(Makespan, Bound.BestKnown);

        public bool AtBestKnown => Bound is not null && Makespan <= Bound.BestKnown;

        private static double Percent(int value, int reference) => reference == 0 ? 0 : 100.0 * (value - reference) / reference;
    }

    /// <summary>
    /// Solves every instance in the folder with <paramref name="solve"/>, checks each schedule with
    /// <see cref="RcpspFeasibility"/> (an infeasible one is reported and not counted), writes the rows and schedules,
    /// prints progress on <paramref name="error"/> and the summary on <paramref name="output"/>.
    /// </summary>
    internal static int RunPsplib(PsplibBenchSettings settings, Func<RcpspInstance, RcpspSolverOptions, RcpspResult> solve, TextWriter output, TextWriter error)
    {
        if (!Directory.Exists(settings.Directory))
        {
            error.WriteLine($"tl bench psplib: no folder {settings.Directory}");
            return ExitCodes.IoError;
        }

        var files = Directory.GetFiles(settings.Directory, "*.sm").Order(NaturalOrder.Instance)
            .Where((_, i) => i % (settings.Every ?? 1) == 0).Take(settings.Limit ?? int.MaxValue).ToList();
        if (files.Count == 0)
        {
            error.WriteLine($"tl bench psplib: no PSPLIB files (*.sm) in {settings.Directory}");
            return ExitCodes.InvalidInput;
        }

        if (!ReadBounds(settings, error, out var bounds))
        {
            return ExitCodes.InvalidInput;
        }

        // With a schedule budget, both cores are used by solving instances side by side, one island each: splitting
        // one instance's budget between islands would weaken the search at a fixed schedule count. With a time
        // limit, each instance gets every core for its time.
        var parallelInstances = settings.TimeLimit is null ? Math.Max(1, settings.Threads) : 1;
        var options = new RcpspSolverOptions
        {
            MaxSchedules = settings.MaxSchedules ?? (settings.TimeLimit is null ? 5_000 : null),
            TimeLimit = settings.TimeLimit,
            Seed = settings.Seed,
            Threads = settings.TimeLimit is null ? 1 : settings.Threads,
        };
        if (settings.EmitDirectory is not null)
        {
            Directory.CreateDirectory(settings.EmitDirectory);
        }

        using var csv = settings.OutFile is null ? null : OpenCsv(settings.OutFile);
        var rows = new List<Row>();
        var (unreadable, failures) = (0, 0);
        for (var first = 0; first < files.Count; first += parallelInstances)
        {
            var batch = files.Skip(first).Take(parallelInstances).ToList();
            var outcomes = new (Row? Row, bool Unreadable, string Messages)[batch.Count];
            Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelInstances }, b =>
            {
                // Messages are collected per instance and printed in file order, so parallel runs read like serial ones.
                using var messages = new StringWriter(CultureInfo.InvariantCulture);
                var read = PsplibReader.ReadFile(batch[b]);
                foreach (var diagnostic in read.Diagnostics)
                {
                    messages.WriteLine(diagnostic.ToString());
                }

                if (read.Instance is not { } instance)
                {
                    outcomes[b] = (null, true, messages.ToString());
                    return;
                }

                bounds.TryGetValue(instance.Name, out var bound);
                outcomes[b] = (SolveAndVerify(instance, bound, options, solve, messages), false, messages.ToString());
            });

            for (var b = 0; b < batch.Count; b++)
            {
                var k = first + b;
                var (row, notRead, text) = outcomes[b];
                error.Write(text);
                if (notRead)
                {
                    unreadable++;
                    continue;
                }

                if (row is null)
                {
                    failures++;
                    continue;
                }

                rows.Add(row);
                csv?.WriteLine(Invariant($"{row.Instance},{row.Makespan},{row.CriticalPath},{row.Bound?.BestKnown.ToString(CultureInfo.InvariantCulture)},{row.Deviation:F4},{row.Schedules},{row.Seconds:F4}"));
                csv?.Flush();
                if (settings.EmitDirectory is not null)
                {
                    Emit(settings.EmitDirectory, row);
                }

                var reference = row.AgainstBestKnown ? (row.Bound!.Optimal ? "optimum" : "best known") + " " + row.Bound.BestKnown : "cpm " + row.CriticalPath;
                error.WriteLine(Invariant($"[{k + 1}/{files.Count}] {row.Instance}: makespan {row.Makespan} ({reference}) {row.Deviation:F2}% | mean {rows.Average(r => r.Deviation):F2}% | {row.Seconds:F2} s"));
            }
        }

        Summary(output, rows, options, unreadable, failures);
        return failures > 0 ? ScheduleFailures : unreadable > 0 ? ExitCodes.InvalidInput : ExitCodes.Success;
    }


    private static Row? SolveAndVerify(RcpspInstance instance, PsplibBound? bound, RcpspSolverOptions options, Func<RcpspInstance, RcpspSolverOptions, RcpspResult> solve, TextWriter error)
    {
        RcpspResult result;
        var clock = Stopwatch.StartNew();
        try
        {
            result = solve(instance, options);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A solver bug, not bad input: report it and go on, so one instance cannot hide the other results.
            error.WriteLine($"tl bench psplib: FAILED {instance.Name}: the solver threw {e.GetType().Name}: {e.Message}");
            return null;
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var violations = RcpspFeasibility.Violations(instance, result.Starts);
        if (violations.Count > 0)
        {
            error.WriteLine($"tl bench psplib: INFEASIBLE schedule for {instance.Name} (not counted), {violations.Count} violation{(violations.Count == 1 ? string.Empty : "s")}:");
            foreach (var violation in violations.Take(ViolationsShown))
            {
                error.WriteLine("  " + violation);
            }

            if (violations.Count > ViolationsShown)
            {
                error.WriteLine($"  ... and {violations.Count - ViolationsShown} more");
            }

            return null;
        }

        var makespan = RcpspFeasibility.Makespan(instance, result.Starts);
        if (makespan != result.Makespan)
        {
            error.WriteLine($"tl bench psplib: FAILED {instance.Name}: the solver reports makespan {result.Makespan} but its schedule ends at {makespan}");
            return null;
        }

        if (bound is { Optimal: true } && makespan < bound.LowerBound)
        {
            error.WriteLine($"tl bench psplib: FAILED {instance.Name}: makespan {makespan} is below the proven optimum {bound.LowerBound}; the checker or the data is wrong");
            return null;
        }

        if (bound is not null && makespan < bound.BestKnown)
        {
            error.WriteLine($"tl bench psplib: {instance.Name}: makespan {makespan} improves on the best known {bound.BestKnown}");
        }

        var criticalPath = bound?.CriticalPath ?? result.CriticalPathBound;
        if (bound is not null && result.CriticalPathBound != bound.CriticalPath)
        {
            error.WriteLine($"tl bench psplib: {instance.Name}: the solver's critical-path bound is {result.CriticalPathBound}, the table's {bound.CriticalPath}");
        }

        var set = bound?.Set ?? string.Create(CultureInfo.InvariantCulture, $"j{instance.JobCount - 2}");
        return new Row(instance.Name, set, makespan, criticalPath, bound, result.Starts, result.ProvenOptimal, result.SchedulesGenerated, seconds);
    }

    private static bool ReadBounds(PsplibBenchSettings settings, TextWriter error, out IReadOnlyDictionary<string, PsplibBound> bounds)
    {
        bounds = new Dictionary<string, PsplibBound>();
        var path = settings.BoundsFile ?? Path.Combine(settings.Directory, "..", "solutions", "bounds.csv");
        if (settings.BoundsFile is null && !File.Exists(path))
        {
            error.WriteLine($"tl bench psplib: no bounds table at {Path.GetFullPath(path)}; deviations are from the critical-path bound only");
            return true;
        }

        var read = PsplibBoundsReader.ReadFile(path);
        foreach (var diagnostic in read.Diagnostics)
        {
            error.WriteLine(diagnostic.ToString());
        }

        bounds = read.Bounds;
        return read.Succeeded;
    }

    private static StreamWriter OpenCsv(string path)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
        writer.WriteLine("instance,makespan,cpm_lb,best_known,deviation_pct,schedules,seconds");
        return writer;
    }

    /// <summary>The schedule as <c>job,start</c> with PSPLIB's 1-based job numbers, for bench/psplib/check_schedules.py.</summary>
    private static void Emit(string folder, Row row)
    {
        var text = new StringBuilder("job,start\n");
        for (var j = 0; j < row.Starts.Count; j++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{j + 1},{row.Starts[j]}\n");
        }

        File.WriteAllText(Path.Combine(folder, row.Instance + ".csv"), text.ToString());
    }

    private static void Summary(TextWriter output, List<Row> rows, RcpspSolverOptions options, int unreadable, int failures)
    {
        var budget = string.Join(" or ", new[]
        {
            options.MaxSchedules is { } n ? Invariant($"{n:N0} schedules") : null,
            options.TimeLimit is { } t ? Invariant($"{t.TotalSeconds:0.###} s") : null,
        }.OfType<string>());
        foreach (var set in rows.GroupBy(r => r.Set).OrderBy(g => g.Key, NaturalOrder.Instance))
        {
            var list = set.ToList();
            var withBound = list.Where(r => r.Bound is not null).ToList();
            output.WriteLine(Invariant($"PSPLIB {set.Key}: {list.Count} instances, {budget} per instance, seed {options.Seed}, {(options.TimeLimit is null ? "instances solved side by side, one thread each" : Invariant($"{options.Threads} thread{(options.Threads == 1 ? string.Empty : "s")} per instance"))}"));
            var fromCriticalPath = Invariant($"mean deviation from the critical-path bound: {list.Average(r => r.DeviationFromCriticalPath):F2} %");
            var fromBest = withBound.Count == 0
                ? "mean deviation from best known: no bounds table"
                : Invariant($"mean deviation from {(withBound.All(r => r.Bound!.Optimal) ? "the optimum" : "best known")}: {withBound.Average(r => r.DeviationFromBest!.Value):F3} %{(withBound.Count < list.Count ? Invariant($" ({withBound.Count} instances with a bound)") : string.Empty)}");
            var j30 = list.All(r => r.AgainstBestKnown);
            output.WriteLine($"  {(j30 ? fromBest : fromCriticalPath)} (the literature's measure for {(j30 ? "j30" : "j60, j90, j120")})");
            output.WriteLine($"  {(j30 ? fromCriticalPath : fromBest)}");
            if (withBound.Count > 0)
            {
                output.WriteLine(Invariant($"  at best known: {withBound.Count(r => r.AtBestKnown)} of {withBound.Count}"));
            }

            output.WriteLine(Invariant($"  proven optimal by the solver: {list.Count(r => r.ProvenOptimal)} of {list.Count}"));
            if (options.MaxSchedules is { } budgetCap && list.Where(r => r.Schedules > budgetCap).ToList() is { Count: > 0 } over)
            {
                // The literature compares methods at equal schedule counts, so an overrun is stated, not hidden.
                output.WriteLine(Invariant($"  over the schedule budget: {over.Count} instances (at most {over.Max(r => r.Schedules):N0} schedules)"));
            }

            var seconds = list.Sum(r => r.Seconds);
            var schedules = list.Sum(r => r.Schedules);
            var perMs = seconds > 0 ? schedules / (seconds * 1000) : 0;
            output.WriteLine(Invariant($"  time: {seconds:F1} s of solver time in total, {seconds / list.Count:F3} s per instance; {schedules:N0} schedules, {perMs:F1} per ms ({1 / Math.Max(perMs, 1e-9):F4} ms per schedule)"));
        }

        if (rows.Count == 0)
        {
            output.WriteLine("PSPLIB: no instance gave a verified schedule");
        }

        if (failures > 0 || unreadable > 0)
        {
            output.WriteLine($"FAILURES: {failures} instance{(failures == 1 ? string.Empty : "s")} without a verified schedule, {unreadable} unreadable (see the messages above)");
        }
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    /// <summary>PSPLIB order: runs of digits compare as numbers, so j301_2 comes before j301_10 and j309_1 before j3010_1.</summary>
    private sealed class NaturalOrder : IComparer<string>
    {
        public static readonly NaturalOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            if (x is null || y is null)
            {
                return x is null ? (y is null ? 0 : -1) : 1;
            }

            var (i, j) = (0, 0);
            while (i < x.Length && j < y.Length)
            {
                if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
                {
                    var (si, sj) = (i, j);
                    while (i < x.Length && char.IsAsciiDigit(x[i]))
                    {
                        i++;
                    }

                    while (j < y.Length && char.IsAsciiDigit(y[j]))
                    {
                        j++;
                    }

                    var a = x.AsSpan(si, i - si).TrimStart('0');
                    var b = y.AsSpan(sj, j - sj).TrimStart('0');
                    var byNumber = a.Length != b.Length ? a.Length.CompareTo(b.Length) : a.SequenceCompareTo(b);
                    if (byNumber != 0)
                    {
                        return byNumber;
                    }
                }
                else
                {
                    var byChar = x[i].CompareTo(y[j]);
                    if (byChar != 0)
                    {
                        return byChar;
                    }

                    i++;
                    j++;
                }
            }

            var byLength = (x.Length - i).CompareTo(y.Length - j);
            return byLength != 0 ? byLength : string.CompareOrdinal(x, y);
        }
    }
}
