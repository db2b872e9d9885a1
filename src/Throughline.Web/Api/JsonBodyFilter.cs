using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Throughline.Web.Api;

/// <summary>
/// Checks a JSON body's text before anything stores it: no NUL (PostgreSQL cannot store it in text), no unpaired
/// surrogate (not Unicode; both databases failed on it), and the plan's text fields written as JSON strings
/// (<c>"name": 123</c> was stored as sent). Each is a 400 naming the field by its JSON path (#14, finding 8).
/// </summary>
public sealed class JsonBodyFilter : IEndpointFilter
{
    /// <summary>Fields whose value is text or an id in every entity of the plan format (docs/plan-format.md).</summary>
    private static readonly HashSet<string> TextFields = new(StringComparer.Ordinal)
    {
        "id", "name", "title", "description", "question", "recommendation", "mitigation", "purpose", "scope",
        "project", "parent", "predecessor", "successor", "team", "owner", "sponsor", "chair", "decider", "currency",
    };

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var body in context.Arguments.OfType<JsonNode>())
        {
            Check(body, "$", null, errors);
        }

        return errors.Count > 0 ? Problems.Invalid(errors, "the body has values no plan can hold") : await next(context);
    }

    private static void Check(JsonNode? node, string path, string? name, Dictionary<string, string[]> errors)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    var child = path + "." + key;
                    if (TextProblem(key) is { } keyProblem)
                    {
                        errors[child] = [$"the field name {keyProblem}"];
                        continue;
                    }

                    Check(value, child, key, errors);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Check(array[i], $"{path}[{i}]", null, errors);
                }

                break;
            case JsonValue value:
                if (value.GetValueKind() == JsonValueKind.String)
                {
                    if (TextProblem(ReadString(value)) is { } problem)
                    {
                        errors[path] = [problem];
                    }
                }
                else if (name is not null && TextFields.Contains(name))
                {
                    errors[path] = [$"'{name}' is text: write it as a JSON string, not {value.GetValueKind().ToString().ToLowerInvariant()}"];
                }

                break;
        }
    }

    /// <summary>The string, or null when it cannot be decoded (an escaped lone surrogate fails here).</summary>
    private static string? ReadString(JsonValue value)
    {
        try
        {
            return value.GetValue<string>();
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }

    private static string? TextProblem(string? text)
    {
        if (text is null)
        {
            return "is not valid Unicode text (an unpaired surrogate such as \\ud800)";
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return "contains a NUL character (\\u0000), which text may not hold";
        }

        // Rune decoding stops at the first unpaired surrogate: text that is not Unicode cannot be stored as UTF-8.
        for (var i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out _, out var used) != System.Buffers.OperationStatus.Done)
            {
                return "is not valid Unicode text (an unpaired surrogate such as \\ud800)";
            }

            i += used;
        }

        return null;
    }
}
