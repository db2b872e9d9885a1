using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Throughline.Storage.Plans;

/// <summary>
/// Converts between plan YAML nodes and JSON. Plan fields are the same in both: a plain YAML scalar that reads as a
/// boolean or a number becomes a JSON boolean or number, everything else a string; JSON nulls are left out (a plan
/// omits what is not set). The plan reader parses every value from its text, so the round trip keeps meaning.
/// </summary>
public static partial class YamlJson
{
    public static JsonNode? ToJson(YamlNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (key, value) in mapping.Children)
                {
                    obj[((YamlScalarNode)key).Value ?? ""] = ToJson(value);
                }

                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                foreach (var item in sequence.Children)
                {
                    array.Add(ToJson(item));
                }

                return array;
            case YamlScalarNode { Value: var text, Style: var style }:
                if (text is null)
                {
                    return null;
                }

                if (style is ScalarStyle.Plain or ScalarStyle.Any)
                {
                    if (text is "true" or "false")
                    {
                        return JsonValue.Create(text == "true");
                    }

                    if (text is "~" or "null" or "")
                    {
                        return null;
                    }

                    if (NumberPattern().IsMatch(text))
                    {
                        return JsonNode.Parse(text);
                    }
                }

                return JsonValue.Create(text);
            default:
                throw new ArgumentException($"unsupported YAML node {node.NodeType}", nameof(node));
        }
    }

    public static YamlNode ToYaml(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        switch (node)
        {
            case JsonObject obj:
                var mapping = new YamlMappingNode();
                foreach (var (key, value) in obj)
                {
                    if (value is not null)
                    {
                        mapping.Add(new YamlScalarNode(key), ToYaml(value));
                    }
                }

                return mapping;
            case JsonArray array:
                var sequence = new YamlSequenceNode();
                foreach (var item in array)
                {
                    sequence.Add(item is null ? new YamlScalarNode("~") : ToYaml(item));
                }

                return sequence;
            default:
                var element = node.AsValue();
                if (element.TryGetValue<string>(out var text))
                {
                    return new YamlScalarNode(text) { Style = ScalarStyle.DoubleQuoted };
                }

                if (element.TryGetValue<bool>(out var flag))
                {
                    return new YamlScalarNode(flag ? "true" : "false");
                }

                return new YamlScalarNode(Convert.ToString(node.ToJsonString(), CultureInfo.InvariantCulture));
        }
    }

    /// <summary>A JSON object's text, or <c>{}</c>.</summary>
    public static JsonObject ParseObject(string json) => JsonNode.Parse(json) as JsonObject ?? [];

    // Numbers as a person writes them: no leading zeros (an id "007" stays a string), an optional fraction.
    [GeneratedRegex(@"^-?(0|[1-9][0-9]{0,14})(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
