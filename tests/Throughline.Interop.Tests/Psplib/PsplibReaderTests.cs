using Throughline.Domain.Diagnostics;
using Throughline.Interop.Psplib;
using Throughline.Scheduling.Leveling;
using Throughline.Testing;

namespace Throughline.Interop.Tests.Psplib;

public sealed class PsplibReaderTests
{
    [Fact]
    public void Reads_jobs_durations_demands_capacities_and_links_with_job_k_at_index_k_minus_1()
    {
        var result = PsplibReader.ReadFile(PsplibFixtures.Path("tiny.sm"));

        result.Diagnostics.ShouldBeEmpty();
        var instance = result.Instance.ShouldNotBeNull();
        instance.Name.ShouldBe("tiny");
        instance.JobCount.ShouldBe(6);
        instance.ResourceCount.ShouldBe(2);
        instance.Durations.ToArray().ShouldBe([0, 3, 2, 4, 2, 0]);
        Enumerable.Range(0, 2).Select(instance.Capacity).ShouldBe([3, 2]);
        instance.Demands.ToArray().ShouldBe([0, 0, 2, 0, 2, 1, 1, 1, 0, 2, 0, 0]);
        Links(instance).ShouldBe([(0, 1, 0), (0, 2, 0), (0, 3, 0), (1, 4, 3), (2, 5, 2), (3, 5, 4), (4, 5, 2)]);
        result.StatedCriticalPath.ShouldBe(5);
    }

    [Fact]
    public void A_finish_to_start_arc_becomes_a_start_to_start_lag_of_the_predecessors_duration()
    {
        var instance = PsplibReader.ReadFile(PsplibFixtures.Path("j301_1.sm")).Instance.ShouldNotBeNull();

        instance.JobCount.ShouldBe(32);
        Enumerable.Range(0, 4).Select(instance.Capacity).ShouldBe([12, 13, 4, 12]);
        instance.Duration(1).ShouldBe(8);
        instance.Demand(1, 0).ShouldBe(4);
        instance.Demand(25, 2).ShouldBe(4);
        // PSPLIB job 2 (duration 8) precedes jobs 6, 11 and 15.
        Links(instance).Where(l => l.Predecessor == 1).ShouldBe([(1, 5, 8), (1, 10, 8), (1, 14, 8)]);
        CriticalPath(instance).ShouldBe(38);
    }

    [Theory]
    [InlineData("j30", 480, 32)]
    [InlineData("j60", 480, 62)]
    [InlineData("j90", 480, 92)]
    [InlineData("j120", 600, 122)]
    public void Every_shared_instance_reads_with_its_critical_path_matching_the_file_and_the_bounds_table(string set, int files, int jobs)
    {
        var folder = RepoPaths.RequireShared("psplib/" + set);
        var bounds = PsplibBoundsReader.ReadFile(RepoPaths.RequireShared("psplib/solutions/bounds.csv")).Bounds;
        var paths = Directory.GetFiles(folder, "*.sm");

        paths.Length.ShouldBe(files);
        foreach (var path in paths)
        {
            var result = PsplibReader.ReadFile(path);
            result.Diagnostics.ShouldBeEmpty(path);
            var instance = result.Instance.ShouldNotBeNull();
            instance.JobCount.ShouldBe(jobs, path);
            instance.ResourceCount.ShouldBe(4, path);
            CriticalPath(instance).ShouldBe(result.StatedCriticalPath!.Value, path);
            CriticalPath(instance).ShouldBe(bounds[instance.Name].CriticalPath, path);
            // Jobs one after another in file order: feasible because the numbering is topological and no job needs
            // more than a capacity, so this checks the demands and capacities were read into the right slots.
            RcpspFeasibility.Violations(instance, BackToBack(instance)).ShouldBeEmpty(path);
        }
    }

    [Fact]
    public void A_value_that_is_not_a_number_is_reported_where_it_is_written() =>
        Expect(Tiny.Replace("  3      1     2       2    1", "  3      1     »x       2    1", StringComparison.Ordinal), DiagnosticCodes.PsplibFormat, "duration, found \"x\"");

    [Fact]
    public void Fewer_successors_than_stated_point_at_the_end_of_the_row() =>
        Expect(Tiny.Replace("   2        1          1           5", "   2        1          2           5»", StringComparison.Ordinal), DiagnosticCodes.PsplibFormat, "states 2 successors but lists 1");

    [Fact]
    public void A_job_out_of_order_is_reported() =>
        Expect(Tiny.Replace("  4      1     4       1    1", "  »5      1     4       1    1", StringComparison.Ordinal), DiagnosticCodes.PsplibFormat, "expected job 4");

    [Fact]
    public void A_multi_mode_file_is_refused() =>
        Expect(Tiny.Replace("   3        1          1           6", "   3        »2          1           6", StringComparison.Ordinal), DiagnosticCodes.PsplibFormat, "only single-mode");

    [Fact]
    public void Non_renewable_resources_are_refused() =>
        Expect(Tiny.Replace("  - nonrenewable              :  0", "  - nonrenewable              :  »1", StringComparison.Ordinal), DiagnosticCodes.PsplibFormat, "only renewable");

