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
            var reason = Judge(c);
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
            var how = commitments.Any(c => c.ForecastP80 is not null && !c.Pinned) ? "forecast to meet its date at P80 or with enough buffer" : $"with at least {Days(AmberSlackDays)} working days of buffer";
            reasons.Add(new HealthReason(HealthArea.Schedule, HealthColour.Green, onTrack == 1 && commitments.Count == 1 ? $"The one commitment is on track ({how})." : $"{onTrack} of {commitments.Count} commitments on track ({how})."));
        }

        return new HealthVerdict(reasons);
    }

    /// <summary>
    /// One commitment's verdict: on its P80 when forecast, else on its <see cref="CommitmentOutlook.PressureDays"/>. A
    /// pinned commitment is judged on both (its forecast is that of the work driving it) and takes the worse.
    /// </summary>
    public HealthReason Judge(CommitmentOutlook commitment)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        if (commitment.DaysLateAtP80 is not { } late)
        {
            return BySlack(commitment);
        }

        var forecast = ByForecast(commitment, late);
        if (!commitment.Pinned)
        {
            return forecast;
        }

        var slack = BySlack(commitment);
        return forecast.Colour > slack.Colour ? forecast : slack;
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
        var margin = c.PressureDays;
        var colour = margin < RedSlackDays ? HealthColour.Red : margin < AmberSlackDays ? HealthColour.Amber : HealthColour.Green;
        var pinned = c.Pinned ? " (pinned by a constraint: the work before it is judged)" : string.Empty;
        var text = margin < 0
            ? $"{c.Name} (committed {Date(c.Committed)}) is scheduled to miss it by {WorkingDays(-margin)}{pinned}."
            : $"{c.Name} (committed {Date(c.Committed)}) has {WorkingDays(margin)} of buffer{pinned}.";
        return new HealthReason(HealthArea.Schedule, colour, text);
    }

    internal static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Days(double days) => days.ToString("0.#", CultureInfo.InvariantCulture);

    internal static string WorkingDays(double days) => Days(days) + (Math.Abs(days - 1) < 0.05 ? " working day" : " working days");

    internal static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}
