using Throughline.Domain;

namespace Throughline.Scheduling.Leveling;

/// <summary>What a leveled capacity belongs to.</summary>
public enum LevelingResourceKind
{
    /// <summary>A team's pool: its members' capacity less the team's KTLO share; every item its people work on draws on it.</summary>
    Team,

    /// <summary>One person: their weekly capacity, zero on leave, less on-call load in their on-call weeks.</summary>
    Person,
}

/// <summary>A renewable resource of a leveled program, with capacity in percent of one full-time person.</summary>
public sealed record LevelingResource(string Id, string Name, LevelingResourceKind Kind, int BaseCapacityPercent)
{
    public override string ToString() => Kind == LevelingResourceKind.Team ? $"{Name} team" : Name;
}

/// <summary>
/// A work item that starts later in the leveled plan than in the unleveled one, and why.
/// </summary>
/// <param name="DelayDays">Working days later than in the unleveled schedule.</param>
/// <param name="ResourceDelayDays">Of those, the days caused by capacity (the rest follow from delayed predecessors).</param>
/// <param name="Resource">The resource at capacity when the item could otherwise have started; null when only predecessors moved it.</param>
/// <param name="Competing">Items holding that resource at that moment.</param>
/// <param name="Reason">One sentence for a person: what moved the item and who it competes with.</param>
public sealed record LevelingDelay(
    WorkItemId Item,
    DateTime OriginalStart,
    DateTime LeveledStart,
    int DelayDays,
    int ResourceDelayDays,
    LevelingResource? Resource,
    IReadOnlyList<WorkItemId> Competing,
    string Reason);

/// <summary>A week in which a resource is asked for more than it has, before (or after) leveling.</summary>
/// <param name="WeekStart">The Monday of the week.</param>
/// <param name="PeakPercent">The highest daily demand that week, in percent of a full-time person.</param>
/// <param name="CapacityPercent">Capacity on that day.</param>
/// <param name="Items">Items running on that day that draw on the resource, largest demand first.</param>
public sealed record OverAllocation(
    LevelingResource Resource,
    DateOnly WeekStart,
    int PeakPercent,
    int CapacityPercent,
    IReadOnlyList<WorkItemId> Items);
