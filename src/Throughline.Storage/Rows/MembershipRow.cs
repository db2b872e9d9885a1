using Throughline.Domain;

namespace Throughline.Storage.Rows;

/// <summary>A user's membership of a program: what they may do (<see cref="Permission"/>) and what they are (<see cref="Role"/>).</summary>
public sealed class MembershipRow
{
    public long Id { get; set; }

    public long ProgramId { get; set; }

    public long UserId { get; set; }

    public Permission Permission { get; set; }

    public FunctionalRole Role { get; set; } = FunctionalRole.Other;

    public int Version { get; set; } = 1;
}
