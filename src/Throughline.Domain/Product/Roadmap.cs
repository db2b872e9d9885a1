namespace Throughline.Domain.Product;

/// <summary>The three horizons of a now / next / later roadmap.</summary>
public enum RoadmapHorizon
{
    /// <summary>Started: the item, or something inside it, is in progress or done.</summary>
    Now,

    /// <summary>Not started, and nothing it waits on outside itself is still to start: it can begin next.</summary>
    Next,

    /// <summary>Waits on work that has not started yet, or on an open decision.</summary>
    Later,
}

/// <summary>A roadmap line: a top-level item of a project, its horizon, and its date where the plan has one.</summary>
public sealed record RoadmapEntry(ProjectId Project, WorkItemId Item, string Name, RoadmapHorizon Horizon)
{
    /// <summary>The committed date (or deadline) of the item, or the latest one inside it.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The date has passed and the work is not done.</summary>
    public bool Overdue { get; init; }

    /// <summary>Why the entry sits in its horizon ("in progress", "waits on data-prod-cluster").</summary>
    public string Reason { get; init; } = string.Empty;
}

/// <summary>
/// A now / next / later roadmap generated from the plan: one entry per top-level item of each project (the epics, and
/// milestones written at the top), done ones left out. It reads statuses and dependencies only, so it needs no
/// schedule; <c>today</c> decides only what is overdue.
/// </summary>
public static class Roadmap
{
    public static IReadOnlyList<RoadmapEntry> Build(Program program, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(program);
        var byId = program.WorkItems.GroupBy(i => i.Id).ToDictionary(g => g.Key, g => g.First());
        var children = program.WorkItems.Where(i => i.Parent is not null).ToLookup(i => i.Parent!.Value);
        var predecessors = program.Dependencies.ToLookup(d => d.Successor, d => d.Predecessor);
        var openDecisions = program.Decisions.Where(d => d.Status == DecisionStatus.Open).Select(d => d.Id).ToHashSet();
        var entries = new List<RoadmapEntry>();
        foreach (var project in program.Projects)
        {
            foreach (var top in program.WorkItems.Where(i => i.Project == project.Id && i.Parent is null))
            {
                var subtree = Subtree(top, children);
                var leaves = subtree.Where(i => !children[i.Id].Any()).ToList();
                if (leaves.All(i => i.Status is WorkItemStatus.Done or WorkItemStatus.Cancelled))
                {
                    continue;
                }

                var inside = subtree.Select(i => i.Id).ToHashSet();
                var date = subtree.Select(i => i.Committed ?? (i.Deadline is { } d ? DateOnly.FromDateTime(d) : null)).OfType<DateOnly>().DefaultIfEmpty().Max();
                DateOnly? dated = date == default ? null : date;
                var (horizon, reason) = Place(subtree, inside, predecessors, byId, openDecisions);
                entries.Add(new RoadmapEntry(project.Id, top.Id, top.Name, horizon)
                {
                    Date = dated,
                    Overdue = dated is { } due && due < today,
                    Reason = reason,
                });
            }
        }

        return entries
            .OrderBy(e => e.Horizon)
            .ThenBy(e => e.Date ?? DateOnly.MaxValue)
            .ThenBy(e => e.Project.Value, StringComparer.Ordinal)
            .ThenBy(e => e.Item.Value, StringComparer.Ordinal)
            .ToList();
    }

    private static (RoadmapHorizon, string) Place(List<WorkItem> subtree, HashSet<WorkItemId> inside, ILookup<WorkItemId, WorkItemId> predecessors, Dictionary<WorkItemId, WorkItem> byId, HashSet<DecisionId> openDecisions)
    {
        if (subtree.Any(i => i.Status is WorkItemStatus.InProgress or WorkItemStatus.Blocked or WorkItemStatus.Done || i.Progress.ActualStart is not null))
        {
            return (RoadmapHorizon.Now, subtree.Any(i => i.Status == WorkItemStatus.Blocked) ? "started; something in it is blocked" : "started");
        }

        var waiting = subtree
            .SelectMany(i => predecessors[i.Id])
            .Where(p => !inside.Contains(p) && byId.TryGetValue(p, out var pred) && pred.Status == WorkItemStatus.NotStarted && pred.Progress.ActualStart is null)
            .Distinct()
            .OrderBy(x => x.Value, StringComparer.Ordinal)
            .ToList();
        var decisions = subtree.SelectMany(i => i.WaitsOn).Where(openDecisions.Contains).Distinct().OrderBy(x => x.Value, StringComparer.Ordinal).ToList();
        if (waiting.Count == 0 && decisions.Count == 0)
        {
            return (RoadmapHorizon.Next, "ready: everything it waits on has started");
        }

        var reasons = new List<string>();
        if (waiting.Count > 0)
        {
            reasons.Add($"waits on {Few(waiting.Select(w => w.Value))} (not started)");
        }

        if (decisions.Count > 0)
        {
            reasons.Add($"waits on open decision {Few(decisions.Select(d => d.Value))}");
        }

        return (RoadmapHorizon.Later, string.Join("; ", reasons));
    }

    private static string Few(IEnumerable<string> ids)
    {
        var list = ids.ToList();
        return list.Count <= 3 ? string.Join(", ", list) : $"{string.Join(", ", list.Take(3))} and {list.Count - 3} more";
    }

    private static List<WorkItem> Subtree(WorkItem root, ILookup<WorkItemId, WorkItem> children)
    {
        var result = new List<WorkItem>();
        var stack = new Stack<WorkItem>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var item = stack.Pop();
            result.Add(item);
            foreach (var child in children[item.Id].Reverse())
            {
                stack.Push(child);
            }
        }

        return result;
    }
}
