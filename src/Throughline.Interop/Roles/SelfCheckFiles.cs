using Throughline.Domain;
using Throughline.Domain.Diagnostics;
using Throughline.Domain.Roles;
using Throughline.Interop.Plan;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Throughline.Interop.Roles;

/// <summary>A self-check file read: the value when it could be read, and every problem found, with its location.</summary>
public sealed record SelfCheckReadResult<T>(T? Value, IReadOnlyList<Diagnostic> Diagnostics)
    where T : class
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

/// <summary>
/// Reads the role self-check's data files: the lexicon (statements and activities, see
/// <c>role-self-check.yaml</c>, built in as <see cref="DefaultLexicon"/>) and a person's answers (see
/// <c>examples/role-answers.yaml</c>). Problems are diagnostics with line and column, as for plan files.
/// </summary>
public static class SelfCheckFiles
{
    /// <summary>Where the built-in lexicon lives in the source tree, for people who want to edit a copy.</summary>
    public const string DefaultLexiconPath = "src/Throughline.Interop/Roles/role-self-check.yaml";

    private const string ResourceName = "Throughline.Interop.Roles.role-self-check.yaml";

    private static readonly string[] LexiconFields = ["statements", "activities"];
    private static readonly string[] StatementFields = ["id", "text", "weights"];
    private static readonly string[] ActivityFields = ["id", "text", "keywords", "weights"];
    private static readonly string[] WeightFields = ["pm", "em", "tpm"];
    private static readonly string[] AnswerFields = ["name", "statements", "activities"];
    private static readonly string[] ActivityAnswerFields = ["text", "energising"];

    private static readonly Dictionary<string, FunctionalRole> Roles = new(StringComparer.Ordinal)
    {
        ["pm"] = FunctionalRole.ProductManager,
        ["em"] = FunctionalRole.EngineeringManager,
        ["tpm"] = FunctionalRole.ProgramManager,
    };

