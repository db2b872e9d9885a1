using System.Text;
using Throughline.Domain.Diagnostics;

namespace Throughline.Interop.Primavera;

/// <summary>One <c>%R</c> row of an XER table: its values by field name, and where it was written.</summary>
public sealed class XerRow(XerTable table, int line, string[] values)
{
    public XerTable Table { get; } = table;

    /// <summary>The 1-based line of the row in the file.</summary>
    public int Line { get; } = line;

    /// <summary>The 1-based row number within its table, as P6 users count them.</summary>
    public int Number { get; init; }

    /// <summary>The field's value, or null when the field is absent or empty.</summary>
    public string? this[string field]
    {
        get
        {
            var index = Table.IndexOf(field);
            return index >= 0 && index < values.Length && values[index].Length > 0 ? values[index] : null;
        }
    }

    /// <summary>The 1-based column where the field's value starts, for a located diagnostic.</summary>
    public int ColumnOf(string field)
    {
        var index = Table.IndexOf(field);
        var column = 4; // after "%R\t"
        for (var i = 0; i < index && i < values.Length; i++)
        {
            column += values[i].Length + 1;
        }

        return column;
    }
}

/// <summary>One <c>%T</c> table of an XER file: its field names (<c>%F</c>) and rows (<c>%R</c>).</summary>
public sealed class XerTable(string name, int line)
{
    private readonly Dictionary<string, int> fields = new(StringComparer.Ordinal);

    public string Name { get; } = name;

    public int Line { get; } = line;

    public List<XerRow> Rows { get; } = [];

    public bool HasFields => fields.Count > 0;

    public int FieldCount => fields.Count;

    public int IndexOf(string field) => fields.TryGetValue(field, out var index) ? index : -1;

    internal void SetFields(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            fields.TryAdd(name, fields.Count);
        }
    }
}

/// <summary>
/// The tables of a Primavera P6 XER file (tab-separated: an <c>ERMHDR</c> line, then <c>%T</c> table, <c>%F</c> fields
/// and <c>%R</c> rows, ending with <c>%E</c>). Structure only: what the rows mean is <see cref="XerReader"/>'s business.
/// </summary>
/// <remarks>
/// XER declares no character set. A file that is valid UTF-8 is read as UTF-8; otherwise it is Windows-1252 (P6's
/// Western default), unless it has runs of four or more bytes in 0xC0-0xFF, which Western text practically never has
/// and Cyrillic text (Windows-1251) always has; a caller that knows better passes the encoding.
/// </remarks>
public sealed class XerTables
{
    /// <summary>The largest file read (a P6 export of 30,000 activities is about 25 MB).</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    private readonly Dictionary<string, XerTable> tables = new(StringComparer.Ordinal);

    private XerTables(string version) => Version = version;

    /// <summary>The P6 version in the header (<c>8.1</c>, <c>20.12</c>).</summary>
    public string Version { get; }

    public Encoding Encoding { get; private init; } = Encoding.UTF8;

    /// <summary>The table, or an empty one when the file has none of that name.</summary>
    public XerTable this[string name] => tables.TryGetValue(name, out var table) ? table : new XerTable(name, 0);

    public bool Has(string name) => tables.ContainsKey(name);

