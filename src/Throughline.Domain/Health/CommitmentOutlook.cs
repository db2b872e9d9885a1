namespace Throughline.Domain.Health;

/// <summary>
/// Where one committed date stands (docs/scheduling.md, "Outlook glossary"): the scheduled finish, its
/// <see cref="BufferDays"/> to the commitment and its <see cref="TotalSlackDays"/>, and, when a forecast was run, its
/// percentiles and the chance of finishing by the committed date.
/// </summary>
/// <param name="BufferDays">
/// Working days (program calendar) from the end of the scheduled finish's day to the end of the committed date;
/// negative when the schedule misses it.
/// </param>
public sealed record CommitmentOutlook(WorkItemId Id, string Name, ProjectId Project, DateOnly Committed, DateOnly ScheduledFinish, double BufferDays)
{
    /// <summary>Total slack in Microsoft Project's sense (how far the item can slip without moving the program end or breaking a constraint or deadline), in working days.</summary>
    public double TotalSlackDays { get; init; }

    public DateOnly? ForecastP50 { get; init; }

    public DateOnly? ForecastP80 { get; init; }

    public DateOnly? ForecastP95 { get; init; }

    /// <summary>
    /// The share of forecast iterations finished by the end of the committed date; for a pinned commitment, the share in
    /// which the work that drives it is (its date never moves, so its own share would always be 100%).
    /// </summary>
    public double? ProbabilityOnTime { get; init; }

    /// <summary>
    /// A hard constraint pins the item's date in every forecast iteration, so its own finish never moves: its forecast
    /// is the forecast of the work that drives it, and its <see cref="PressureDays"/> shows the negative slack it is under.
    /// </summary>
    public bool Pinned { get; init; }

    /// <summary>Teams that own the unfinished work of the chain that drives this date, largest share first.</summary>
    public IReadOnlyList<TeamId> DrivingTeams { get; init; } = [];

    /// <summary>Each project's share (0 to 1) of the unfinished working time on the chain that drives this date, largest first.</summary>
    public IReadOnlyList<(ProjectId Project, double Share)> DrivingProjects { get; init; } = [];

    /// <summary>
    /// The margin the schedule rule judges without a forecast: the buffer, or the total slack when that is negative and
    /// tighter (a pinned date the plan cannot keep shows its pressure, though its buffer is zero).
    /// </summary>
    public double PressureDays => TotalSlackDays < 0 ? Math.Min(BufferDays, TotalSlackDays) : BufferDays;

    /// <summary>Calendar days from the committed date to the P80 (positive: late); null without a forecast.</summary>
    public int? DaysLateAtP80 => ForecastP80 is { } p80 ? p80.DayNumber - Committed.DayNumber : null;
}
