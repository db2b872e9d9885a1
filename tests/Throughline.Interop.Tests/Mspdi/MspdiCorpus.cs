using Throughline.Interop.Mspdi;
using Throughline.Testing;

namespace Throughline.Interop.Tests.Mspdi;

/// <summary>The shared MSPDI corpus (../shared/data/mspdi): file names for theories, and reading with a clear failure.</summary>
internal static class MspdiCorpus
{
    /// <summary>Sentinel theory row when the shared folder is absent, so the theory runs once and skips.</summary>
    public const string Absent = "(shared data absent)";

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        var folder = Path.Combine(RepoPaths.SharedData, "mspdi");
        if (!Directory.Exists(folder))
        {
            data.Add(Absent);
            return data;
        }

        foreach (var file in Directory.GetFiles(folder, "*.xml").Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            data.Add(file!);
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
