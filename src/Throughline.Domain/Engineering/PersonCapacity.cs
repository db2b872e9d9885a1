namespace Throughline.Domain.Engineering;

/// <summary>
/// A person's week: <see cref="Gross"/> is their stated weekly capacity; KTLO (their team's share) and their average
/// on-call load come off it, and <see cref="Available"/> is what is left for project work. That is the figure the
/// scheduler and the leveler should plan against.
/// </summary>
/// <remarks>
/// Allocations are shares of the person's time (their gross week), as people state them ("half my time on billing").
/// <see cref="CommittedPercent"/> adds KTLO and on-call to them, because those happen whatever the allocations say.
/// </remarks>
public sealed record PersonCapacity(PersonId Person, TeamId? Team, WorkDuration Gross, WorkDuration Ktlo, WorkDuration OnCall)
{
    /// <summary>Weekly working time left for projects: gross less KTLO and on-call, never negative.</summary>
    public WorkDuration Available => new(Math.Max(0, Gross.Minutes - Ktlo.Minutes - OnCall.Minutes));

    public IReadOnlyList<Allocation> Allocations { get; init; } = [];

    /// <summary>Projects the person works on now: allocated to, or assigned to work in progress; in id order.</summary>
    public IReadOnlyList<ProjectId> ConcurrentProjects { get; init; } = [];

    /// <summary>How often the person is on duty, in weeks (4 = every fourth week); null when on no rotation.</summary>
    public double? OnCallEveryWeeks { get; init; }

    /// <summary>Sum of the allocations, in percent of the person's time; over 100 is over-allocated.</summary>
    public double AllocatedPercent => Allocations.Sum(a => a.Percent);

    public bool IsOverAllocated => AllocatedPercent > 100 + Tolerance;

    /// <summary>Allocations plus KTLO plus on-call, in percent of the gross week.</summary>
    public double CommittedPercent => Gross.Minutes == 0 ? 0 : AllocatedPercent + (100.0 * (Ktlo.Minutes + OnCall.Minutes) / Gross.Minutes);

    /// <summary>
    /// The weekly time a project gets from this person: its allocation applied to <see cref="Available"/>, scaled
    /// down in proportion when the allocations add up to more than 100%.
    /// </summary>
    public WorkDuration ProjectCapacity(ProjectId project)
    {
        var percent = Allocations.Where(a => a.Project == project).Sum(a => a.Percent);
        return Available * (percent / Math.Max(100, AllocatedPercent));
    }

    // Allocations are written as whole or decimal percentages; this keeps 33.3 + 33.3 + 33.4 from tripping the flag.
    private const double Tolerance = 0.0001;
}

/// <summary>A team's week: the same arithmetic as <see cref="PersonCapacity"/>, summed over the team.</summary>
public sealed record TeamCapacity(TeamId Team, WorkDuration Gross, WorkDuration Ktlo, WorkDuration OnCall)
{
    public WorkDuration Available => new(Math.Max(0, Gross.Minutes - Ktlo.Minutes - OnCall.Minutes));
}
