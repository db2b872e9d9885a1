using System.Globalization;
using Throughline.Domain.Diagnostics;

namespace Throughline.Interop.Psplib;

/// <summary>
/// What the literature knows about one PSPLIB instance (a row of <c>solutions/bounds.csv</c>, see the data's README).
/// </summary>
/// <param name="Set">The set: <c>j30</c>, <c>j60</c>, <c>j90</c> or <c>j120</c>.</param>
/// <param name="Instance">The instance name, the file name without <c>.sm</c> (e.g. <c>j301_1</c>).</param>
/// <param name="CriticalPath">The critical-path length (CPM bound, PSPLIB's MPM-Time).</param>
/// <param name="BestKnown">The best-known makespan (the optimum for j30), <c>ub_best</c>.</param>
/// <param name="LowerBound">The best-known lower bound, <c>lb_best</c>.</param>
/// <param name="Optimal">True when the best-known makespan is proven optimal (<c>optimal_best</c>).</param>
public sealed record PsplibBound(string Set, string Instance, int CriticalPath, int BestKnown, int LowerBound, bool Optimal);

/// <summary>The bounds table by instance name, and every problem found reading it.</summary>
public sealed record PsplibBoundsReadResult(IReadOnlyDictionary<string, PsplibBound> Bounds, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => !Diagnostics.Any(d => d.IsError);
}

/// <summary>
/// Reads <c>solutions/bounds.csv</c>. Columns are found by their header name, so the table may gain columns; the
/// file holds no quoted fields, so rows are split on commas. Bad rows are TL1501 diagnostics at file:line:col.
/// </summary>
public static class PsplibBoundsReader
{
    private static readonly string[] Required = ["set", "instance", "cpm_lb", "ub_best", "lb_best", "optimal_best"];

    public static PsplibBoundsReadResult ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return ReadString(File.ReadAllText(path), path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return new PsplibBoundsReadResult(
                new Dictionary<string, PsplibBound>(),
                [new Diagnostic(Severity.Error, DiagnosticCodes.Syntax, $"cannot read {path}: {e.Message}")]);
        }
    }

    public static PsplibBoundsReadResult ReadString(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        var diagnostics = new List<Diagnostic>();
        var bounds = new Dictionary<string, PsplibBound>(StringComparer.Ordinal);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var header = lines[0].Split(',');
        var index = Required.ToDictionary(c => c, c => Array.IndexOf(header, c));
        foreach (var missing in Required.Where(c => index[c] < 0))
        {
            diagnostics.Add(Error(sourceName, 1, 1, $"the header has no \"{missing}\" column"));
        }

        if (diagnostics.Count > 0)
        {
            return new PsplibBoundsReadResult(bounds, diagnostics);
        }

        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            var fields = lines[i].Split(',');
            if (fields.Length != header.Length)
            {
                diagnostics.Add(Error(sourceName, i + 1, lines[i].Length + 1, $"expected {header.Length} fields, found {fields.Length}"));
                continue;
            }

            int? Field(string column)
            {
                var at = index[column];
                if (int.TryParse(fields[at], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                {
                    return value;
                }

                var col = fields.Take(at).Sum(f => f.Length + 1) + 1;
                diagnostics.Add(Error(sourceName, i + 1, col, $"expected a whole number for {column}, found \"{fields[at]}\""));
                return null;
            }

            var (cpm, ub, lb, optimal) = (Field("cpm_lb"), Field("ub_best"), Field("lb_best"), Field("optimal_best"));
            if (cpm is null || ub is null || lb is null || optimal is null)
            {
                continue;
            }

            var name = fields[index["instance"]];
            if (!bounds.TryAdd(name, new PsplibBound(fields[index["set"]], name, cpm.Value, ub.Value, lb.Value, optimal.Value == 1)))
            {
                diagnostics.Add(Error(sourceName, i + 1, fields.Take(index["instance"]).Sum(f => f.Length + 1) + 1, $"instance {name} is listed twice"));
            }
        }

        return new PsplibBoundsReadResult(bounds, diagnostics);
    }

    private static Diagnostic Error(string file, int line, int column, string message) =>
        new(Severity.Error, DiagnosticCodes.PsplibFormat, message) { Location = new SourceLocation(file, line, column) };
}
