using Throughline.Domain;
using Throughline.Domain.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Throughline.Interop.Plan;

/// <summary>
/// Reading state shared by the whole file: the file name for locations, the diagnostics found so far, the program's
/// units and currency once known. Every problem is recorded and reading goes on, so that one run reports them all.
/// </summary>
internal sealed class ReadContext(string file)
{
    public string File { get; } = file;

    public List<Diagnostic> Diagnostics { get; } = [];

    public PlanSourceMap SourceMap { get; } = new(file);

    public WorkTimeUnits Units { get; set; } = WorkTimeUnits.Standard;

    public string Currency { get; set; } = "USD";

    public SourceLocation Locate(YamlNode node) => Locate(node.Start);

    public SourceLocation Locate(Mark mark) => new(File, (int)mark.Line, (int)mark.Column);

    public void Error(YamlNode node, string code, string message) =>
        Diagnostics.Add(new Diagnostic(Severity.Error, code, message) { Location = Locate(node) });

    public void Warning(YamlNode node, string code, string message) =>
        Diagnostics.Add(new Diagnostic(Severity.Warning, code, message) { Location = Locate(node) });
}

/// <summary>
/// One YAML mapping read against the fields it may have: unknown keys are reported (with the closest known name),
/// and typed accessors report values of the wrong form with the value's own line and column.
/// </summary>
internal sealed class YamlFields
{
    private readonly ReadContext context;
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> values = new(StringComparer.Ordinal);
    private readonly (EntityKind Kind, int Index)? entity;

    public YamlFields(ReadContext context, YamlMappingNode node, string what, IReadOnlyCollection<string> known, (EntityKind Kind, int Index)? entity = null)
    {
        this.context = context;
        this.entity = entity;
        Node = node;
        What = what;
        foreach (var (keyNode, value) in node.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } scalarKey)
            {
                context.Error(keyNode, DiagnosticCodes.InvalidValue, $"{what}: keys are plain names");
                continue;
            }

            if (!known.Contains(key))
            {
                var suggestion = Suggestions.Closest(key, known);
                var hint = suggestion is null ? $"; {what} has: {string.Join(", ", known)}" : $"; did you mean '{suggestion}'?";
                context.Error(keyNode, DiagnosticCodes.UnknownField, $"unknown field '{key}' in {what}{hint}");
                continue;
            }

