namespace Throughline.Scheduling.Leveling;

/// <summary>The classic priority rules of schedule generation (Kolisch 1996); each picks among eligible jobs.</summary>
public enum PriorityRule
{
    /// <summary>Latest finish time first (resource-free latest finish, smallest first).</summary>
    LatestFinish,

    /// <summary>Latest start time first (smallest first).</summary>
    LatestStart,

    /// <summary>Minimum slack: latest start minus earliest start, smallest first.</summary>
    MinimumSlack,

    /// <summary>Most total successors: the job that precedes the most jobs, directly or not, first.</summary>
    MostTotalSuccessors,

    /// <summary>Greatest rank positional weight: own duration plus immediate successors' durations, largest first.</summary>
    GreatestRankPositionalWeight,
}
