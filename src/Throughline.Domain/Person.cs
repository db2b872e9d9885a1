namespace Throughline.Domain;

/// <summary>
/// Someone who does or steers the work. <see cref="WeeklyCapacity"/> is the working time they have in a normal week
/// before on-call, KTLO and leave are taken off; <see cref="Allocations"/> say how that time is split across projects.
/// </summary>
public sealed record Person(PersonId Id, string Name, FunctionalRole Role)
{
    public TeamId? Team { get; init; }

    public string? Email { get; init; }

    public WorkDuration WeeklyCapacity { get; init; } = new(40 * 60);

    public CalendarId? Calendar { get; init; }

    public IReadOnlyList<Allocation> Allocations { get; init; } = [];

    /// <summary>Days off (vacation, parental leave), inclusive ranges.</summary>
    public IReadOnlyList<DateRange> Leave { get; init; } = [];
}

/// <summary>A share of a person's capacity given to one project, in percent (50 = half their time).</summary>
public sealed record Allocation(ProjectId Project, double Percent);