    [Fact]
    public void A_demand_above_capacity_makes_the_instance_unschedulable() =>
        Expect(Tiny.Replace("  5      1     2       0    2", "  5      1     2       0    »3", StringComparison.Ordinal), DiagnosticCodes.PsplibUnschedulable, "demands 3 of resource 2, whose capacity is 2");

    [Fact]
    public void A_precedence_cycle_makes_the_instance_unschedulable() =>
        Expect(
            Tiny.Replace("   5        1          1           6", "   5        1          1           2", StringComparison.Ordinal)
                .Replace("   2        1          1           5", "   2        1          1           »5", StringComparison.Ordinal),
            DiagnosticCodes.PsplibUnschedulable,
            "cycle: 2 -> 5 -> 2");

    [Fact]
    public void A_missing_section_is_named()
    {
        var text = Tiny[..Tiny.IndexOf("RESOURCEAVAILABILITIES:", StringComparison.Ordinal)];

        var result = PsplibReader.ReadString(text, "cut.sm");

        result.Instance.ShouldBeNull();
        result.Diagnostics.ShouldHaveSingleItem().Message.ShouldContain("no \"RESOURCEAVAILABILITIES:\" section");
    }

    [Fact]
    public void Every_problem_in_a_file_is_reported_at_once()
    {
        var text = Tiny.Replace("  2      1     3", "  2      1     -3", StringComparison.Ordinal).Replace("    3    2\n", "    3    y\n", StringComparison.Ordinal);

        var result = PsplibReader.ReadString(text, "two.sm");

        result.Instance.ShouldBeNull();
        result.Diagnostics.Select(d => d.ToString()).ShouldBe([
            "two.sm:30:16: error TL1501: the duration is -3; it must not be negative",
            "two.sm:38:10: error TL1501: expected a whole number for the capacity of resource 2, found \"y\"",
        ]);
    }

    [Fact]
    public void A_missing_file_is_a_diagnostic_not_an_exception()
    {
        var result = PsplibReader.ReadFile(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "none.sm"));

        result.Instance.ShouldBeNull();
        result.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe(DiagnosticCodes.Syntax);
    }

    [Fact]
    public void Windows_line_endings_read_the_same()
    {
        var result = PsplibReader.ReadString(Tiny.Replace("\n", "\r\n", StringComparison.Ordinal), "tiny.sm");

        result.Diagnostics.ShouldBeEmpty();
        result.Instance.ShouldNotBeNull().JobCount.ShouldBe(6);
    }

    private static string Tiny => File.ReadAllText(PsplibFixtures.Path("tiny.sm"));

    internal static List<(int Predecessor, int Successor, int Lag)> Links(RcpspInstance instance)
    {
        var links = new List<(int, int, int)>();
        for (var j = 0; j < instance.JobCount; j++)
        {
            for (var k = instance.SuccessorStart[j]; k < instance.SuccessorStart[j + 1]; k++)
            {
                links.Add((j, instance.Successors[k], instance.SuccessorLags[k]));
            }
        }

        return links;
    }

    /// <summary>Earliest-start forward pass; PSPLIB numbers jobs topologically, so index order is enough.</summary>
    private static int CriticalPath(RcpspInstance instance)
    {
        var start = new int[instance.JobCount];
        for (var j = 0; j < instance.JobCount; j++)
        {
            for (var k = instance.SuccessorStart[j]; k < instance.SuccessorStart[j + 1]; k++)
            {
                var s = instance.Successors[k];
                s.ShouldBeGreaterThan(j);
                start[s] = Math.Max(start[s], start[j] + instance.SuccessorLags[k]);
            }
        }

        return Enumerable.Range(0, instance.JobCount).Max(j => start[j] + instance.Duration(j));
    }

    private static int[] BackToBack(RcpspInstance instance)
    {
        var starts = new int[instance.JobCount];
        for (var j = 1; j < instance.JobCount; j++)
        {
            starts[j] = starts[j - 1] + instance.Duration(j - 1);
        }

        return starts;
    }

    private static void Expect(string markedText, string code, string messagePart)
    {
        var marker = markedText.IndexOf('»', StringComparison.Ordinal);
        marker.ShouldBeGreaterThanOrEqualTo(0, "the test text needs a » marker");
        var before = markedText[..marker];
        var line = before.Count(c => c == '\n') + 1;
        var column = marker - (before.LastIndexOf('\n') + 1) + 1;

        var result = PsplibReader.ReadString(markedText.Remove(marker, 1), "bad.sm");

        result.Instance.ShouldBeNull();
        var diagnostic = result.Diagnostics.FirstOrDefault(d => d.Code == code);
        diagnostic.ShouldNotBeNull($"expected {code}; got: {string.Join(" | ", result.Diagnostics)}");
        diagnostic.Location.ShouldBe(new SourceLocation("bad.sm", line, column), diagnostic.ToString());
        diagnostic.Message.ShouldContain(messagePart);
        diagnostic.ToString().ShouldStartWith($"bad.sm:{line}:{column}: error {code}: ");
    }
}
