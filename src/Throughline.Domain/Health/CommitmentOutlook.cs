namespace Throughline.Domain.Health;

/// <summary>
/// Where one committed date stands, as the schedule rule judges it: the deterministic finish and its slack to the
/// commitment (working days between the scheduled finish and the end of the committed date; negative when the plan
/// misses it) and, when a forecast was run, its P80 and the chance of finishing by the committed date.
/// </summary>
public sealed record CommitmentOutlook(WorkItemId Id, string Name, ProjectId Project, DateOnly Committed, DateOnly ScheduledFinish, double SlackDays)
{
    public DateOnly? ForecastP80 { get; init; }

    public double? ProbabilityOnTime { get; init; }

    /// <summary>
    /// A hard constraint pins the item's date in every forecast iteration, so its P80 says nothing about whether the
    /// work will be ready: the rule judges it on slack instead.
    /// </summary>
    public bool Pinned { get; init; }

    /// <summary>Calendar days from the committed date to the P80 (positive: late); null without a forecast.</summary>
    public int? DaysLateAtP80 => ForecastP80 is { } p80 ? p80.DayNumber - Committed.DayNumber : null;
}
