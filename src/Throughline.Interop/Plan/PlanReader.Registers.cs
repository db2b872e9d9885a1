using Throughline.Domain;
using Throughline.Domain.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Throughline.Interop.Plan;

// The risk register, the decision log and the budget.
public static partial class PlanReader
{
    private sealed partial class Reader
    {
        private static readonly string[] RiskFields =
        [
            "id", "title", "description", "probability", "impact", "cost-impact", "owner", "status", "response", "mitigation",
            "mitigation-due", "trigger", "items", "raised",
        ];

        private static readonly string[] DecisionFields =
        [
            "id", "question", "options", "recommendation", "decider", "forum", "due", "status", "outcome", "rationale", "decided-on", "blocks",
        ];

        private static readonly string[] BudgetFields = ["project", "period", "category", "planned", "actual"];
        private static readonly string[] PeriodFields = ["from", "to"];

        private Risk? ReadRisk(YamlMappingNode node, int index)
        {
            var f = new YamlFields(context, node, "a risk", RiskFields, (EntityKind.Risk, index));
            var id = f.String("id", required: true);
            var title = f.String("title", required: true);
            var probability = f.Parse<Probability>("probability", PlanValues.Probability, DiagnosticCodes.InvalidValue, required: true);
            var impact = f.Duration("impact");
            var risk = new Risk(new RiskId(id?.Trim() ?? string.Empty), title?.Trim() ?? string.Empty, probability ?? new Probability(0))
            {
                Description = Text(f.String("description")),
                ScheduleImpact = impact ?? WorkDuration.Zero,
                CostImpact = f.Money("cost-impact"),
                Owner = PersonRef(f.String("owner")),
                Status = f.Enum("status", PlanWords.RiskStatuses) ?? RiskStatus.Open,
                Response = f.Enum("response", PlanWords.Responses) ?? RiskResponse.Mitigate,
                Mitigation = Text(f.String("mitigation")),
                MitigationDue = f.Date("mitigation-due"),
                Trigger = Text(f.String("trigger")),
                LinkedItems = f.Ids("items").Select(i => new WorkItemId(i)).ToList(),
                Raised = f.Date("raised"),
            };
            return id is null || title is null || probability is null ? null : risk;
        }

        private Decision? ReadDecision(YamlMappingNode node, int index)
        {
            var f = new YamlFields(context, node, "a decision", DecisionFields, (EntityKind.Decision, index));
            var id = f.String("id", required: true);
            var question = f.String("question", required: true);
            var decision = new Decision(new DecisionId(id?.Trim() ?? string.Empty), question?.Trim() ?? string.Empty)
            {
                Options = f.Ids("options"),
                Recommendation = Text(f.String("recommendation")),
                Decider = PersonRef(f.String("decider")),
                Forum = Text(f.String("forum")) is { } forum ? new ForumId(forum) : null,
                Due = f.Date("due"),
                Status = f.Enum("status", PlanWords.DecisionStatuses) ?? DecisionStatus.Open,
                Outcome = Text(f.String("outcome")),
                Rationale = Text(f.String("rationale")),
                DecidedOn = f.Date("decided-on"),
                Blocks = f.Ids("blocks").Select(i => new WorkItemId(i)).ToList(),
            };
            return id is null || question is null ? null : decision;
        }

        private BudgetLine? ReadBudgetLine(YamlMappingNode node, int index)
        {
            var f = new YamlFields(context, node, "a budget line", BudgetFields, (EntityKind.BudgetLine, index));
            var project = f.String("project", required: true);
            var planned = f.Money("planned");
            if (!f.Has("planned"))
            {
                context.Error(node, DiagnosticCodes.MissingField, "a budget line needs 'planned'");
            }

            DateRange? period = null;
            switch (f.Get("period"))
            {
                case null:
                    context.Error(node, DiagnosticCodes.MissingField, "a budget line needs 'period' (a month '2027-01', a quarter '2027-Q1' or { from, to })");
                    break;
                case YamlScalarNode:
                    period = f.Parse<DateRange>("period", PlanValues.Period, DiagnosticCodes.InvalidDate);
                    break;
                case YamlMappingNode mapping:
                    var p = new YamlFields(context, mapping, "a budget period", PeriodFields);
                    var from = p.Date("from", required: true);
                    var to = p.Date("to", required: true);
                    if (from is not null && to is not null)
                    {
                        if (to < from)
                        {
                            context.Error(p.Get("to")!, DiagnosticCodes.InvalidDate, "to: the period ends before it starts");
                        }
                        else
                        {
                            period = new DateRange(from.Value, to.Value);
                        }
                    }

                    break;
                case var other:
                    context.Error(other, DiagnosticCodes.InvalidValue, "period: a month, a quarter or { from, to }");
                    break;
            }

            return project is null || planned is null || period is null ? null : new BudgetLine(new ProjectId(project.Trim()), period.Value, planned.Value)
            {
                Category = Text(f.String("category")),
                Actual = f.Money("actual"),
            };
        }
    }
}
