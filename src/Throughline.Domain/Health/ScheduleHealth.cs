using System.Globalization;

namespace Throughline.Domain.Health;

/// <summary>
/// The schedule rule (plan file: <c>health.schedule</c>). With a forecast, each commitment is judged on its P80 against
/// the committed date: amber when the P80 is more than <see cref="AmberDaysLate"/> calendar days late, red when more
/// than <see cref="RedDaysLate"/>. Without one (or for a commitment pinned by a constraint), on deterministic slack:
/// amber below <see cref="AmberSlackDays"/> working days, red below <see cref="RedSlackDays"/> (negative slack is a
/// committed date the plan already misses).
/// </summary>
public sealed record ScheduleHealth
{
    public static readonly ScheduleHealth Default = new();

    public int AmberDaysLate { get; init; }

    public int RedDaysLate { get; init; } = 10;

    public double AmberSlackDays { get; init; } = 5;

    public double RedSlackDays { get; init; }

    public HealthVerdict Assess(IReadOnlyCollection<CommitmentOutlook> commitments)
    {
        ArgumentNullException.ThrowIfNull(commitments);
        if (commitments.Count == 0)
        {
            return new HealthVerdict([new HealthReason(HealthArea.Schedule, HealthColour.Unknown, "No committed dates to judge the schedule against.")]);
        }

        var reasons = new List<HealthReason>();
        var onTrack = 0;
        foreach (var c in commitments.OrderBy(c => c.Committed).ThenBy(c => c.Id.Value, StringComparer.Ordinal))
        {
            var reason = c.DaysLateAtP80 is { } late && !c.Pinned ? ByForecast(c, late) : BySlack(c);
            if (reason.Colour == HealthColour.Green)
            {
                onTrack++;
            }
            else
            {
                reasons.Add(reason);
            }
        }

        if (onTrack > 0)
        {
            var how = commitments.Any(c => c.ForecastP80 is not null && !c.Pinned) ? "forecast to meet its date at P80 or with enough slack" : $"with at least {Days(AmberSlackDays)} working days of slack";
            reasons.Add(new HealthReason(HealthArea.Schedule, HealthColour.Green, onTrack == 1 && commitments.Count == 1 ? $"The one commitment is on track ({how})." : $"{onTrack} of {commitments.Count} commitments on track ({how})."));
        }

        return new HealthVerdict(reasons);
    }

    private HealthReason ByForecast(CommitmentOutlook c, int late)
    {
        var odds = c.ProbabilityOnTime is { } p ? $"; {Percent(p)} chance of making it" : string.Empty;
        var colour = late > RedDaysLate ? HealthColour.Red : late > AmberDaysLate ? HealthColour.Amber : HealthColour.Green;
        var text = late > 0
            ? $"{c.Name} (committed {Date(c.Committed)}): P80 is {Date(c.ForecastP80!.Value)}, {late} days late{odds}."
            : $"{c.Name} (committed {Date(c.Committed)}): P80 is {Date(c.ForecastP80!.Value)}{odds}.";
        return new HealthReason(HealthArea.Schedule, colour, text);
    }

    private HealthReason BySlack(CommitmentOutlook c)
    {
        var colour = c.SlackDays < RedSlackDays ? HealthColour.Red : c.SlackDays < AmberSlackDays ? HealthColour.Amber : HealthColour.Green;
        var pinned = c.Pinned ? " (pinned by a constraint, so judged on slack)" : string.Empty;
        var text = c.SlackDays < 0
            ? $"{c.Name} (committed {Date(c.Committed)}) is scheduled to miss it by {WorkingDays(-c.SlackDays)}{pinned}."
            : $"{c.Name} (committed {Date(c.Committed)}) has {WorkingDays(c.SlackDays)} of slack{pinned}.";
        return new HealthReason(HealthArea.Schedule, colour, text);
    }

    internal static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Days(double days) => days.ToString("0.#", CultureInfo.InvariantCulture);

    internal static string WorkingDays(double days) => Days(days) + (Math.Abs(days - 1) < 0.05 ? " working day" : " working days");

    internal static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}
