using Throughline.Domain;

namespace Throughline.Reports.Changes;

/// <summary>The input changes between two revisions of a plan that can move a date, each with the items it touches.</summary>
internal static class InputChanges
{
    public static IReadOnlyList<InputChange> Between(Program old, Program @new)
    {
        var units = @new.Units;
        var oldItems = old.WorkItems.GroupBy(i => i.Id).ToDictionary(g => g.Key, g => g.First());
        var newItems = @new.WorkItems.GroupBy(i => i.Id).ToDictionary(g => g.Key, g => g.First());
        var changes = new List<InputChange>();
        foreach (var (id, item) in newItems)
        {
            if (!oldItems.TryGetValue(id, out var was))
            {
                changes.Add(new InputChange($"new item {id}", [id]));
                continue;
            }

            if (was.Estimate?.MostLikely != item.Estimate?.MostLikely)
            {
                changes.Add(new InputChange($"estimate {Duration(was.Estimate, units)} → {Duration(item.Estimate, units)} on {id}", [id]));
            }

            if (was.Constraint != item.Constraint)
            {
                changes.Add(new InputChange($"constraint changed on {id}", [id]));
            }

            if (was.Progress != item.Progress || was.Status != item.Status)
            {
                changes.Add(new InputChange($"progress reported on {id}", [id]));
            }

            if (was.Committed != item.Committed)
            {
                changes.Add(new InputChange($"committed date {Date(was.Committed)} → {Date(item.Committed)} on {id}", [id]));
            }
        }

        foreach (var id in oldItems.Keys.Where(k => !newItems.ContainsKey(k)))
        {
            changes.Add(new InputChange($"removed item {id}", [id]));
        }

        static string Key(Dependency d) => $"{d.Predecessor} -> {d.Successor} {d.Type} {d.Lag}";
        var oldLinks = old.Dependencies.Select(Key).ToHashSet(StringComparer.Ordinal);
        var newLinks = @new.Dependencies.Select(Key).ToHashSet(StringComparer.Ordinal);
        changes.AddRange(@new.Dependencies.Where(d => !oldLinks.Contains(Key(d))).Select(d => new InputChange($"new link {d.Predecessor} → {d.Successor}", [d.Predecessor, d.Successor])));
        changes.AddRange(old.Dependencies.Where(d => !newLinks.Contains(Key(d))).Select(d => new InputChange($"link removed {d.Predecessor} → {d.Successor}", [d.Predecessor, d.Successor])));

        var oldDecisions = old.Decisions.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.First());
        foreach (var decision in @new.Decisions.DistinctBy(d => d.Id))
        {
            var gated = decision.Blocks.Concat(@new.WorkItems.Where(i => i.WaitsOn.Contains(decision.Id)).Select(i => i.Id)).Distinct().ToList();
            if (!oldDecisions.TryGetValue(decision.Id, out var was))
            {
                changes.Add(new InputChange($"new decision {decision.Id}", gated));
                continue;
            }

            if (was.Due != decision.Due)
            {
                changes.Add(new InputChange($"decision {decision.Id} due {Date(was.Due)} → {Date(decision.Due)}", gated));
            }

            if (was.Status != decision.Status || was.DecidedOn != decision.DecidedOn)
            {
                changes.Add(new InputChange($"decision {decision.Id} {was.Status.ToString().ToLowerInvariant()} → {decision.Status.ToString().ToLowerInvariant()}", gated));
            }
        }

        var oldRisks = old.Risks.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First());
        foreach (var risk in @new.Risks.DistinctBy(r => r.Id))
        {
            if (!oldRisks.TryGetValue(risk.Id, out var was) || was.Probability != risk.Probability || was.ScheduleImpact != risk.ScheduleImpact || was.Status != risk.Status)
            {
                changes.Add(new InputChange(was is null ? $"new risk {risk.Id}" : $"risk {risk.Id} changed", risk.LinkedItems));
            }
        }

        return changes;
    }

    private static string Duration(Estimate? estimate, WorkTimeUnits units) => estimate is null ? "none" : estimate.MostLikely.Format(units);

    private static string Date(DateOnly? date) => date is { } d ? ReportFormat.Date(d) : "none";
}
