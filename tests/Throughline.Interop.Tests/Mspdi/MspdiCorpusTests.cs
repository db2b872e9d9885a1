using Throughline.Domain.Diagnostics;
using Throughline.Interop.Mspdi;
using Throughline.Testing;

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

        var row = MspdiCorpusIndexRow.Read()[file];
        // INDEX.md counts Task elements other than UID 0 and every PredecessorLink; empty rows and outline-level-0
        // summaries are not work, and neither are links to or from them.
        var (notWork, linksOfNotWork) = NotWork(MspdiCorpus.PathOf(file));
        result.Document.Program.WorkItems.Count.ShouldBe(row.Tasks - notWork, $"{file}: {row.Tasks} tasks in INDEX.md, {notWork} of them empty rows or outline-level-0 summaries");
        result.Document.Program.Dependencies.Count.ShouldBe(row.Links - linksOfNotWork, $"{file}: {row.Links} links in INDEX.md, {linksOfNotWork} of them to or from rows that are not work");
    }

    [Fact]
    public void The_listed_corpus_is_the_shared_folder_and_the_index_names_every_file()
    {
        var folder = RepoPaths.RequireShared("mspdi");
        var present = Directory.GetFiles(folder, "*.xml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();

        MspdiCorpus.Listed.ToList().ShouldBe(present, "corpus-files.txt against the shared folder");
        MspdiCorpusIndexRow.Read().Keys.Order(StringComparer.Ordinal).ToList().ShouldBe(present, "INDEX.md against the shared folder");
    }

    /// <summary>
    /// Task elements other than UID 0 that are empty (IsNull) or at outline level 0, and the links that touch one of
    /// them or UID 0, read straight from the XML rather than through the reader.
    /// </summary>
    private static (int Rows, int Links) NotWork(string path)
    {
        var ns = System.Xml.Linq.XNamespace.Get("http://schemas.microsoft.com/project");
        var tasks = System.Xml.Linq.XDocument.Load(path).Descendants(ns + "Task").ToList();
        var excluded = tasks
            .Where(t => (string?)t.Element(ns + "UID") == "0" || (string?)t.Element(ns + "IsNull") == "1" || (string?)t.Element(ns + "OutlineLevel") == "0")
            .Select(t => (string?)t.Element(ns + "UID"))
            .ToHashSet();
        var links = tasks
            .SelectMany(t => t.Elements(ns + "PredecessorLink").Select(l => (Owner: (string?)t.Element(ns + "UID"), Predecessor: (string?)l.Element(ns + "PredecessorUID"))))
            .Count(l => excluded.Contains(l.Owner) || excluded.Contains(l.Predecessor));
        return (excluded.Count - (excluded.Contains("0") ? 1 : 0), links);
    }

    public static TheoryData<string> Files() => MspdiCorpus.Files();
}
