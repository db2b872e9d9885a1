using Throughline.Domain;

namespace Throughline.Reports.Risks;

/// <summary>
/// How far one milestone or committed item would move if a risk occurred: <see cref="DaysLater"/> is the working days
/// its finish moves, <see cref="SlackLostDays"/> the working days of slack it loses (a date pinned by a constraint does
/// not move, but its slack shows the damage); <see cref="BecomesLate"/> when it would miss its committed date.
/// </summary>
public sealed record MilestoneImpact(WorkItemId Id, string Name, ProjectId Project, DateOnly? Committed, double DaysLater, double SlackLostDays, bool BecomesLate)
{
    /// <summary>The larger of the two measures: the delay the milestone would feel.</summary>
    public double Days => Math.Max(DaysLater, SlackLostDays);
}

/// <summary>
/// What one risk would do to the program if it occurred, found by re-scheduling with its impact added: the milestones
/// and committed items it moves, the teams and projects whose work moves, and the days it adds to the program finish.
/// </summary>
public sealed record RiskPropagation(RiskId Risk, IReadOnlyList<MilestoneImpact> Milestones, IReadOnlyList<TeamId> Teams, IReadOnlyList<ProjectId> Projects, double ProgramFinishDays, int ItemsDelayed)
{
    public static RiskPropagation None(RiskId risk) => new(risk, [], [], [], 0, 0);

    /// <summary>The most any milestone would feel, in working days.</summary>
    public double WorstMilestoneDays => Milestones.Count == 0 ? 0 : Milestones.Max(m => m.Days);
}
