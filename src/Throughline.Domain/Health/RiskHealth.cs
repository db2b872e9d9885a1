using System.Globalization;
using Throughline.Domain.Risks;

namespace Throughline.Domain.Health;

/// <summary>
/// The risk rule (plan file: <c>health.risk</c>): a live risk whose schedule exposure (probability × impact) reaches
/// <see cref="AmberExposureDays"/> working days makes it amber, <see cref="RedExposureDays"/> red; likewise its cost
/// exposure against <see cref="AmberCostExposure"/> and <see cref="RedCostExposure"/> when they are set. A mitigation
/// past its due date makes it amber. <see cref="Escalation"/> says when a risk goes up the escalation path.
/// </summary>
public sealed record RiskHealth
{
    public static readonly RiskHealth Default = new();

    public double AmberExposureDays { get; init; } = 2;

    public double RedExposureDays { get; init; } = 5;

    public decimal? AmberCostExposure { get; init; }

    public decimal? RedCostExposure { get; init; }

    public RiskEscalationPolicy Escalation { get; init; } = RiskEscalationPolicy.Default;

    public HealthVerdict Assess(IEnumerable<Risk> risks, DateOnly statusDate, WorkTimeUnits units)
    {
        ArgumentNullException.ThrowIfNull(risks);
        ArgumentNullException.ThrowIfNull(units);
        var live = risks.Where(RiskExposure.IsLive).ToList();
        if (live.Count == 0)
        {
            return new HealthVerdict([new HealthReason(HealthArea.Risk, HealthColour.Green, "No open risks.")]);
        }

        var reasons = new List<HealthReason>();
        foreach (var risk in live.OrderByDescending(r => RiskExposure.Of(r).Schedule).ThenBy(r => r.Id.Value, StringComparer.Ordinal))
        {
            var exposure = RiskExposure.Of(risk);
            var days = exposure.ScheduleDays(units);
            var colour = ColourOf(exposure, units);
            if (colour != HealthColour.Green)
            {
                var money = exposure.Cost is { } c ? $" and {BudgetHealth.Money(c.Amount, c.Currency)}" : string.Empty;
                reasons.Add(new HealthReason(HealthArea.Risk, colour, $"{risk.Title}: exposure {ScheduleHealth.Days(days)} working days{money} ({risk.Probability} × {ScheduleHealth.Days(risk.ScheduleImpact.Days(units))} d)."));
            }

            if (risk.MitigationDue is { } due && due < statusDate)
            {
                reasons.Add(new HealthReason(HealthArea.Risk, HealthColour.Amber, $"{risk.Title}: mitigation {(statusDate.DayNumber - due.DayNumber).ToString(CultureInfo.InvariantCulture)} days overdue (due {ScheduleHealth.Date(due)})."));
            }
        }

        if (reasons.Count == 0)
        {
            reasons.Add(new HealthReason(HealthArea.Risk, HealthColour.Green, $"{live.Count} open {(live.Count == 1 ? "risk" : "risks")}, none with an exposure of {ScheduleHealth.Days(AmberExposureDays)} working days or more, no mitigation overdue."));
        }

        return new HealthVerdict(reasons);
    }

    /// <summary>The colour one risk's exposure calls for, on its own.</summary>
    public HealthColour ColourOf(RiskExposure exposure, WorkTimeUnits units)
    {
        ArgumentNullException.ThrowIfNull(exposure);
        var days = exposure.ScheduleDays(units);
        var cost = exposure.Cost?.Amount ?? 0;
        return days >= RedExposureDays || cost >= (RedCostExposure ?? decimal.MaxValue) ? HealthColour.Red
            : days >= AmberExposureDays || cost >= (AmberCostExposure ?? decimal.MaxValue) ? HealthColour.Amber
            : HealthColour.Green;
    }
}
