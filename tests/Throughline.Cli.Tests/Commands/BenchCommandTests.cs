using Throughline.Cli.Commands;
using Throughline.Interop.Psplib;
using Throughline.Scheduling.Leveling;
using Throughline.Testing;

namespace Throughline.Cli.Tests.Commands;

/// <summary>
/// The PSPLIB harness. Most tests hand it a stand-in solver, so they pin down the harness (verification, rows,
/// emitted schedules, summary, exit codes) whatever the real solver's quality; the last ones run the real solver.
/// </summary>
public sealed class BenchCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"tl-bench-{Guid.NewGuid():N}");

    public BenchCommandTests()
    {
        var instances = Directory.CreateDirectory(Path.Combine(_root, "set")).FullName;
        foreach (var name in new[] { "j301_1.sm", "j301_2.sm", "tiny.sm" })
        {
            File.Copy(Fixture(name), Path.Combine(instances, name));
        }

        Directory.CreateDirectory(Path.Combine(_root, "solutions"));
        File.Copy(Fixture("bounds.csv"), Path.Combine(_root, "solutions", "bounds.csv"));
    }

    private string Instances => Path.Combine(_root, "set");

    private string OutFile => Path.Combine(_root, "results.csv");

    private string EmitFolder => Path.Combine(_root, "schedules");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Writes_one_row_per_instance_in_psplib_order_with_deviation_from_the_optimum_for_j30_and_the_critical_path_otherwise()
    {
        var (code, output, _) = Run(BackToBack);

        code.ShouldBe(0);
        var rows = File.ReadAllLines(OutFile);
        rows[0].ShouldBe("instance,makespan,cpm_lb,best_known,deviation_pct,schedules,seconds");
        // Back to back, the makespan is the sum of durations: 158 for j301_1 (optimum 43), 11 for tiny (critical path 5).
        rows.Skip(1).Select(r => string.Join(',', r.Split(',')[..6])).ShouldBe([
            "j301_1,158,38,43,267.4419,1",
            "j301_2,160,42,47,240.4255,1",
            "tiny,11,5,7,120.0000,1",
        ]);
        output.ShouldContain("PSPLIB j30: 2 instances, 5,000 schedules per instance, seed 1, instances solved side by side, one thread each");
        output.ShouldContain("mean deviation from the optimum: 253.934 % (the literature's measure for j30)");
        output.ShouldContain("PSPLIB tiny: 1 instances");
        output.ShouldContain("mean deviation from the critical-path bound: 120.00 % (the literature's measure for j60, j90, j120)");
        output.ShouldContain("mean deviation from the optimum: 57.143 %");
        output.ShouldContain("at best known: 0 of 1");
        output.ShouldNotContain("FAILURES");
    }

    [Fact]
    public void Emits_each_schedule_with_psplib_job_numbers_and_integer_starts()
    {
        Run(BackToBack).ExitCode.ShouldBe(0);

        Directory.GetFiles(EmitFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ShouldBe(["j301_1.csv", "j301_2.csv", "tiny.csv"]);
        File.ReadAllText(Path.Combine(EmitFolder, "tiny.csv")).ShouldBe("job,start\n1,0\n2,0\n3,3\n4,5\n5,9\n6,11\n");
    }

    [Fact]
    public void Progress_goes_to_stderr_with_the_running_mean()
    {
        var error = Run(BackToBack).Error;

        error.ShouldContain("[1/3] j301_1: makespan 158 (optimum 43) 267.44% | mean 267.44%");
        error.ShouldContain("[3/3] tiny: makespan 11 (cpm 5) 120.00% | mean 209.29%");
    }

    [Fact]
    public void An_infeasible_schedule_is_reported_loudly_left_out_of_the_results_and_fails_the_run()
    {
        // Everything at time 0: precedences broken, and tiny's jobs 2 and 3 overload resource 1.
        var (code, output, error) = Run((instance, options) => instance.Name == "tiny" ? Result(instance, new int[instance.JobCount]) : BackToBack(instance, options));

        code.ShouldBe(BenchCommand.ScheduleFailures);
        error.ShouldContain("INFEASIBLE schedule for tiny (not counted)");
        error.ShouldContain("job 4 starts at 0 but must start at least 3 after job 1 (at 0)");
        File.ReadAllLines(OutFile).Select(r => r.Split(',')[0]).ShouldBe(["instance", "j301_1", "j301_2"]);
        File.Exists(Path.Combine(EmitFolder, "tiny.csv")).ShouldBeFalse();
        output.ShouldContain("FAILURES: 1 instance without a verified schedule");
        output.ShouldNotContain("PSPLIB tiny");
    }

    [Fact]
    public void A_reported_makespan_that_differs_from_the_schedule_fails_the_run()
    {
        var (code, _, error) = Run((instance, options) => BackToBack(instance, options) with { Makespan = 1 });

        code.ShouldBe(BenchCommand.ScheduleFailures);
        error.ShouldContain("FAILED tiny: the solver reports makespan 1 but its schedule ends at 11");
        File.ReadAllLines(OutFile).ShouldHaveSingleItem();
    }

    [Fact]
    public void A_solver_that_throws_fails_that_instance_and_the_others_still_run()
    {
        var (code, _, error) = Run((instance, options) => instance.Name == "j301_2" ? throw new InvalidOperationException("boom") : BackToBack(instance, options));

        code.ShouldBe(BenchCommand.ScheduleFailures);
        error.ShouldContain("FAILED j301_2: the solver threw InvalidOperationException: boom");
        File.ReadAllLines(OutFile).Select(r => r.Split(',')[0]).ShouldBe(["instance", "j301_1", "tiny"]);
    }

    [Fact]
    public void An_unreadable_instance_is_reported_at_file_line_col_and_the_others_still_run()
    {
        var bad = Path.Combine(Instances, "bad.sm");
        File.WriteAllText(bad, File.ReadAllText(Fixture("tiny.sm")).Replace("  2      1     3", "  2      1     x", StringComparison.Ordinal));

        var (code, _, error) = Run(BackToBack);

        code.ShouldBe(ExitCodes.InvalidInput);
        error.ShouldContain($"{bad}:30:16: error TL1501: expected a whole number for the duration, found \"x\"");
        File.ReadAllLines(OutFile).Length.ShouldBe(4);
    }

    [Fact]
    public void Limit_takes_the_first_instances_in_psplib_order()
    {
        File.Copy(Fixture("j301_2.sm"), Path.Combine(Instances, "j301_10.sm"));

        Run(BackToBack, limit: 3).ExitCode.ShouldBe(0);

        File.ReadAllLines(OutFile).Skip(1).Select(r => r.Split(',')[0]).ShouldBe(["j301_1", "j301_2", "j301_10"]);
    }

    [Fact]
    public void Without_a_bounds_table_deviations_are_from_the_critical_path_and_best_known_is_empty()
    {
        Directory.Delete(Path.Combine(_root, "solutions"), recursive: true);

        var (code, output, error) = Run(BackToBack);

        code.ShouldBe(0);
        error.ShouldContain("no bounds table");
        File.ReadAllLines(OutFile)[1].ShouldStartWith("j301_1,158,38,,315.7895,1,");
        output.ShouldContain("mean deviation from best known: no bounds table");
    }

    [Fact]
    public void The_budget_and_seed_reach_the_solver()
    {
        var seen = new List<RcpspSolverOptions>();

        Run((instance, options) => { seen.Add(options); return BackToBack(instance, options); }, limit: 1, configure: s => s with { TimeLimit = TimeSpan.FromSeconds(2), Seed = 7, Threads = 1 });

        seen.ShouldHaveSingleItem().ShouldBe(new RcpspSolverOptions { MaxSchedules = null, TimeLimit = TimeSpan.FromSeconds(2), Seed = 7, Threads = 1 });
    }

    [Fact]
    public void A_run_over_the_schedule_budget_is_stated_in_the_summary()
    {
        var output = Run((instance, options) => BackToBack(instance, options) with { SchedulesGenerated = options.MaxSchedules!.Value + 3 }).Output;

        output.ShouldContain("over the schedule budget: 2 instances (at most 5,003 schedules)");
        Run(BackToBack).Output.ShouldNotContain("over the schedule budget");
    }

    [Fact]
    public void A_missing_folder_is_an_io_error()
    {
        var (code, _, error) = TlRunner.Run("bench", "psplib", Path.Combine(_root, "nowhere"));

        code.ShouldBe(ExitCodes.IoError);
        error.ShouldContain("no folder");
    }

    [Fact]
    public void A_budget_that_is_not_positive_is_a_usage_error() =>
        TlRunner.Run("bench", "psplib", Instances, "--schedules", "0").ExitCode.ShouldBe(ExitCodes.Usage);

    // Needs the real solver (src/Throughline.Scheduling/Leveling): every schedule it emits is feasible by an
    // independent reading of the files, and the hand-made instance is solved to its optimum.
    [Fact]
    public void The_real_solver_gives_verified_schedules_through_the_command_line()
    {
        var (code, output, error) = TlRunner.Run("bench", "psplib", Instances, "--schedules", "1000", "--out", OutFile, "--emit", EmitFolder, "--threads", "1");

        code.ShouldBe(0, error);
        output.ShouldContain("PSPLIB j30: 2 instances");
        foreach (var name in new[] { "j301_1", "j301_2", "tiny" })
        {
            var instance = PsplibReader.ReadFile(Path.Combine(Instances, name + ".sm")).Instance.ShouldNotBeNull();
            var starts = File.ReadAllLines(Path.Combine(EmitFolder, name + ".csv")).Skip(1).Select(l => int.Parse(l.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            RcpspFeasibility.Violations(instance, starts).ShouldBeEmpty(name);
        }

        File.ReadAllLines(OutFile).ShouldContain(r => r.StartsWith("tiny,7,5,7,40.0000,", StringComparison.Ordinal));
    }

    private static string Fixture(string name) => Path.Combine(RepoPaths.Root, "tests", "Throughline.Interop.Tests", "Psplib", "Fixtures", name);

    [Fact]
    public void Every_k_th_instance_samples_the_set_in_psplib_order()
    {
        var (code, _, _) = Run(BackToBack, configure: s => s with { Every = 2 });

        code.ShouldBe(0);
        File.ReadAllLines(OutFile).Skip(1).Select(r => r.Split(',')[0]).ShouldBe(["j301_1", "tiny"]);
    }

    [Fact]
    public void With_a_schedule_budget_instances_run_side_by_side_on_one_thread_each()
    {
        var threads = new System.Collections.Concurrent.ConcurrentBag<int>();
        var (code, _, _) = Run((instance, options) =>
        {
            threads.Add(options.Threads);
            return BackToBack(instance, options);
        });

        code.ShouldBe(0);
        threads.ShouldAllBe(t => t == 1);
        File.ReadAllLines(OutFile).Skip(1).Select(r => r.Split(',')[0]).ShouldBe(["j301_1", "j301_2", "tiny"]);
    }

    private (int ExitCode, string Output, string Error) Run(
        Func<RcpspInstance, RcpspSolverOptions, RcpspResult> solve,
        int? limit = null,
        Func<PsplibBenchSettings, PsplibBenchSettings>? configure = null)
    {
        var settings = new PsplibBenchSettings(Instances) { OutFile = OutFile, EmitDirectory = EmitFolder, Limit = limit, Threads = 2 };
        settings = configure?.Invoke(settings) ?? settings;
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = BenchCommand.RunPsplib(settings, solve, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Every job after the previous one in file order: feasible (the numbering is topological), and far from good.</summary>
    private static RcpspResult BackToBack(RcpspInstance instance, RcpspSolverOptions options)
    {
        var starts = new int[instance.JobCount];
        for (var j = 1; j < instance.JobCount; j++)
        {
            starts[j] = starts[j - 1] + instance.Duration(j - 1);
        }

        return Result(instance, starts);
    }

    private static RcpspResult Result(RcpspInstance instance, int[] starts)
    {
        var earliest = new int[instance.JobCount];
        for (var j = 0; j < instance.JobCount; j++)
        {
            for (var k = instance.SuccessorStart[j]; k < instance.SuccessorStart[j + 1]; k++)
            {
                var s = instance.Successors[k];
                earliest[s] = Math.Max(earliest[s], earliest[j] + instance.SuccessorLags[k]);
            }
        }

        var criticalPath = Enumerable.Range(0, instance.JobCount).Max(j => earliest[j] + instance.Duration(j));
        var makespan = Enumerable.Range(0, instance.JobCount).Max(j => starts[j] + instance.Duration(j));
        return new RcpspResult(starts, makespan, criticalPath, criticalPath, 1, TimeSpan.Zero);
    }
}
