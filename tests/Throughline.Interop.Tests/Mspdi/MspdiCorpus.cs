using Throughline.Interop.Mspdi;
using Throughline.Testing;

namespace Throughline.Interop.Tests.Mspdi;

/// <summary>The shared MSPDI corpus (../shared/data/mspdi): file names for theories, and reading with a clear failure.</summary>
internal static class MspdiCorpus
{
    /// <summary>
    /// The corpus files the tests expect, kept in the repository (corpus-files.txt) so that a theory has one row per
    /// file whether or not the shared folder is present: without it every row skips with the reason, and is counted.
    /// </summary>
    public static IReadOnlyList<string> Listed { get; } =
        File.ReadAllLines(Path.Combine(RepoPaths.Root, "tests", "Throughline.Interop.Tests", "Mspdi", "corpus-files.txt"))
            .Where(l => l.Length > 0)
            .ToArray();

    public static TheoryData<string> Files()
    {
        var absence = RepoPaths.SharedAbsence("mspdi");
        var data = new TheoryData<string>();
        foreach (var file in Listed)
        {
            data.Add(new TheoryDataRow<string>(file) { Skip = absence });
        }

        return data;
    }

    public static string PathOf(string file)
    {
        var folder = RepoPaths.RequireShared("mspdi");
        return Path.Combine(folder, file);
    }

    /// <summary>Reads a corpus file and fails with every diagnostic when it does not read.</summary>
    public static MspdiDocument Read(string file)
    {
        var result = MspdiReader.ReadFile(PathOf(file));
        result.Document.ShouldNotBeNull(string.Join(Environment.NewLine, result.Diagnostics));
        return result.Document;
    }
}
