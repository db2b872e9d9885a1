using Throughline.Domain;
using YamlDotNet.RepresentationModel;

namespace Throughline.Interop.Plan;

// The product and engineering fields: product metrics, technical decision records, metric history, and the problem,
// requirements and prioritisation scores on items.
public static partial class PlanWriter
{
    private static YamlMappingNode ReadingNode(MetricReading reading)
    {
        var node = new YamlMappingNode { Style = YamlDotNet.Core.Events.MappingStyle.Flow };
        Add(node, "date", PlanValues.FormatDate(reading.Date));
        Add(node, "value", PlanValues.FormatNumber(reading.Value));
        return node;
    }

    private static YamlMappingNode ProductMetricNode(ProductMetric metric)
    {
        var node = new YamlMappingNode();
        Add(node, "id", metric.Id.Value);
        Add(node, "name", metric.Name);
        Add(node, "kind", PlanWords.Word(ProductWords.MetricKinds, metric.Kind));
        Add(node, "product", metric.Product);
        Add(node, "unit", metric.Unit);
        Add(node, "baseline", PlanValues.FormatNumber(metric.Baseline));
        Add(node, "target", PlanValues.FormatNumber(metric.Target));
        Add(node, "current", metric.Current is { } c ? PlanValues.FormatNumber(c) : null);
        Add(node, "target-date", metric.TargetDate is { } d ? PlanValues.FormatDate(d) : null);
        Add(node, "owner", metric.Owner?.Value);
        AddIds(node, "projects", metric.Projects.Select(p => p.Value));
        AddList(node, "history", metric.History.Select(ReadingNode));
        return node;
    }

    private static YamlMappingNode TechDecisionNode(TechnicalDecisionRecord record)
    {
        var node = new YamlMappingNode();
        Add(node, "id", record.Id.Value);
        Add(node, "title", record.Title);
        Add(node, "status", PlanWords.Word(ProductWords.TechDecisionStatuses, record.Status));
        Add(node, "date", record.Date is { } d ? PlanValues.FormatDate(d) : null);
        Add(node, "author", record.Author?.Value);
        Add(node, "context", record.Context);
        Add(node, "decision", record.Outcome);
        Add(node, "consequences", record.Consequences);
        Add(node, "supersedes", record.Supersedes?.Value);
        AddIds(node, "items", record.Items.Select(i => i.Value));
        return node;
    }

    private static void AddProduct(YamlMappingNode node, WorkItem item)
    {
        Add(node, "problem", item.Problem);
        Add(node, "prd", item.Prd);
        AddList(node, "requirements", item.Requirements.Select(r => new YamlScalarNode(r)));
        if (item.Rice is { } rice)
        {
            var r = new YamlMappingNode { Style = YamlDotNet.Core.Events.MappingStyle.Flow };
            Add(r, "reach", PlanValues.FormatNumber(rice.Reach));
            Add(r, "impact", PlanValues.FormatNumber(rice.Impact));
            Add(r, "confidence", Percent(rice.Confidence));
            Add(r, "effort", rice.Effort is { } e ? PlanValues.FormatNumber(e) : null);
            node.Add("rice", r);
        }

        if (item.Wsjf is { } wsjf)
        {
            var w = new YamlMappingNode { Style = YamlDotNet.Core.Events.MappingStyle.Flow };
            Add(w, "value", PlanValues.FormatNumber(wsjf.BusinessValue));
            Add(w, "time-criticality", PlanValues.FormatNumber(wsjf.TimeCriticality));
            Add(w, "risk-reduction", PlanValues.FormatNumber(wsjf.RiskReduction));
            Add(w, "job-size", PlanValues.FormatNumber(wsjf.JobSize));
            node.Add("wsjf", w);
        }
    }
}
