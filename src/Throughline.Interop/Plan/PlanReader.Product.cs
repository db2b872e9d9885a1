using Throughline.Domain;
using Throughline.Domain.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Throughline.Interop.Plan;

// The product and engineering sides: product metrics, technical decision records, metric history, and the problem,
// requirements and prioritisation scores written on projects and items.
public static partial class PlanReader
{
    private sealed partial class Reader
    {
        private static readonly string[] ReadingFields = ["date", "value"];
        private static readonly string[] ProductMetricFields = ["id", "name", "kind", "product", "unit", "baseline", "target", "current", "target-date", "owner", "projects", "history"];
        private static readonly string[] TechDecisionFields = ["id", "title", "status", "date", "author", "context", "decision", "consequences", "supersedes", "items"];
        private static readonly string[] RiceFields = ["reach", "impact", "confidence", "effort"];
        private static readonly string[] WsjfFields = ["value", "time-criticality", "risk-reduction", "job-size"];

        private ProductMetric? ReadProductMetric(YamlMappingNode node, int index)
        {
            var f = new YamlFields(context, node, "a product metric", ProductMetricFields, (EntityKind.ProductMetric, index));
            var id = f.String("id", required: true);
            var name = f.String("name", required: true);
            var kind = f.Enum("kind", ProductWords.MetricKinds);
            var baseline = f.Number("baseline", required: true);
            var target = f.Number("target", required: true);
            if (id is null || name is null || baseline is null || target is null)
            {
                return null;
            }

            return new ProductMetric(new MetricId(id.Trim()), name.Trim(), kind ?? ProductMetricKind.Other, baseline.Value, target.Value)
            {
                Product = Text(f.String("product")),
                Unit = Text(f.String("unit")),
                Current = f.Number("current"),
                TargetDate = f.Date("target-date"),
                Owner = PersonRef(f.String("owner")),
                Projects = f.Ids("projects").Select(p => new ProjectId(p)).ToList(),
                History = ReadHistory(f),
            };
        }

        private TechnicalDecisionRecord? ReadTechDecision(YamlMappingNode node, int index)
        {
            var f = new YamlFields(context, node, "a technical decision record", TechDecisionFields, (EntityKind.TechDecision, index));
            var id = f.String("id", required: true);
            var title = f.String("title", required: true);
            var record = new TechnicalDecisionRecord(new TechDecisionId(id?.Trim() ?? string.Empty), title?.Trim() ?? string.Empty)
            {
                Status = f.Enum("status", ProductWords.TechDecisionStatuses) ?? TechDecisionStatus.Accepted,
                Date = f.Date("date"),
                Author = PersonRef(f.String("author")),
                Context = Text(f.String("context")),
                Outcome = Text(f.String("decision")),
                Consequences = Text(f.String("consequences")),
                Supersedes = Text(f.String("supersedes")) is { } s ? new TechDecisionId(s) : null,
                Items = f.Ids("items").Select(i => new WorkItemId(i)).ToList(),
            };
            return id is null || title is null ? null : record;
        }

        /// <summary>A metric's <c>history</c>: a list of <c>{ date, value }</c>, kept in the order written.</summary>
        private List<MetricReading> ReadHistory(YamlFields f)
        {
            var readings = new List<MetricReading>();
            foreach (var entry in f.List("history"))
            {
                if (Expect<YamlMappingNode>(entry, "a metric reading") is not { } mapping)
                {
                    continue;
                }

                var r = new YamlFields(context, mapping, "a metric reading", ReadingFields);
                var date = r.Date("date", required: true);
                var value = r.Number("value", required: true);
                if (date is not null && value is not null)
                {
                    readings.Add(new MetricReading(date.Value, value.Value));
                }
            }

            return readings;
        }

        private Project WithProduct(Project project, YamlFields f) => project with
        {
            Problem = Text(f.String("problem")),
            Prd = Text(f.String("prd")),
        };

