using System.Globalization;
using Throughline.Domain.Governance;

namespace Throughline.Domain.Risks;

/// <summary>When a risk goes up the escalation path, and to which level, with the reasons.</summary>
public sealed record RiskEscalation(RiskId Risk, EscalationLevel? Level, IReadOnlyList<string> Reasons);

/// <summary>
/// The risk escalation rule: a live risk is escalated when its schedule exposure reaches
/// <see cref="ExposureDays"/> working days, when its cost exposure reaches <see cref="CostExposure"/> (if set), or when
/// its mitigation is overdue at the status date. Exposure alone takes it to the first level of the escalation path;
/// an overdue mitigation climbs the path by its days overdue (<see cref="EscalationLadder"/>).
/// </summary>
public sealed record RiskEscalationPolicy
{
    public static readonly RiskEscalationPolicy Default = new();

    public double ExposureDays { get; init; } = 5;

    public decimal? CostExposure { get; init; }

    /// <summary>The escalation of <paramref name="risk"/>, or null when it needs none.</summary>
    public RiskEscalation? Assess(Risk risk, DateOnly statusDate, IReadOnlyList<EscalationLevel> path, WorkTimeUnits units)
    {
        ArgumentNullException.ThrowIfNull(risk);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(units);
        if (!RiskExposure.IsLive(risk))
        {
            return null;
        }

        var exposure = RiskExposure.Of(risk);
        var reasons = new List<string>();
        var days = exposure.ScheduleDays(units);
        if (days >= ExposureDays)
        {
            reasons.Add($"schedule exposure {Format(days)} working days (threshold {Format(ExposureDays)})");
        }

        if (CostExposure is { } limit && exposure.Cost is { } cost && cost.Amount >= limit)
        {
            reasons.Add($"cost exposure {cost} (threshold {limit.ToString("#,0", CultureInfo.InvariantCulture)})");
        }

        EscalationLevel? level = null;
        if (risk.MitigationDue is { } due && due < statusDate)
        {
            reasons.Add($"mitigation {statusDate.DayNumber - due.DayNumber} days overdue (due {due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})");
            level = EscalationLadder.LevelAfter(path, due, statusDate);
        }

        if (reasons.Count == 0)
        {
            return null;
        }

        level ??= EscalationLadder.LevelAfter(path, TimeSpan.Zero);
        return new RiskEscalation(risk.Id, level, reasons);
    }

    private static string Format(double days) => days.ToString("0.#", CultureInfo.InvariantCulture);
}
