using System.Globalization;
using System.Text.Json.Nodes;

namespace Throughline.Web.Ui;

/// <summary>How a form field is entered and turned into its plan-format JSON value.</summary>
public enum FieldKind
{
    /// <summary>One line of text, stored as a string (durations such as <c>5d</c>, percentages such as <c>30%</c>, ids).</summary>
    Text,

    /// <summary>Several lines of text.</summary>
    Area,

    /// <summary>A date (<c>yyyy-MM-dd</c>).</summary>
    Date,

    /// <summary>One of <see cref="FieldSpec.Options"/>.</summary>
    Choice,

    /// <summary>A comma-separated list, stored as an array of strings.</summary>
    List,

    /// <summary>A number.</summary>
    Number,

    /// <summary>A duration, or three (optimistic likely pessimistic) for a three-point estimate.</summary>
    Estimate,
}

/// <summary>One field of an entity form: its plan-format name, its label and how it is entered.</summary>
public sealed record FieldSpec(string Name, string Label, FieldKind Kind, string? Hint = null)
{
    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>Only on the form that creates the entity (ids cannot change).</summary>
    public bool CreateOnly { get; init; }

    /// <summary>Choices come from the plan at render time (projects, people...), by this source name.</summary>
    public string? OptionsFrom { get; init; }

    /// <summary>The field's value in an entity's JSON, as the form shows it.</summary>
    public string Show(JsonNode? value) => value switch
    {
        null => "",
        JsonArray array => string.Join(", ", array.Select(v => v?.ToString() ?? "")),
        JsonObject o when Kind == FieldKind.Estimate => string.Join(' ', new[] { "optimistic", "likely", "pessimistic" }.Select(k => o[k]?.ToString() ?? "?")),
        _ => value.ToString(),
    };

    /// <summary>The JSON value of what was entered; null when left empty (the field is then removed).</summary>
    public JsonNode? Parse(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        switch (Kind)
        {
            case FieldKind.List:
                return new JsonArray([.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => (JsonNode)JsonValue.Create(v))]);
            case FieldKind.Number:
                return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : JsonValue.Create(value);
            case FieldKind.Estimate:
                var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return parts.Length == 3 && parts.All(p => char.IsAsciiDigit(p[0]))
                    ? new JsonObject { ["optimistic"] = parts[0], ["likely"] = parts[1], ["pessimistic"] = parts[2] }
                    : JsonValue.Create(value);
            case FieldKind.Text or FieldKind.Area or FieldKind.Date or FieldKind.Choice:
            default:
                return JsonValue.Create(value);
        }
    }
}

/// <summary>The forms of the entities the web app edits, by API resource name, with the fields a program manager changes most.</summary>
public static class EntityForms
{
    private static readonly string[] ItemStatuses = ["not-started", "in-progress", "blocked", "done", "cancelled"];

