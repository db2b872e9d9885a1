namespace Throughline.Storage.Rows;

/// <summary>
/// A named frozen copy of a program: its whole plan as it was (what comparisons re-schedule, so that slips are
/// measured on the same calendars) and the schedule computed from it then.
/// </summary>
public sealed class BaselineRow
{
    public long Id { get; set; }

    public long ProgramId { get; set; }

    public string Name { get; set; } = "";

    public DateTime TakenAt { get; set; }

    public string TakenBy { get; set; } = "";

    /// <summary>The program revision the baseline froze.</summary>
    public long Revision { get; set; }

    /// <summary>The plan as plan YAML.</summary>
    public string Plan { get; set; } = "";

    /// <summary>The schedule at the time, as JSON: program start and finish, each item's start and finish.</summary>
    public string Schedule { get; set; } = "";
}