    /// <summary>Reads the tables; null with an error diagnostic when the bytes are not an XER file or are cut short.</summary>
    public static XerTables? Read(byte[] bytes, string source, List<Diagnostic> diagnostics, Encoding? encoding = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (bytes.LongLength > MaxBytes)
        {
            diagnostics.Add(Error(source, 1, 1, $"the file is {bytes.LongLength / (1024 * 1024)} MB, over the {MaxBytes / (1024 * 1024)} MB an XER file is read to"));
            return null;
        }

        encoding ??= Detect(bytes);
        var text = encoding.GetString(bytes);
        var lines = text.Split('\n');
        if (lines.Length == 0 || !lines[0].TrimStart('\uFEFF').StartsWith("ERMHDR\t", StringComparison.Ordinal))
        {
            diagnostics.Add(Error(source, 1, 1, "not an XER file: the first line must start with ERMHDR (export the project from Primavera P6 as XER)"));
            return null;
        }

        var header = lines[0].TrimEnd('\r').Split('\t');
        var result = new XerTables(header.Length > 1 ? header[1] : string.Empty) { Encoding = encoding };
        XerTable? current = null;
        var ended = false;
        var errors = diagnostics.Count(d => d.IsError);
        for (var i = 1; i < lines.Length && !ended; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var number = i + 1;
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split('\t');
            switch (parts[0])
            {
                case "%T":
                    var name = parts.Length > 1 ? parts[1].Trim() : string.Empty;
                    if (name.Length == 0 || result.tables.ContainsKey(name))
                    {
                        diagnostics.Add(Error(source, number, 1, name.Length == 0 ? "a %T line without a table name" : $"table {name} appears twice"));
                        current = null;
                        continue;
                    }

                    current = new XerTable(name, number);
                    result.tables[name] = current;
                    break;
                case "%F":
                    if (current is null || current.HasFields)
                    {
                        diagnostics.Add(Error(source, number, 1, current is null ? "a %F field list outside a table" : $"table {current.Name} has a second %F field list"));
                        continue;
                    }

                    current.SetFields(parts.Skip(1).Select(p => p.Trim()));
                    break;
                case "%R":
                    if (current is null || !current.HasFields)
                    {
                        diagnostics.Add(Error(source, number, 1, current is null ? "a %R row outside a table" : $"table {current.Name}: a %R row before its %F field list"));
                        continue;
                    }

                    var values = parts[1..];
                    if (values.Length > current.FieldCount)
                    {
                        diagnostics.Add(Error(source, number, 1, $"table {current.Name} row {current.Rows.Count + 1}: {values.Length} values for {current.FieldCount} fields"));
                        continue;
                    }

                    current.Rows.Add(new XerRow(current, number, values) { Number = current.Rows.Count + 1 });
                    break;
                case "%E":
                    ended = true;
                    break;
                default:
                    diagnostics.Add(Error(source, number, 1, $"a line starting '{Shorten(parts[0])}': XER lines start with %T, %F, %R or %E"));
                    break;
            }

            if (diagnostics.Count(d => d.IsError) - errors >= 20)
            {
                diagnostics.Add(Error(source, number, 1, "too many errors; reading stopped"));
                return null;
            }
        }

        if (!ended)
        {
            // Points at the last line with text (a final newline leaves an empty string after it).
            var last = lines.Length > 1 && lines[^1].TrimEnd('\r').Length == 0 ? lines.Length - 1 : lines.Length;
            diagnostics.Add(Error(source, last, 1, "the file ends without %E: it was cut short (copy or download it again)"));
            return null;
        }

        return diagnostics.Count(d => d.IsError) > errors ? null : result;
    }

    internal static Encoding Detect(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes) is not null ? new UTF8Encoding(false) : Encoding.UTF8;
        }
        catch (DecoderFallbackException)
        {
            var run = 0;
            foreach (var b in bytes)
            {
                run = b >= 0xC0 ? run + 1 : 0;
                if (run >= 4)
                {
                    return CodePage(1251);
                }
            }

            return CodePage(1252);
        }
    }

    /// <summary>A Windows code page from the framework's provider, without registering it process-wide.</summary>
    internal static Encoding CodePage(int codePage) => CodePagesEncodingProvider.Instance.GetEncoding(codePage) ?? Encoding.Latin1;

    private static Diagnostic Error(string source, int line, int column, string message) =>
        new(Severity.Error, DiagnosticCodes.XerFormat, message) { Location = new SourceLocation(source, line, column) };

    private static string Shorten(string text) => text.Length > 20 ? text[..20] + "..." : text;
}
