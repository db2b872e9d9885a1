namespace Throughline.Domain;

/// <summary>
/// An on-call rotation: one member at a time is on duty for a shift (a week by default) and loses
/// <see cref="LoadPercent"/> of their capacity for it. Averaged over the rotation, the team loses
/// <c>LoadPercent</c> of one person's capacity every week.
/// </summary>
public sealed record OnCallRotation(RotationId Id, string Name, TeamId Team, IReadOnlyList<PersonId> Members, double LoadPercent)
{
    public int ShiftDays { get; init; } = 7;
}
