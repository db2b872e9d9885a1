using Throughline.Domain;
using Throughline.Scheduling;

namespace Throughline.Interop.Mspdi;

/// <summary>
/// A Microsoft Project XML (MSPDI) file read into the domain: the <see cref="Program"/> (one project holding every
/// task), the MSPDI identifiers of what it holds, and what the domain has no place for yet: the schedule Microsoft
/// Project computed (<see cref="Stored"/>) and the per-task facts below.
/// </summary>
/// <remarks>
/// Work items are named <c>t{UID}</c>, calendars <c>cal{UID}</c> and people <c>r{UID}</c>; the maps give the UIDs
/// back so that <see cref="MspdiWriter"/> can write a file whose UIDs match the one that was read.
/// </remarks>
public sealed record MspdiDocument(Program Program)
{
    /// <summary>The MSPDI task UID of each work item.</summary>
    public IReadOnlyDictionary<WorkItemId, int> TaskUids { get; init; } = new Dictionary<WorkItemId, int>();

    /// <summary>The MSPDI calendar UID of each calendar.</summary>
    public IReadOnlyDictionary<CalendarId, int> CalendarUids { get; init; } = new Dictionary<CalendarId, int>();

    /// <summary>The MSPDI resource UID of each person.</summary>
    public IReadOnlyDictionary<PersonId, int> ResourceUids { get; init; } = new Dictionary<PersonId, int>();

    /// <summary>The dates, slack and criticality Microsoft Project (or the writing tool) stored for each task.</summary>
    public IReadOnlyDictionary<WorkItemId, MsProjectDates> Stored { get; init; } = new Dictionary<WorkItemId, MsProjectDates>();

    /// <summary>Per-task facts the domain does not model: manual scheduling, summary flags, baselines.</summary>
    public IReadOnlyDictionary<WorkItemId, MspdiTaskInfo> Tasks { get; init; } = new Dictionary<WorkItemId, MspdiTaskInfo>();

    /// <summary>The project start as written, with its time of day (the domain keeps only the date).</summary>
    public DateTime? ProjectStart { get; init; }

    /// <summary>
    /// Split tasks: the periods in which each does no work between its start and finish, read from the assignments'
    /// timephased work (MSPDI has no other record of a split).
    /// </summary>
    public IReadOnlyDictionary<WorkItemId, IReadOnlyList<SplitPeriod>> Splits { get; init; } = new Dictionary<WorkItemId, IReadOnlyList<SplitPeriod>>();

    /// <summary>Tasks with <c>IgnoreResourceCalendar</c> set: scheduled on their own calendar, not their resources'.</summary>
    public IReadOnlySet<WorkItemId> IgnoreResourceCalendar { get; init; } = new HashSet<WorkItemId>();

    /// <summary>
    /// Manually scheduled tasks (<c>Manual</c>=1) with the start stored for them: Microsoft Project never moves such a
    /// task, so the scheduler is told to keep it (<see cref="ProgramScheduleOptions.FixedStarts"/>).
    /// </summary>
    public IReadOnlyDictionary<WorkItemId, DateTime> ManualStarts { get; init; } = new Dictionary<WorkItemId, DateTime>();

    /// <summary>What wrote the file, as far as the header tells (<c>SaveVersion</c>, <c>BuildNumber</c>).</summary>
    public string? Producer { get; init; }
}

/// <summary>
/// The schedule stored in the file for one task. Dates are local date-times as written; slack is working minutes
/// (MSPDI stores tenths of a minute, which are rounded to whole minutes here). A null field was absent.
/// </summary>
public sealed record MsProjectDates
{
    public DateTime? Start { get; init; }

    public DateTime? Finish { get; init; }

    public DateTime? EarlyStart { get; init; }

    public DateTime? EarlyFinish { get; init; }

    public DateTime? LateStart { get; init; }

    public DateTime? LateFinish { get; init; }

    public long? TotalSlackMinutes { get; init; }

    public long? FreeSlackMinutes { get; init; }

    public bool? Critical { get; init; }
}

/// <summary>What the file says about one task beyond the domain model.</summary>
/// <param name="Uid">The task's MSPDI UID.</param>
/// <param name="Id">The row number shown in Microsoft Project (<c>ID</c>), if written.</param>
/// <param name="OutlineNumber">The outline number ("1.2.3"), if written.</param>
/// <param name="IsSummary">The file's <c>Summary</c> flag.</param>
/// <param name="IsManual">Manually scheduled (<c>Manual</c>=1, Project 2010+): its dates were fixed by hand, not computed.</param>
/// <param name="IsActive">False for an inactive task, which Microsoft Project leaves out of the schedule.</param>
/// <param name="Baselines">Saved baselines, <see cref="MspdiBaseline.Number"/> 0 being "Baseline".</param>
public sealed record MspdiTaskInfo(int Uid, int? Id, string? OutlineNumber, bool IsSummary, bool IsManual, bool IsActive, IReadOnlyList<MspdiBaseline> Baselines);

/// <summary>One saved baseline of a task. <see cref="Duration"/> and <see cref="Work"/> are working time.</summary>
public sealed record MspdiBaseline(int Number, DateTime? Start, DateTime? Finish, WorkDuration? Duration, WorkDuration? Work, decimal? Cost);