            values[key] = (scalarKey, value);
            if (entity is { } e)
            {
                context.SourceMap.AddField(e.Kind, e.Index, key, context.Locate(value));
            }
        }

        if (entity is { } owner)
        {
            context.SourceMap.AddEntity(owner.Kind, owner.Index, context.Locate(node));
        }
    }

    public YamlMappingNode Node { get; }

    public string What { get; }

    public bool Has(string key) => values.ContainsKey(key);

    public YamlNode? Get(string key) => values.TryGetValue(key, out var entry) ? entry.Value : null;

    /// <summary>A scalar's text; reports a missing required field or a value that is not a scalar.</summary>
    public string? String(string key, bool required = false)
    {
        if (!values.TryGetValue(key, out var entry))
        {
            if (required)
            {
                context.Error(Node, DiagnosticCodes.MissingField, $"{What} needs '{key}'");
            }

            return null;
        }

        if (entry.Value is YamlScalarNode scalar)
        {
            var text = scalar.Value ?? string.Empty;
            if (required && text.Trim().Length == 0)
            {
                context.Error(entry.Value, DiagnosticCodes.MissingField, $"{What} needs a value for '{key}'");
                return null;
            }

            return text;
        }

        context.Error(entry.Value, DiagnosticCodes.InvalidValue, $"'{key}' in {What} takes a single value, not a {Shape(entry.Value)}");
        return null;
    }

    /// <summary>Reads a scalar with a parser that returns null and an error message for bad text.</summary>
    public T? Parse<T>(string key, ParseFunc<T> parse, string code, bool required = false)
        where T : struct
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        var value = parse(text, out var error);
        if (value is null)
        {
            context.Error(values[key].Value, code, $"{key}: {error}");
        }

        return value;
    }

    public T? ParseClass<T>(string key, ParseClassFunc<T> parse, string code)
        where T : class
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }

        var value = parse(text, out var error);
        if (value is null)
        {
            context.Error(values[key].Value, code, $"{key}: {error}");
        }

        return value;
    }

    public DateOnly? Date(string key, bool required = false)
    {
        var date = Parse(key, PlanValues.Date, DiagnosticCodes.InvalidDate, required);
        WarnIfFar(key, date?.Year);
        return date;
    }

    public DateTime? DateTime(string key, bool endOfDay)
    {
        var value = Parse(key, (string t, out string? e) => PlanValues.DateTime(t, endOfDay, out e), DiagnosticCodes.InvalidDate);
        WarnIfFar(key, value?.Year);
        return value;
    }

    public WorkDuration? Duration(string key) =>
        Parse(key, (string t, out string? e) => PlanValues.WorkDuration(t, context.Units, out e), DiagnosticCodes.InvalidDuration);

    public double? Percent(string key) => Parse<double>(key, (string t, out string? e) => PlanValues.Percent(t, out e), DiagnosticCodes.InvalidValue);

    public double? Number(string key, bool required = false) => Parse<double>(key, PlanValues.Number, DiagnosticCodes.InvalidValue, required);

    public Money? Money(string key) => Parse(key, (string t, out string? e) => PlanValues.Money(t, context.Currency, out e), DiagnosticCodes.InvalidValue);

    public bool? Boolean(string key) => Parse<bool>(key, PlanValues.Boolean, DiagnosticCodes.InvalidValue);

    /// <summary>A date after 2100 reads, but is almost always a slip of the keyboard (2207 for 2027).</summary>
    private void WarnIfFar(string key, int? year)
    {
        if (year > 2100)
        {
            context.Warning(values[key].Value, DiagnosticCodes.FarFutureDate, $"{key}: the year {year} is after 2100; check the date");
        }
    }

    /// <summary>An enum value written in kebab case ("in-progress"), with the accepted words in the message.</summary>
    public TEnum? Enum<TEnum>(string key, IReadOnlyDictionary<string, TEnum> words)
        where TEnum : struct, Enum
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }

        if (words.TryGetValue(text.Trim().ToLowerInvariant(), out var value))
        {
            return value;
        }

        var suggestion = Suggestions.Closest(text.Trim(), words.Keys);
        var hint = suggestion is null ? string.Empty : $"did you mean '{suggestion}'? ";
        context.Error(values[key].Value, DiagnosticCodes.InvalidValue, $"{key}: '{text}' is not one of {string.Join(", ", words.Keys)}; {hint}".TrimEnd(' ', ';'));
        return null;
    }

    /// <summary>The items of a sequence field (a single scalar counts as a one-item list); empty when absent.</summary>
    public IReadOnlyList<YamlNode> List(string key)
    {
        var node = Get(key);
        switch (node)
        {
            case null:
                return [];
            case YamlSequenceNode sequence:
                return sequence.Children.ToList();
            case YamlScalarNode { Value: { Length: > 0 } }:
                return [node];
            case YamlScalarNode:
                return [];
            default:
                context.Error(node, DiagnosticCodes.InvalidValue, $"'{key}' in {What} takes a list");
                return [];
        }
    }

    /// <summary>A list of ids; non-scalar entries are reported.</summary>
    public IReadOnlyList<string> Ids(string key)
    {
        var ids = new List<string>();
        foreach (var item in List(key))
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } id })
            {
                ids.Add(id.Trim());
            }
            else
            {
                context.Error(item, DiagnosticCodes.InvalidValue, $"'{key}' in {What} lists ids");
            }
        }

        return ids;
    }

    public YamlMappingNode? Mapping(string key)
    {
        var node = Get(key);
        if (node is null or YamlMappingNode)
        {
            return (YamlMappingNode?)node;
        }

        context.Error(node, DiagnosticCodes.InvalidValue, $"'{key}' in {What} takes a mapping of names to values");
        return null;
    }

    public static string Shape(YamlNode node) => node switch
    {
        YamlSequenceNode => "list",
        YamlMappingNode => "mapping",
        _ => "value",
    };
}

internal delegate T? ParseFunc<T>(string text, out string? error)
    where T : struct;

internal delegate T? ParseClassFunc<T>(string text, out string? error)
    where T : class;
