using Throughline.Domain;
using Throughline.Domain.Diagnostics;
using Throughline.Domain.Health;
using Throughline.Domain.Risks;
using YamlDotNet.RepresentationModel;

namespace Throughline.Interop.Plan;

// The thresholds of the red/amber/green health rules: the root 'health:' section (docs/plan-format.md, docs/reports.md).
// Whatever the section leaves out keeps its default.
public static partial class PlanReader
{
    private sealed partial class Reader
    {
        private static readonly string[] HealthFields = ["schedule", "budget", "risk", "governance"];
        private static readonly string[] ScheduleHealthFields = ["amber-days-late", "red-days-late", "amber-slack", "red-slack"];
        private static readonly string[] BudgetHealthFields = ["amber-cpi", "red-cpi"];
        private static readonly string[] RiskHealthFields = ["amber-exposure", "red-exposure", "amber-cost-exposure", "red-cost-exposure", "escalate-exposure", "escalate-cost-exposure"];
        private static readonly string[] GovernanceHealthFields = ["amber-overdue-decisions", "red-overdue-decisions", "amber-stale-days", "red-stale-days"];

        private HealthRules ReadHealth(YamlFields root)
        {
            if (root.Mapping("health") is not { } node)
            {
                return HealthRules.Default;
            }

            var f = new YamlFields(context, node, "health", HealthFields);
            var rules = HealthRules.Default;
            if (f.Mapping("schedule") is { } scheduleNode)
            {
                var s = new YamlFields(context, scheduleNode, "health.schedule", ScheduleHealthFields);
                var d = ScheduleHealth.Default;
                var schedule = new ScheduleHealth
                {
                    AmberDaysLate = Count(s, "amber-days-late") ?? d.AmberDaysLate,
                    RedDaysLate = Count(s, "red-days-late") ?? d.RedDaysLate,
                    AmberSlackDays = SlackDays(s, "amber-slack") ?? d.AmberSlackDays,
                    RedSlackDays = SlackDays(s, "red-slack") ?? d.RedSlackDays,
                };
                Ordered(s, "red-days-late", schedule.RedDaysLate >= schedule.AmberDaysLate, "red-days-late is at least amber-days-late");
                Ordered(s, "red-slack", schedule.RedSlackDays <= schedule.AmberSlackDays, "red-slack is at most amber-slack");
                rules = rules with { Schedule = schedule };
            }

            if (f.Mapping("budget") is { } budgetNode)
            {
                var b = new YamlFields(context, budgetNode, "health.budget", BudgetHealthFields);
                var budget = new BudgetHealth
                {
                    AmberCpi = Index(b, "amber-cpi") ?? BudgetHealth.Default.AmberCpi,
                    RedCpi = Index(b, "red-cpi") ?? BudgetHealth.Default.RedCpi,
                };
                Ordered(b, "red-cpi", budget.RedCpi <= budget.AmberCpi, "red-cpi is at most amber-cpi");
                rules = rules with { Budget = budget };
            }

            if (f.Mapping("risk") is { } riskNode)
            {
                var r = new YamlFields(context, riskNode, "health.risk", RiskHealthFields);
                var d = RiskHealth.Default;
                var risk = new RiskHealth
                {
                    AmberExposureDays = ExposureDays(r, "amber-exposure") ?? d.AmberExposureDays,
                    RedExposureDays = ExposureDays(r, "red-exposure") ?? d.RedExposureDays,
                    AmberCostExposure = r.Money("amber-cost-exposure")?.Amount ?? d.AmberCostExposure,
                    RedCostExposure = r.Money("red-cost-exposure")?.Amount ?? d.RedCostExposure,
                    Escalation = new RiskEscalationPolicy
                    {
                        ExposureDays = ExposureDays(r, "escalate-exposure") ?? d.Escalation.ExposureDays,
                        CostExposure = r.Money("escalate-cost-exposure")?.Amount ?? d.Escalation.CostExposure,
                    },
                };
                Ordered(r, "red-exposure", risk.RedExposureDays >= risk.AmberExposureDays, "red-exposure is at least amber-exposure");
                Ordered(r, "red-cost-exposure", (risk.RedCostExposure ?? decimal.MaxValue) >= (risk.AmberCostExposure ?? 0), "red-cost-exposure is at least amber-cost-exposure");
                rules = rules with { Risk = risk };
            }

            if (f.Mapping("governance") is { } governanceNode)
            {
                var g = new YamlFields(context, governanceNode, "health.governance", GovernanceHealthFields);
                var d = GovernanceHealth.Default;
                var governance = new GovernanceHealth
                {
                    AmberOverdueDecisions = Count(g, "amber-overdue-decisions", min: 1) ?? d.AmberOverdueDecisions,
                    RedOverdueDecisions = Count(g, "red-overdue-decisions", min: 1) ?? d.RedOverdueDecisions,
                    AmberStaleDays = Count(g, "amber-stale-days") ?? d.AmberStaleDays,
                    RedStaleDays = Count(g, "red-stale-days") ?? d.RedStaleDays,
                };
                Ordered(g, "red-overdue-decisions", governance.RedOverdueDecisions >= governance.AmberOverdueDecisions, "red-overdue-decisions is at least amber-overdue-decisions");
                Ordered(g, "red-stale-days", governance.RedStaleDays >= governance.AmberStaleDays, "red-stale-days is at least amber-stale-days");
                rules = rules with { Governance = governance };
            }

            return rules;
        }

        /// <summary>A whole number of days or decisions, at least <paramref name="min"/>.</summary>
        private int? Count(YamlFields f, string key, int min = 0)
        {
            var value = f.Number(key);
            if (value is null)
            {
                return null;
            }

            if (value < min || value != Math.Floor(value.Value) || value > 10_000)
            {
                context.Error(f.Get(key)!, DiagnosticCodes.InvalidValue, $"{key}: a whole number from {min} to 10000, not {PlanValues.FormatNumber(value.Value)}");
                return null;
            }

            return (int)value.Value;
        }

        /// <summary>Working time in the program's units, as days; a negative slack is allowed ("-2d": two days late).</summary>
        private double? SlackDays(YamlFields f, string key) =>
            f.Parse(key, (string t, out string? e) => PlanValues.WorkDuration(t, context.Units, out e, allowNegative: true), DiagnosticCodes.InvalidDuration)?.Days(context.Units);

        private double? ExposureDays(YamlFields f, string key) => f.Duration(key)?.Days(context.Units);

        /// <summary>A cost performance index: a positive number, usually just below 1.</summary>
        private double? Index(YamlFields f, string key)
        {
            var value = f.Number(key);
            if (value is <= 0 or > 10)
            {
                context.Error(f.Get(key)!, DiagnosticCodes.InvalidValue, $"{key}: a cost performance index above 0 (1 is on budget), not {PlanValues.FormatNumber(value.Value)}");
                return null;
            }

            return value;
        }

        /// <summary>Reports a red threshold that would be reached before its amber one.</summary>
        private void Ordered(YamlFields f, string key, bool ok, string rule)
        {
            if (!ok)
            {
                context.Error(f.Get(key) ?? f.Node, DiagnosticCodes.InvalidValue, $"{f.What}: {rule}");
            }
        }
    }
}
