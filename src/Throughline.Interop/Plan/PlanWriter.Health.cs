using System.Globalization;
using Throughline.Domain;
using Throughline.Domain.Health;
using YamlDotNet.RepresentationModel;

namespace Throughline.Interop.Plan;

// The 'health:' section: only the thresholds that differ from the defaults are written.
public static partial class PlanWriter
{
    private static YamlMappingNode? HealthNode(HealthRules rules, WorkTimeUnits units)
    {
        if (rules == HealthRules.Default)
        {
            return null;
        }

        var node = new YamlMappingNode();
        string Days(double days) => new WorkDuration((long)Math.Round(days * units.MinutesPerDay)).Format(units);
        static string Number(double value) => PlanValues.FormatNumber(value);
        static string Amount(decimal value) => value.ToString(CultureInfo.InvariantCulture);

        var (s, ds) = (rules.Schedule, ScheduleHealth.Default);
        var schedule = new YamlMappingNode();
        Add(schedule, "amber-days-late", s.AmberDaysLate != ds.AmberDaysLate ? Number(s.AmberDaysLate) : null);
        Add(schedule, "red-days-late", s.RedDaysLate != ds.RedDaysLate ? Number(s.RedDaysLate) : null);
        Add(schedule, "amber-slack", s.AmberSlackDays.Equals(ds.AmberSlackDays) ? null : Days(s.AmberSlackDays));
        Add(schedule, "red-slack", s.RedSlackDays.Equals(ds.RedSlackDays) ? null : Days(s.RedSlackDays));

        var (b, db) = (rules.Budget, BudgetHealth.Default);
        var budget = new YamlMappingNode();
        Add(budget, "amber-cpi", b.AmberCpi.Equals(db.AmberCpi) ? null : Number(b.AmberCpi));
        Add(budget, "red-cpi", b.RedCpi.Equals(db.RedCpi) ? null : Number(b.RedCpi));

        var (r, dr) = (rules.Risk, RiskHealth.Default);
        var risk = new YamlMappingNode();
        Add(risk, "amber-exposure", r.AmberExposureDays.Equals(dr.AmberExposureDays) ? null : Days(r.AmberExposureDays));
        Add(risk, "red-exposure", r.RedExposureDays.Equals(dr.RedExposureDays) ? null : Days(r.RedExposureDays));
        Add(risk, "amber-cost-exposure", r.AmberCostExposure is { } ac ? Amount(ac) : null);
        Add(risk, "red-cost-exposure", r.RedCostExposure is { } rc ? Amount(rc) : null);
        Add(risk, "escalate-exposure", r.Escalation.ExposureDays.Equals(dr.Escalation.ExposureDays) ? null : Days(r.Escalation.ExposureDays));
        Add(risk, "escalate-cost-exposure", r.Escalation.CostExposure is { } ec ? Amount(ec) : null);

        var (g, dg) = (rules.Governance, GovernanceHealth.Default);
        var governance = new YamlMappingNode();
        Add(governance, "amber-overdue-decisions", g.AmberOverdueDecisions != dg.AmberOverdueDecisions ? Number(g.AmberOverdueDecisions) : null);
        Add(governance, "red-overdue-decisions", g.RedOverdueDecisions != dg.RedOverdueDecisions ? Number(g.RedOverdueDecisions) : null);
        Add(governance, "amber-stale-days", g.AmberStaleDays != dg.AmberStaleDays ? Number(g.AmberStaleDays) : null);
        Add(governance, "red-stale-days", g.RedStaleDays != dg.RedStaleDays ? Number(g.RedStaleDays) : null);

        foreach (var (key, section) in new[] { ("schedule", schedule), ("budget", budget), ("risk", risk), ("governance", governance) })
        {
            if (section.Children.Count > 0)
            {
                node.Add(key, section);
            }
        }

        return node;
    }
}