    /// <summary>The lexicon built into tl (the file at <see cref="DefaultLexiconPath"/>).</summary>
    public static SelfCheckLexicon DefaultLexicon()
    {
        using var stream = typeof(SelfCheckFiles).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"resource {ResourceName} is missing from the build");
        using var reader = new StreamReader(stream);
        var result = ReadLexicon(reader.ReadToEnd(), DefaultLexiconPath);
        return result.Value is { } lexicon && !result.HasErrors
            ? lexicon
            : throw new InvalidOperationException("the built-in lexicon has errors: " + string.Join("; ", result.Diagnostics));
    }

    public static SelfCheckReadResult<SelfCheckLexicon> ReadLexicon(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var context = new ReadContext(fileName);
        if (Load(text, context) is not { } root)
        {
            return new(null, context.Diagnostics);
        }

        var f = new YamlFields(context, root, "the self-check lexicon", LexiconFields);
        var statements = new List<SelfCheckStatement>();
        foreach (var node in Mappings(context, f, "statements"))
        {
            var s = new YamlFields(context, node, "a statement", StatementFields);
            var id = s.String("id", required: true)?.Trim();
            var statementText = s.String("text", required: true)?.Trim();
            var weights = Weights(context, s, node);
            if (id is not null && statementText is not null)
            {
                Unique(context, statements.Select(x => x.Id), id, s.Get("id")!, "statement");
                statements.Add(new SelfCheckStatement(id, statementText, weights));
            }
        }

        var activities = new List<LexiconActivity>();
        foreach (var node in Mappings(context, f, "activities"))
        {
            var a = new YamlFields(context, node, "an activity", ActivityFields);
            var id = a.String("id", required: true)?.Trim();
            var activityText = a.String("text", required: true)?.Trim();
            var keywords = a.Ids("keywords");
            var weights = Weights(context, a, node);
            if (id is not null && activityText is not null)
            {
                Unique(context, activities.Select(x => x.Id), id, a.Get("id")!, "activity");
                activities.Add(new LexiconActivity(id, activityText, keywords, weights));
            }
        }

        return new(new SelfCheckLexicon(statements, activities), context.Diagnostics);
    }

    public static SelfCheckReadResult<SelfCheckAnswers> ReadAnswersFile(string path, SelfCheckLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return ReadAnswers(File.ReadAllText(path), path, lexicon);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new(null, [new Diagnostic(Severity.Error, DiagnosticCodes.Syntax, $"cannot read {path}: {e.Message}") { Location = new SourceLocation(path, 1, 1) }]);
        }
    }

    public static SelfCheckReadResult<SelfCheckAnswers> ReadAnswers(string text, string fileName, SelfCheckLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(lexicon);
        var context = new ReadContext(fileName);
        if (Load(text, context) is not { } root)
        {
            return new(null, context.Diagnostics);
        }

        var f = new YamlFields(context, root, "the answers", AnswerFields);
        var ratings = new Dictionary<string, int>(StringComparer.Ordinal);
        var known = lexicon.Statements.Select(s => s.Id).ToList();
        if (f.Mapping("statements") is { } statements)
        {
            foreach (var (keyNode, valueNode) in statements.Children)
            {
                var id = (keyNode as YamlScalarNode)?.Value?.Trim() ?? string.Empty;
                if (!known.Contains(id, StringComparer.Ordinal))
                {
                    var suggestion = Suggestions.Closest(id, known);
                    context.Error(keyNode, DiagnosticCodes.UndefinedReference, $"no statement '{id}' in the lexicon{(suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?")}");
                    continue;
                }

                if (valueNode is YamlScalarNode { Value: { } value } && int.TryParse(value.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var rating) && rating is >= 1 and <= 5)
                {
                    ratings[id] = rating;
                }
                else
                {
                    context.Error(valueNode, DiagnosticCodes.InvalidValue, $"{id}: rate each statement with a whole number from 1 (drains me) to 5 (energises me)");
                }
            }
        }
        else if (!f.Has("statements"))
        {
            context.Error(root, DiagnosticCodes.MissingField, "the answers need 'statements': each statement id with a rating from 1 to 5");
        }

        var activities = new List<ActivityAnswer>();
        foreach (var node in f.List("activities"))
        {
            switch (node)
            {
                case YamlScalarNode { Value: { } activity } when activity.Trim().Length > 0:
                    activities.Add(new ActivityAnswer(activity.Trim(), Energising: false));
                    break;
                case YamlMappingNode mapping:
                    var a = new YamlFields(context, mapping, "an activity", ActivityAnswerFields);
                    if (a.String("text", required: true)?.Trim() is { Length: > 0 } activityText)
                    {
                        activities.Add(new ActivityAnswer(activityText, a.Boolean("energising") ?? false));
                    }

                    break;
                default:
                    context.Error(node, DiagnosticCodes.InvalidValue, "activities: each is a line of text, or { text, energising: true }");
                    break;
            }
        }

        var name = f.String("name")?.Trim();
        return new(new SelfCheckAnswers(ratings, activities) { Name = string.IsNullOrEmpty(name) ? null : name }, context.Diagnostics);
    }

    /// <summary>Writes answers in the format <see cref="ReadAnswers"/> reads, so that an interactive run can be kept and run again.</summary>
    public static string WriteAnswers(SelfCheckAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var root = new YamlMappingNode();
        if (answers.Name is { } name)
        {
            root.Add("name", name);
        }

        var statements = new YamlMappingNode();
        foreach (var (id, rating) in answers.Ratings)
        {
            statements.Add(id, rating.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        root.Add("statements", statements);
        var activities = new YamlSequenceNode();
        foreach (var activity in answers.Activities)
        {
            var node = new YamlMappingNode { { "text", activity.Text } };
            if (activity.Energising)
            {
                node.Add("energising", "true");
            }

            activities.Add(node);
        }

        root.Add("activities", activities);
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        var text = writer.ToString();
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    private static YamlMappingNode? Load(string text, ReadContext context)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root)
            {
                return root;
            }

            context.Diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.Syntax, "expected a YAML mapping") { Location = new SourceLocation(context.File, 1, 1) });
        }
        catch (YamlException e)
        {
            context.Diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.Syntax, "YAML: " + (e.InnerException ?? e).Message) { Location = context.Locate(e.Start) });
        }

        return null;
    }

    private static IEnumerable<YamlMappingNode> Mappings(ReadContext context, YamlFields f, string key)
    {
        foreach (var node in f.List(key))
        {
            if (node is YamlMappingNode mapping)
            {
                yield return mapping;
            }
            else
            {
                context.Error(node, DiagnosticCodes.InvalidValue, $"each entry of '{key}' is a mapping of fields");
            }
        }
    }

    private static Dictionary<FunctionalRole, double> Weights(ReadContext context, YamlFields owner, YamlMappingNode node)
    {
        var weights = new Dictionary<FunctionalRole, double>();
        if (owner.Mapping("weights") is not { } mapping)
        {
            context.Error(node, DiagnosticCodes.MissingField, $"{owner.What} needs 'weights', e.g. {{ pm: 1 }} (roles pm, em, tpm)");
            return weights;
        }

        var w = new YamlFields(context, mapping, "weights", WeightFields);
        foreach (var (key, role) in Roles)
        {
            if (w.Number(key) is { } weight)
            {
                if (weight < 0)
                {
                    context.Error(w.Get(key)!, DiagnosticCodes.InvalidValue, $"{key}: a weight is 0 or more");
                    continue;
                }

                weights[role] = weight;
            }
        }

        return weights;
    }

    private static void Unique(ReadContext context, IEnumerable<string> ids, string id, YamlNode node, string noun)
    {
        if (ids.Contains(id, StringComparer.Ordinal))
        {
            context.Error(node, DiagnosticCodes.DuplicateId, $"duplicate {noun} id '{id}'");
        }
    }
}
