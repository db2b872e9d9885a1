namespace Throughline.Domain.Risks;

/// <summary>
/// Which projects' commitments a risk can reach: a project is reached when one of the risk's linked items lies on the
/// dependency paths leading to one of that project's committed items (the committed item itself included). A risk
/// that reaches more than one project is systemic: no single project team owns it.
/// </summary>
/// <remarks>
/// "On the path" follows dependency links backwards from each committed item, into the children of summaries (a
/// summary finishes when its children do) and to the predecessors of an item's parents (a summary's links hold its
/// children back).
/// </remarks>
public static class CrossProjectRisks
{
    /// <summary>For each risk of the program, the projects it reaches, in project order.</summary>
    public static IReadOnlyDictionary<RiskId, IReadOnlyList<ProjectId>> ProjectsReached(Program program)
    {
        ArgumentNullException.ThrowIfNull(program);
        var byId = new Dictionary<WorkItemId, WorkItem>();
        foreach (var item in program.WorkItems)
        {
            byId.TryAdd(item.Id, item);
        }

        var predecessors = program.Dependencies.ToLookup(d => d.Successor, d => d.Predecessor);
        var children = program.WorkItems.Where(i => i.Parent is not null).ToLookup(i => i.Parent!.Value, i => i.Id);

        // For each item, the projects whose committed items it leads to.
        var reaches = new Dictionary<WorkItemId, HashSet<ProjectId>>();
        foreach (var committed in program.WorkItems.Where(i => i.Committed is not null))
        {
            foreach (var upstream in Upstream(committed.Id, byId, predecessors, children))
            {
                if (!reaches.TryGetValue(upstream, out var projects))
                {
                    reaches[upstream] = projects = [];
                }

                projects.Add(committed.Project);
            }
        }

        var order = program.Projects.Select((p, i) => (p.Id, i)).GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.First().i);
        var result = new Dictionary<RiskId, IReadOnlyList<ProjectId>>();
        foreach (var risk in program.Risks)
        {
            var projects = risk.LinkedItems.SelectMany(i => reaches.TryGetValue(i, out var p) ? p : []).Distinct();
            result[risk.Id] = [.. projects.OrderBy(p => order.GetValueOrDefault(p, int.MaxValue)).ThenBy(p => p.Value, StringComparer.Ordinal)];
        }

        return result;
    }

    /// <summary>Whether the risk reaches the commitments of more than one project.</summary>
    public static bool IsSystemic(IReadOnlyDictionary<RiskId, IReadOnlyList<ProjectId>> reached, RiskId risk)
    {
        ArgumentNullException.ThrowIfNull(reached);
        return reached.TryGetValue(risk, out var projects) && projects.Count > 1;
    }

    private static HashSet<WorkItemId> Upstream(WorkItemId start, Dictionary<WorkItemId, WorkItem> byId, ILookup<WorkItemId, WorkItemId> predecessors, ILookup<WorkItemId, WorkItemId> children)
    {
        var seen = new HashSet<WorkItemId> { start };
        var stack = new Stack<WorkItemId>();
        stack.Push(start);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            var next = predecessors[id].Concat(children[id]);

            // The links of every enclosing summary hold this item back too.
            // (At most as many steps as there are items, so a parent cycle cannot loop.)
            var parent = byId.GetValueOrDefault(id)?.Parent;
            for (var hops = 0; parent is { } p && hops < byId.Count; hops++)
            {
                next = next.Concat(predecessors[p]);
                parent = byId.GetValueOrDefault(p)?.Parent;
            }

            foreach (var n in next)
            {
                if (seen.Add(n))
                {
                    stack.Push(n);
                }
            }
        }

        return seen;
    }
}
