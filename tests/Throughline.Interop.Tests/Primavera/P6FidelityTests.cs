using Throughline.Interop.Primavera;
using Throughline.Testing;

namespace Throughline.Interop.Tests.Primavera;

/// <summary>
/// Re-schedules every XER file of the shared P6 samples and compares the result with the dates and float P6 stored.
/// The floors are the rates reached when this test was written (docs/p6-fidelity.md): a regression fails.
/// </summary>
public sealed class P6FidelityTests(ITestOutputHelper output)
{
    [Fact]
    public void The_cost_loaded_programme_matches_P6_at_least_as_often_as_before()
    {
        var file = Path.Combine(RepoPaths.RequireShared("other/xer"), "SP10 - COST LOADED.xer");
        var read = XerReader.ReadFile(file);
        var document = read.Document.ShouldNotBeNull(string.Join(Environment.NewLine, read.Diagnostics));

        var result = P6Fidelity.Compare("SP10 - COST LOADED.xer", document);

        output.WriteLine(P6Fidelity.FormatTable([result]));
        output.WriteLine(P6Fidelity.FormatMismatches(result, 300));
        result.Compared.ShouldBe(3994 - 523);
        foreach (var (field, floor) in Floors)
        {
            result.Fields[field].Rate.ShouldBeGreaterThanOrEqualTo(floor, $"{field}: {result.Fields[field].Matched}/{result.Fields[field].Compared}");
        }
    }

    [Fact]
    public void Every_sample_XER_file_reads_and_schedules()
    {
        var folder = RepoPaths.RequireShared("other/xer");
        var results = new List<P6FidelityResult>();
        foreach (var file in Directory.GetFiles(folder, "*.xer").Order(StringComparer.Ordinal))
        {
            var read = XerReader.ReadFile(file);
            var document = read.Document.ShouldNotBeNull($"{Path.GetFileName(file)}: {string.Join(Environment.NewLine, read.Diagnostics)}");
            results.Add(P6Fidelity.Compare(Path.GetFileName(file), document));
        }

        output.WriteLine(P6Fidelity.FormatTable(results));
        foreach (var result in results.Where(r => r.File != "SP10 - COST LOADED.xer"))
        {
            output.WriteLine(result.File);
            output.WriteLine(P6Fidelity.FormatMismatches(result, 50));
        }

        results.Count.ShouldBe(12);
    }

    /// <summary>Match rates on SP10 - COST LOADED.xer (3,471 activities not complete) as reached on 2026-12-03; see docs/p6-fidelity.md.</summary>
    private static readonly Dictionary<P6Field, double> Floors = new()
    {
        [P6Field.EarlyStart] = 0.951,
        [P6Field.EarlyFinish] = 0.951,
        [P6Field.LateStart] = 0.824,
        [P6Field.LateFinish] = 0.851,
        [P6Field.TotalFloat] = 0.791,
    };
}
