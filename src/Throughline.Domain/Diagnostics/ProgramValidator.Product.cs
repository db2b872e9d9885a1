namespace Throughline.Domain.Diagnostics;

// Product metrics and technical decision records: unique ids, and references that resolve.
public static partial class ProgramValidator
{
    private sealed partial class Context
    {
        public void CheckProductAndEngineering()
        {
            Duplicates(EntityKind.ProductMetric, program.ProductMetrics.Select(m => m.Id.Value), "product metric");
            Duplicates(EntityKind.TechDecision, program.TechDecisions.Select(d => d.Id.Value), "technical decision record");
            var records = program.TechDecisions.Select(d => d.Id.Value).ToHashSet(StringComparer.Ordinal);
            for (var i = 0; i < program.ProductMetrics.Count; i++)
            {
                var metric = program.ProductMetrics[i];
                Person(metric.Owner, EntityKind.ProductMetric, i, "owner");
                foreach (var project in metric.Projects)
                {
                    Reference(project.Value, projects, "project", EntityKind.ProductMetric, i, "projects");
                }
            }

            for (var i = 0; i < program.TechDecisions.Count; i++)
            {
                var record = program.TechDecisions[i];
                Person(record.Author, EntityKind.TechDecision, i, "author");
                Reference(record.Supersedes?.Value, records, "technical decision record", EntityKind.TechDecision, i, "supersedes");
                foreach (var item in record.Items)
                {
                    Reference(item.Value, itemIndex.Keys, "work item", EntityKind.TechDecision, i, "items");
                }
            }
        }
    }
}
