namespace Throughline.Scheduling;

/// <summary>What set a task's early start: the answer to "why does this start then?".</summary>
public enum StartDriver
{
    /// <summary>Nothing later applied: the task starts at the project start.</summary>
    ProjectStart,

    /// <summary>A link; <see cref="ScheduleResult.DrivingLink"/> and <see cref="ScheduleResult.DrivingPredecessor"/> name it.</summary>
    Predecessor,

    /// <summary>The summary it belongs to (a link into the summary, or the summary's constraint); ask the parent why.</summary>
    Parent,

    /// <summary>The task's own date constraint.</summary>
    Constraint,

    /// <summary>Unfinished work waits for the status date.</summary>
    StatusDate,

    /// <summary>The task has an actual start (or an actual finish).</summary>
    Actual,

    /// <summary>A capacity-aware forecast held it back: the people or teams it needs were busy (a leveling delay).</summary>
    Leveling,
}
