namespace Throughline.Scheduling.Forecasting;

/// <summary>
/// Where a risk's delay enters the network: of the items a risk is linked to, those that no other linked item
/// precedes (through any chain of links). A risk linked to a chain a → b → c delays a once, and the links carry the
/// delay to b and c; adding it to all three would count it three times.
/// </summary>
internal static class RiskEntries
{
    public static List<int> Of(ScheduleNetwork network, IReadOnlyCollection<int> linked)
    {
        var targets = new HashSet<int>(linked.Select(t => network.NodeOfTask[t]));
        var reached = new HashSet<int>();
        var stack = new Stack<int>();
        foreach (var task in linked)
        {
            // Everything downstream of this item (its own node excluded unless a cycle-free path returns, which cannot happen).
            stack.Push(network.NodeOfTask[task]);
            if (network.GateOfTask[task] >= 0)
            {
                stack.Push(network.GateOfTask[task]);
            }

            var seen = new HashSet<int>();
            while (stack.Count > 0)
            {
                var v = stack.Pop();
                for (var k = network.OutStart[v]; k < network.OutStart[v + 1]; k++)
                {
                    var w = network.OutTo[k];
                    if (seen.Add(w))
                    {
                        stack.Push(w);
                    }
                }
            }

            reached.UnionWith(seen.Where(targets.Contains));
        }

        return [.. linked.Where(t => !reached.Contains(network.NodeOfTask[t])).Distinct().Order()];
    }
}
