namespace Throughline.Storage.Plans;

/// <summary>
/// Values computed from one revision of a program (its snapshot, a forecast, an outlook), kept in memory within a
/// byte budget. A program keeps only its newest revision: storing a value for a newer revision drops every value of
/// the older ones (nothing reads an old revision again once a newer one is known, and with ten writes a second the
/// old ones were what filled memory, #14), and a value for a revision older than the newest known is not stored.
/// Across programs, the least recently used values go first once the budget is full. Sizes are estimates given by
/// whoever stores a value (<see cref="ProgramSnapshot.EstimatedBytes"/>); a value larger than the whole budget is
/// not kept at all. Thread-safe.
/// </summary>
public sealed class RevisionCache
{
    /// <summary>The default budget, 64 MiB: a 2,000-item program's snapshot is about 12 MB, so a few large programs and many small ones fit.</summary>
    public const long DefaultBudgetBytes = 64L * 1024 * 1024;

    private readonly Lock gate = new();

    // Most recently used first.
    private readonly LinkedList<Entry> recency = new();
    private readonly Dictionary<(long Program, object Key), LinkedListNode<Entry>> entries = [];
    private readonly Dictionary<long, ProgramEntries> programs = [];
    private long bytes;

    public RevisionCache(long budgetBytes = DefaultBudgetBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(budgetBytes);
        BudgetBytes = budgetBytes;
    }

    /// <summary>The most the estimated sizes of the kept values add up to.</summary>
    public long BudgetBytes { get; }

    /// <summary>The estimated size of the values kept now.</summary>
    public long Bytes
    {
        get
        {
            lock (gate)
            {
                return bytes;
            }
        }
    }

    /// <summary>How many values are kept now.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    /// <summary>The value stored for <paramref name="key"/> at exactly <paramref name="revision"/> of <paramref name="programId"/>, if it is kept.</summary>
    public bool TryGet<T>(long programId, long revision, object key, out T value)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (gate)
        {
            if (entries.TryGetValue((programId, key), out var node) && node.Value.Revision == revision && node.Value.Value is T found)
            {
                recency.Remove(node);
                recency.AddFirst(node);
                value = found;
                return true;
            }
        }

        value = default!;
        return false;
    }

    /// <summary>Keeps <paramref name="value"/> for <paramref name="key"/> at <paramref name="revision"/>, dropping what the budget and the newest-revision rule say to.</summary>
    public void Set<T>(long programId, long revision, object key, T value, long estimatedBytes)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfNegative(estimatedBytes);
        lock (gate)
        {
            if (!programs.TryGetValue(programId, out var program))
            {
                program = new ProgramEntries(revision);
                programs[programId] = program;
            }

            if (revision < program.Revision)
            {
                return;
            }

            if (revision > program.Revision)
            {
                foreach (var old in program.Nodes.ToList())
                {
                    Drop(old);
                }

                program.Revision = revision;
            }

            if (entries.TryGetValue((programId, key), out var existing))
            {
                Drop(existing);
            }

            if (estimatedBytes > BudgetBytes)
            {
                return;
            }

            while (bytes + estimatedBytes > BudgetBytes && recency.Last is { } leastRecent)
            {
                Drop(leastRecent);
            }

            var node = recency.AddFirst(new Entry(programId, revision, key, value, estimatedBytes));
            entries[(programId, key)] = node;
            programs[programId].Nodes.Add(node);
            bytes += estimatedBytes;
        }
    }

    /// <summary>The value for <paramref name="key"/> at <paramref name="revision"/>, computed and kept if it was not.</summary>
    public T GetOrAdd<T>(long programId, long revision, object key, Func<T> compute, Func<T, long> estimateBytes)
    {
        ArgumentNullException.ThrowIfNull(compute);
        ArgumentNullException.ThrowIfNull(estimateBytes);
        if (TryGet(programId, revision, key, out T value))
        {
            return value;
        }

        value = compute();
        Set(programId, revision, key, value, estimateBytes(value));
        return value;
    }

    private void Drop(LinkedListNode<Entry> node)
    {
        var entry = node.Value;
        recency.Remove(node);
        entries.Remove((entry.Program, entry.Key));
        bytes -= entry.Bytes;

        // The program's newest revision stays known when its values go (a few bytes per program), so that a slow
        // reader cannot put back an older revision.
        programs[entry.Program].Nodes.Remove(node);
    }

    private sealed record Entry(long Program, long Revision, object Key, object? Value, long Bytes);

    private sealed class ProgramEntries(long revision)
    {
        public long Revision { get; set; } = revision;

        public HashSet<LinkedListNode<Entry>> Nodes { get; } = [];
    }
}
