using System.Globalization;
using Throughline.Testing;

namespace Throughline.Interop.Tests.Mspdi;

/// <summary>One row of the shared corpus index (../shared/data/mspdi/INDEX.md): what its generator counted in a file.</summary>
internal sealed record MspdiCorpusIndexRow(string File, string Producer, int Tasks, int Links)
{
    /// <summary>The rows of INDEX.md's file table, by file name.</summary>
    public static IReadOnlyDictionary<string, MspdiCorpusIndexRow> Read()
    {
        var lines = System.IO.File.ReadAllLines(Path.Combine(RepoPaths.RequireShared("mspdi"), "INDEX.md"));
        return lines
            .Where(l => l.StartsWith("| ", StringComparison.Ordinal) && l.Contains(".xml |", StringComparison.Ordinal))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .Select(c => new MspdiCorpusIndexRow(c[1], c[4], LeadingNumber(c[5]), LeadingNumber(c[8])))
            .ToDictionary(r => r.File, StringComparer.Ordinal);
    }

    /// <summary>"3 (3 manual)" is 3; "37 (FF1 FS36)" is 37.</summary>
    private static int LeadingNumber(string cell) =>
        int.Parse(cell.Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture);
}
