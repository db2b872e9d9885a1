namespace Throughline.Domain.Governance;

/// <summary>
/// How far up the program's escalation path an issue has gone. An issue that needs escalating goes to the first
/// level; each level has its response time to act, after which the issue passes to the next; past the last level's
/// time it stays with the last. Levels are taken in order of <see cref="EscalationLevel.Level"/>.
/// </summary>
public static class EscalationLadder
{
    /// <summary>
    /// The level holding an issue <paramref name="overdue"/> after it needed escalating (zero or negative: the
    /// first level); null when the program has no escalation path.
    /// </summary>
    public static EscalationLevel? LevelAfter(IReadOnlyList<EscalationLevel> path, TimeSpan overdue)
    {
        ArgumentNullException.ThrowIfNull(path);
        var ordered = path.OrderBy(l => l.Level).ToList();
        if (ordered.Count == 0)
        {
            return null;
        }

        var window = TimeSpan.Zero;
        foreach (var level in ordered)
        {
            window += TimeSpan.FromHours(level.ResponseHours);
            if (overdue < window)
            {
                return level;
            }
        }

        return ordered[^1];
    }

    /// <summary>The level for an issue due on <paramref name="due"/> and still open at the end of <paramref name="asOf"/>.</summary>
    public static EscalationLevel? LevelAfter(IReadOnlyList<EscalationLevel> path, DateOnly due, DateOnly asOf) =>
        LevelAfter(path, TimeSpan.FromDays(Math.Max(0, asOf.DayNumber - due.DayNumber)));
}
