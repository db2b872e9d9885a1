using Throughline.Domain;
using Throughline.Scheduling;

namespace Throughline.Interop.Primavera;

/// <summary>
/// A Primavera P6 file (XER or PMXML) read into the domain: the <see cref="Program"/> (one domain project per P6
/// project, WBS nodes as summary items), what each item was in P6, the schedule P6 computed (<see cref="Stored"/>),
/// and the P6 settings the engine is to schedule it with (<see cref="ScheduleOptions"/>).
/// </summary>
public sealed record PrimaveraDocument(Program Program)
{
    /// <summary>Per work item: the P6 object it came from.</summary>
    public IReadOnlyDictionary<WorkItemId, P6Activity> Activities { get; init; } = new Dictionary<WorkItemId, P6Activity>();

    /// <summary>The dates and float P6 stored for each activity (not for WBS nodes, whose P6 dates are a roll-up).</summary>
    public IReadOnlyDictionary<WorkItemId, P6Dates> Stored { get; init; } = new Dictionary<WorkItemId, P6Dates>();

    /// <summary>P6's project settings (relationship-lag calendar, float, critical path) as read from the file.</summary>
    public P6Settings Settings { get; init; } = P6Settings.Default;

    /// <summary>
    /// How to schedule the program as P6 does: the data date, the planned start with its time, and activities that are
    /// scheduled on their own calendar (all but resource-dependent ones).
    /// </summary>
    public ProgramScheduleOptions ScheduleOptions { get; init; } = ProgramScheduleOptions.Default;
}

/// <summary>P6's activity types (<c>TASK.task_type</c>).</summary>
public enum P6ActivityType
{
    /// <summary>A WBS node (not an activity): a summary item.</summary>
    WbsNode,

    /// <summary><c>TT_Task</c>: scheduled on its own calendar.</summary>
    TaskDependent,

    /// <summary><c>TT_Rsrc</c>: scheduled on its resources' calendars.</summary>
    ResourceDependent,

    /// <summary><c>TT_Mile</c>: a start milestone.</summary>
    StartMilestone,

    /// <summary><c>TT_FinMile</c>: a finish milestone.</summary>
    FinishMilestone,

    /// <summary><c>TT_LOE</c>: spans its predecessors and successors; read as a task of its stored duration.</summary>
    LevelOfEffort,

    /// <summary><c>TT_WBS</c>: a WBS summary activity, read as a task of its stored duration.</summary>
    WbsSummary,
}

/// <summary>What a work item was in P6: its internal id (<c>task_id</c> or <c>wbs_id</c>), code and type.</summary>
public sealed record P6Activity(int P6Id, string Code, P6ActivityType Type, string ProjectCode);

/// <summary>
/// The schedule P6 stored for one activity: early and late dates (local date-times) and total float in working
/// minutes (P6 stores hours). A null field was absent.
/// </summary>
public sealed record P6Dates(DateTime? EarlyStart, DateTime? EarlyFinish, DateTime? LateStart, DateTime? LateFinish, long? TotalFloatMinutes, bool IsComplete);

/// <summary>On which calendar a relationship's lag is counted (P6: Schedule options, "Calendar for scheduling relationship lag").</summary>
public enum P6LagCalendar
{
    Predecessor,
    Successor,
    TwentyFourHour,
    ProjectDefault,
}

/// <summary>How P6 reports total float (<c>sched_float_type</c>).</summary>
public enum P6FloatType
{
    /// <summary><c>FT_FF</c>: late finish minus early finish.</summary>
    FinishFloat,

    /// <summary><c>FT_SF</c>: late start minus early start.</summary>
    StartFloat,

    /// <summary><c>FT_SmallestFloat</c>: the smaller of the two.</summary>
    Smallest,
}

/// <summary>The schedule settings of a P6 project (XER <c>SCHEDOPTIONS</c> and <c>PROJECT</c>; PMXML <c>Project</c>).</summary>
public sealed record P6Settings
{
    public static readonly P6Settings Default = new();

    public P6LagCalendar LagCalendar { get; init; } = P6LagCalendar.Predecessor;

    /// <summary>Out-of-sequence progress: true is "retained logic" (P6's default), false "progress override".</summary>
    public bool RetainedLogic { get; init; } = true;

    public P6FloatType FloatType { get; init; } = P6FloatType.FinishFloat;

    /// <summary>"Make open-ended activities critical".</summary>
    public bool OpenEndedCritical { get; init; }

    /// <summary>Critical when on the longest path (<c>CT_DrivPath</c>) instead of total float at most <see cref="CriticalFloatMinutes"/>.</summary>
    public bool LongestPath { get; init; }

    public long CriticalFloatMinutes { get; init; }
}
