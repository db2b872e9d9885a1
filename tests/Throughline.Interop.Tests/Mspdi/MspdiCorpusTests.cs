using Throughline.Domain.Diagnostics;
using Throughline.Interop.Mspdi;

namespace Throughline.Interop.Tests.Mspdi;

/// <summary>Every file of the shared corpus reads without an error, and the counts match the corpus index.</summary>
public sealed class MspdiCorpusTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(Files))]
    public void Every_shared_file_reads_without_an_error(string file)
    {
        var result = Throughline.Interop.Mspdi.MspdiReader.ReadFile(MspdiCorpus.PathOf(file));

        foreach (var diagnostic in result.Diagnostics)
        {
            output.WriteLine(diagnostic.ToString());
        }

        result.Diagnostics.Where(d => d.IsError).ShouldBeEmpty();
        result.Document.ShouldNotBeNull();
        result.Document.Stored.Count.ShouldBe(result.Document.Program.WorkItems.Count);
        result.Document.TaskUids.Values.ShouldBeUnique();
    }

    public static TheoryData<string> Files() => MspdiCorpus.Files();
}
