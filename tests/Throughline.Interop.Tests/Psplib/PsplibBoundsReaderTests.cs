using Throughline.Domain.Diagnostics;
using Throughline.Interop.Psplib;
using Throughline.Testing;

namespace Throughline.Interop.Tests.Psplib;

public sealed class PsplibBoundsReaderTests
{
    [Fact]
    public void Reads_the_shared_table_by_instance_name()
    {
        var result = PsplibBoundsReader.ReadFile(RepoPaths.RequireShared("psplib/solutions/bounds.csv"));

        result.Diagnostics.ShouldBeEmpty();
        result.Bounds.Count.ShouldBe(2040);
        result.Bounds["j301_1"].ShouldBe(new PsplibBound("j30", "j301_1", 38, 43, 43, true));
        // j1201_1: PSPLIB's own lower bound was 104; the constraint-programming runs closed it at 105.
        result.Bounds["j1201_1"].ShouldBe(new PsplibBound("j120", "j1201_1", 99, 105, 105, true));
        result.Bounds.Values.Count(b => b.Set == "j30" && b.Optimal).ShouldBe(480);
    }

    [Fact]
    public void Reads_the_fixture_table()
    {
        var result = PsplibBoundsReader.ReadFile(PsplibFixtures.Path("bounds.csv"));

        result.Diagnostics.ShouldBeEmpty();
        result.Bounds.Keys.Order(StringComparer.Ordinal).ShouldBe(["j301_1", "j301_2", "tiny"]);
        result.Bounds["tiny"].ShouldBe(new PsplibBound("tiny", "tiny", 5, 7, 7, true));
    }

    [Fact]
    public void A_bad_number_is_reported_at_its_field()
    {
        const string text = "set,instance,cpm_lb,ub_best,lb_best,optimal_best\nj30,a,38,43,43,1\nj30,b,38,4x,43,1\n";

        var result = PsplibBoundsReader.ReadString(text, "bounds.csv");

        result.Succeeded.ShouldBeFalse();
        var error = result.Diagnostics.ShouldHaveSingleItem();
        error.Code.ShouldBe(DiagnosticCodes.PsplibFormat);
        error.ToString().ShouldBe("bounds.csv:3:10: error TL1501: expected a whole number for ub_best, found \"4x\"");
        result.Bounds.Keys.ShouldBe(["a"]);
    }

    [Fact]
    public void A_missing_column_is_named()
    {
        var result = PsplibBoundsReader.ReadString("set,instance,cpm_lb,ub_best,optimal_best\n", "bounds.csv");

        result.Diagnostics.ShouldHaveSingleItem().ToString().ShouldBe("bounds.csv:1:1: error TL1501: the header has no \"lb_best\" column");
    }
}
