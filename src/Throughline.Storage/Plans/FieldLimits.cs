using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Throughline.Storage.Plans;

/// <summary>
/// How long the text in a stored plan may be. Before these limits one 15 MB <c>name</c> made every later small write
/// to its program cost 47 MB and 2.5 s (#14): every write reads the whole plan. Ids and names are short by nature;
/// other text (descriptions, notes, mitigations) may be a few pages.
/// </summary>
public static class FieldLimits
{
    /// <summary>An id, in characters (the same as <see cref="PlanResource.IdPattern"/>).</summary>
    public const int MaxIdLength = 200;

    /// <summary>A <c>name</c> or <c>title</c>, in characters.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Any other text, in characters.</summary>
    public const int MaxTextLength = 10_000;

    /// <summary>Every string in <paramref name="node"/> that is too long, keyed by its path under <paramref name="path"/> (<c>name</c>, <c>estimate.likely</c>, <c>tags[2]</c>).</summary>
    public static Dictionary<string, string[]> Check(JsonNode? node, string path = "")
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Walk(node, path, null, errors);
        return errors;
    }

    /// <summary>Every string in a whole plan that is too long, keyed <c>program.name</c>, <c>work-items[build].description</c>, <c>calendars[0].name</c>.</summary>
    public static Dictionary<string, string[]> Check(PlanRows rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Walk(rows.Program, "program", null, errors);
        Walk(rows.Sections, "", null, errors);
        foreach (var resource in PlanResource.All)
        {
            foreach (var row in resource.In(rows))
            {
                var prefix = $"{resource.Name}[{Shorten(row.Key)}]";
                if (row.Key.Length > MaxIdLength)
                {
                    errors[prefix] = [TooLong(row.Key.Length, MaxIdLength)];
                }

                Walk(JsonNode.Parse(row.Fields), prefix, null, errors);
            }
        }

        return errors;
    }

    private static void Walk(JsonNode? node, string path, string? property, Dictionary<string, string[]> errors)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    Walk(value, path.Length == 0 ? name : $"{path}.{name}", name, errors);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{path}[{i.ToString(CultureInfo.InvariantCulture)}]", property, errors);
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var length = value.GetValue<string>().Length;
                var limit = property switch
                {
                    "id" => MaxIdLength,
                    "name" or "title" => MaxNameLength,
                    _ => MaxTextLength,
                };
                if (length > limit)
                {
                    errors[path] = [TooLong(length, limit)];
                }

                break;
        }
    }

    private static string TooLong(int length, int limit) =>
        string.Create(CultureInfo.InvariantCulture, $"at most {limit:N0} characters; this one has {length:N0}");

    private static string Shorten(string key) => key.Length > 40 ? key[..40] + "..." : key;
}