    public static readonly IReadOnlyDictionary<string, (string Singular, IReadOnlyList<FieldSpec> Fields)> All = new Dictionary<string, (string, IReadOnlyList<FieldSpec>)>
    {
        ["work-items"] = ("work item",
        [
            new("id", "Id", FieldKind.Text, "letters, digits, - _ .") { CreateOnly = true },
            new("name", "Name", FieldKind.Text),
            new("project", "Project", FieldKind.Choice) { OptionsFrom = "projects" },
            new("parent", "Parent item (id)", FieldKind.Text, "leave empty for a top-level item"),
            new("estimate", "Estimate", FieldKind.Estimate, "working time, e.g. 5d; or three values: 3d 5d 10d"),
            new("status", "Status", FieldKind.Choice) { Options = ItemStatuses },
            new("percent-complete", "Percent complete", FieldKind.Text, "e.g. 40%"),
            new("committed", "Committed date", FieldKind.Date),
            new("team", "Team (id)", FieldKind.Text, "e.g. platform, or \"platform 200%\""),
            new("people", "People (ids)", FieldKind.List, "comma-separated, e.g. p-ana, \"p-ben 50%\""),
            new("description", "Description", FieldKind.Area),
        ]),
        ["milestones"] = ("milestone",
        [
            new("id", "Id", FieldKind.Text, "letters, digits, - _ .") { CreateOnly = true },
            new("name", "Name", FieldKind.Text),
            new("project", "Project", FieldKind.Choice) { OptionsFrom = "projects" },
            new("committed", "Committed date", FieldKind.Date),
            new("status", "Status", FieldKind.Choice) { Options = ItemStatuses },
            new("description", "Description", FieldKind.Area),
        ]),
        ["dependencies"] = ("dependency",
        [
            new("predecessor", "Predecessor (item id)", FieldKind.Text),
            new("successor", "Successor (item id)", FieldKind.Text),
            new("type", "Type", FieldKind.Choice) { Options = ["FS", "SS", "FF", "SF"] },
            new("lag", "Lag", FieldKind.Text, "e.g. 2d, -1d, 3ed (elapsed), 50%"),
        ]),
        ["risks"] = ("risk",
        [
            new("id", "Id", FieldKind.Text, "letters, digits, - _ .") { CreateOnly = true },
            new("title", "Title", FieldKind.Text),
            new("probability", "Probability", FieldKind.Text, "e.g. 30%"),
            new("impact", "Schedule impact", FieldKind.Text, "working time the linked items would slip, e.g. 10d"),
            new("cost-impact", "Cost impact", FieldKind.Number),
            new("owner", "Owner", FieldKind.Choice) { OptionsFrom = "people" },
            new("status", "Status", FieldKind.Choice) { Options = ["open", "mitigating", "occurred", "closed"] },
            new("response", "Response", FieldKind.Choice) { Options = ["avoid", "mitigate", "transfer", "accept"] },
            new("mitigation", "Mitigation", FieldKind.Area),
            new("mitigation-due", "Mitigation due", FieldKind.Date),
            new("trigger", "Trigger", FieldKind.Text),
            new("items", "Threatened items (ids)", FieldKind.List, "comma-separated"),
            new("description", "Description", FieldKind.Area),
        ]),
        ["decisions"] = ("decision",
        [
            new("id", "Id", FieldKind.Text, "letters, digits, - _ .") { CreateOnly = true },
            new("question", "Question", FieldKind.Text),
            new("options", "Options", FieldKind.List, "comma-separated"),
            new("recommendation", "Recommendation", FieldKind.Text),
            new("decider", "Decider", FieldKind.Choice) { OptionsFrom = "people" },
            new("forum", "Forum (id)", FieldKind.Text),
            new("due", "Due", FieldKind.Date),
            new("status", "Status", FieldKind.Choice) { Options = ["open", "decided", "deferred", "cancelled"] },
            new("outcome", "Outcome", FieldKind.Area),
            new("rationale", "Rationale", FieldKind.Area),
            new("decided-on", "Decided on", FieldKind.Date),
            new("blocks", "Blocks (item ids)", FieldKind.List, "comma-separated"),
        ]),
    };

    /// <summary>The body to send: the entity's current fields with the form's fields replaced (those left empty removed).</summary>
    public static JsonObject Body(JsonObject? current, IEnumerable<FieldSpec> fields, Func<string, string?> posted)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(posted);
        var body = current?.DeepClone().AsObject() ?? [];
        body.Remove("version");
        foreach (var field in fields)
        {
            if (posted(field.Name) is not { } text)
            {
                continue;
            }

            if (field.Parse(text) is { } value)
            {
                body[field.Name] = value;
            }
            else
            {
                body.Remove(field.Name);
            }
        }

        return body;
    }

    /// <summary>The fields that differ between two versions of an entity, with their values before and after.</summary>
    public static IEnumerable<(string Field, string Before, string After)> Differences(JsonObject? before, JsonObject? after)
    {
        var names = (before?.Select(p => p.Key) ?? []).Concat(after?.Select(p => p.Key) ?? []).Distinct().Where(n => n != "version");
        foreach (var name in names)
        {
            var was = before?[name]?.ToJsonString() ?? "";
            var now = after?[name]?.ToJsonString() ?? "";
            if (was != now)
            {
                yield return (name, Plain(was), Plain(now));
            }
        }
    }

    private static string Plain(string json) => json.Length >= 2 && json[0] == '"' && json[^1] == '"' ? json[1..^1] : json;
}
