namespace Throughline.Domain.Diagnostics;

/// <summary>
/// Finds the cycles in a dependency graph: one cycle per strongly connected component of more than one item (or an
/// item that depends on itself), each given as the members in dependency order, so that the message can name them
/// the way a person would walk them ("a -> b -> c -> a").
/// </summary>
public static class DependencyCycles
{
    /// <summary>The one wording of <see cref="DiagnosticCodes.DependencyCycle"/>: "dependency cycle: a -> b -> c -> a".</summary>
    public static string Message(IEnumerable<string> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var list = members.ToList();
        return $"dependency cycle: {string.Join(" -> ", list.Append(list[0]))}";
    }

    /// <summary>
    /// Returns each cycle as a list of node indices, in order along the edges; deterministic for a given input.
    /// </summary>
    /// <param name="nodeCount">Number of nodes, indexed 0..nodeCount-1.</param>
    /// <param name="edges">Directed edges (from, to).</param>
    public static IReadOnlyList<IReadOnlyList<int>> Find(int nodeCount, IReadOnlyList<(int From, int To)> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var successors = new List<int>[nodeCount];
        for (var i = 0; i < nodeCount; i++)
        {
            successors[i] = [];
        }

        foreach (var (from, to) in edges)
        {
            successors[from].Add(to);
        }

        foreach (var list in successors)
        {
            list.Sort();
        }

        var components = StronglyConnected(nodeCount, successors);
        var cycles = new List<IReadOnlyList<int>>();
        foreach (var component in components)
        {
            if (component.Count == 1)
            {
                var only = component[0];
                if (successors[only].Contains(only))
                {
                    cycles.Add([only]);
                }

                continue;
            }

            cycles.Add(WalkCycle(component, successors));
        }

        cycles.Sort((a, b) => a[0].CompareTo(b[0]));
        return cycles;
    }

    // Within a strongly connected component, a breadth-first search from its smallest member back to itself gives a
    // shortest cycle through that member: the one a person can check by reading the file.
    private static List<int> WalkCycle(List<int> component, List<int>[] successors)
    {
        var members = new HashSet<int>(component);
        var start = component.Min();
        var previous = new Dictionary<int, int>();
        var queue = new Queue<int>();
        queue.Enqueue(start);
        var closing = -1;
        while (queue.Count > 0 && closing < 0)
        {
            var node = queue.Dequeue();
            foreach (var next in successors[node])
            {
                if (!members.Contains(next))
                {
                    continue;
                }

                if (next == start)
                {
                    closing = node;
                    break;
                }

                if (previous.TryAdd(next, node))
                {
                    queue.Enqueue(next);
                }
            }
        }

        var path = new List<int>();
        for (var node = closing; node != start; node = previous[node])
        {
            path.Add(node);
        }

        path.Add(start);
        path.Reverse();
        return path;
    }

    // Tarjan's algorithm, iterative so that a 100,000-item chain cannot overflow the stack.
    private static List<List<int>> StronglyConnected(int nodeCount, List<int>[] successors)
    {
        var index = new int[nodeCount];
        var low = new int[nodeCount];
        var onStack = new bool[nodeCount];
        Array.Fill(index, -1);
        var stack = new Stack<int>();
        var result = new List<List<int>>();
        var counter = 0;
        var work = new Stack<(int Node, int Edge)>();
        for (var root = 0; root < nodeCount; root++)
        {
            if (index[root] >= 0)
            {
                continue;
            }

            work.Push((root, 0));
            while (work.Count > 0)
            {
                var (node, edge) = work.Pop();
                if (edge == 0)
                {
                    index[node] = low[node] = counter++;
                    stack.Push(node);
                    onStack[node] = true;
                }
                else
                {
                    var child = successors[node][edge - 1];
                    low[node] = Math.Min(low[node], low[child]);
                }

                var descended = false;
                for (var e = edge; e < successors[node].Count; e++)
                {
                    var next = successors[node][e];
                    if (index[next] < 0)
                    {
                        work.Push((node, e + 1));
                        work.Push((next, 0));
                        descended = true;
                        break;
                    }

                    if (onStack[next])
                    {
                        low[node] = Math.Min(low[node], index[next]);
                    }
                }

                if (descended || low[node] != index[node])
                {
                    continue;
                }

                var component = new List<int>();
                int member;
                do
                {
                    member = stack.Pop();
                    onStack[member] = false;
                    component.Add(member);
                }
                while (member != node);
                result.Add(component);
            }
        }

        return result;
    }
}