        private WorkItem WithProduct(WorkItem item, YamlFields f) => item with
        {
            Problem = Text(f.String("problem")),
            Prd = Text(f.String("prd")),
            Requirements = ReadRequirements(f),
            Rice = ReadRice(f),
            Wsjf = ReadWsjf(f),
        };

        private List<string> ReadRequirements(YamlFields f)
        {
            var requirements = new List<string>();
            foreach (var node in f.List("requirements"))
            {
                if (node is YamlScalarNode { Value: { } text } && Text(text) is { } requirement)
                {
                    requirements.Add(requirement);
                }
                else if (node is not YamlScalarNode)
                {
                    context.Error(node, DiagnosticCodes.InvalidValue, "requirements: list one sentence per requirement");
                }
            }

            return requirements;
        }

        private RiceScore? ReadRice(YamlFields f)
        {
            if (f.Mapping("rice") is not { } node)
            {
                return null;
            }

            var r = new YamlFields(context, node, "a RICE score", RiceFields);
            var reach = NonNegative(r, "reach", required: true);
            var impact = NonNegative(r, "impact", required: true);
            var confidence = r.Has("confidence") ? r.Percent("confidence") : null;
            if (!r.Has("confidence"))
            {
                context.Error(node, DiagnosticCodes.MissingField, "a RICE score needs 'confidence' (a percentage)");
            }

            var effort = NonNegative(r, "effort", required: false);
            if (effort is 0)
            {
                context.Error(r.Get("effort")!, DiagnosticCodes.InvalidValue, "effort: person-months must be more than 0");
                return null;
            }

            return reach is null || impact is null || confidence is null ? null : new RiceScore(reach.Value, impact.Value, confidence.Value, effort);
        }

        private WsjfScore? ReadWsjf(YamlFields f)
        {
            if (f.Mapping("wsjf") is not { } node)
            {
                return null;
            }

            var w = new YamlFields(context, node, "a WSJF score", WsjfFields);
            var value = NonNegative(w, "value", required: true);
            var time = NonNegative(w, "time-criticality", required: true);
            var risk = NonNegative(w, "risk-reduction", required: false) ?? 0;
            var size = NonNegative(w, "job-size", required: true);
            if (size is 0)
            {
                context.Error(w.Get("job-size")!, DiagnosticCodes.InvalidValue, "job-size: must be more than 0");
                return null;
            }

            return value is null || time is null || size is null ? null : new WsjfScore(value.Value, time.Value, risk, size.Value);
        }

        private double? NonNegative(YamlFields f, string key, bool required)
        {
            var value = f.Number(key, required);
            if (value is < 0)
            {
                context.Error(f.Get(key)!, DiagnosticCodes.InvalidValue, $"{key}: must not be negative");
                return null;
            }

            return value;
        }
    }
}

/// <summary>The words the plan format uses for the product and engineering enums, both ways.</summary>
internal static class ProductWords
{
    public static readonly IReadOnlyDictionary<string, ProductMetricKind> MetricKinds = new Dictionary<string, ProductMetricKind>
    {
        ["adoption"] = ProductMetricKind.Adoption,
        ["retention"] = ProductMetricKind.Retention,
        ["revenue"] = ProductMetricKind.Revenue,
        ["engagement"] = ProductMetricKind.Engagement,
        ["satisfaction"] = ProductMetricKind.Satisfaction,
        ["other"] = ProductMetricKind.Other,
    };

    public static readonly IReadOnlyDictionary<string, TechDecisionStatus> TechDecisionStatuses = new Dictionary<string, TechDecisionStatus>
    {
        ["proposed"] = TechDecisionStatus.Proposed,
        ["accepted"] = TechDecisionStatus.Accepted,
        ["rejected"] = TechDecisionStatus.Rejected,
        ["superseded"] = TechDecisionStatus.Superseded,
        ["deprecated"] = TechDecisionStatus.Deprecated,
    };
}
