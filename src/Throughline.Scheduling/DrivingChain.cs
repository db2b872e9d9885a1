using Throughline.Domain;

namespace Throughline.Scheduling;

/// <summary>
/// The chain of work that drives one item's date in a schedule: the one walk that the report's Gantt, the outlook's
/// driving teams and a pinned commitment's forecast all read.
/// </summary>
public static class DrivingChain
{
    /// <summary>
    /// The items that drive <paramref name="target"/>, first to last (the target included): back from it through its
    /// driving predecessor, or, where a constraint or the status date set its start (a pinned launch date), through the
    /// predecessor with the least slack (the latest finish among equals, then the id).
    /// </summary>
    public static IReadOnlyList<WorkItemId> Into(Program program, ProgramSchedule schedule, WorkItemId target)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(schedule);
        var predecessors = program.Dependencies.ToLookup(d => d.Successor, d => d.Predecessor);
        var chain = new List<WorkItemId>();
        var seen = new HashSet<WorkItemId>();
        for (WorkItemId? id = target; id is { } current && schedule.Items.ContainsKey(current) && seen.Add(current);)
        {
            chain.Add(current);
            id = schedule.Items[current].DrivingPredecessor ?? TightestPredecessor(predecessors[current], schedule);
        }

        chain.Reverse();
        return chain;
    }

    /// <summary>
    /// Of <paramref name="predecessors"/>, the one with the least total slack (the latest finish among equals, then the
    /// id): what would drive an item whose own start a constraint holds.
    /// </summary>
    public static WorkItemId? TightestPredecessor(IEnumerable<WorkItemId> predecessors, ProgramSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(predecessors);
        ArgumentNullException.ThrowIfNull(schedule);
        return predecessors
            .Where(schedule.Items.ContainsKey)
            .OrderBy(p => schedule.Items[p].TotalSlackMinutes)
            .ThenByDescending(p => schedule.Items[p].Finish)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => (WorkItemId?)p)
            .FirstOrDefault();
    }
}
