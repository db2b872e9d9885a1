namespace Throughline.Cli;

/// <summary>RFC 4180 quoting for the CSV the commands write: a field with a comma, quote or line break is quoted.</summary>
internal static class CsvField
{
    public static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
