using Throughline.Domain;
using Throughline.Domain.Budget;
using Throughline.Domain.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Throughline.Interop.Plan;

// Which budget lines earned value counts as work: the root 'earned-value:' section (docs/plan-format.md,
// docs/reports.md). Without it every line is work.
public static partial class PlanReader
{
    private sealed partial class Reader
    {
        private static readonly string[] EarnedValueFields = ["work-categories"];

        private EarnedValueSettings ReadEarnedValue(YamlFields root, IReadOnlyList<BudgetLine> budget)
        {
            if (root.Mapping("earned-value") is not { } node)
            {
                return EarnedValueSettings.Default;
            }

            var f = new YamlFields(context, node, "earned-value", EarnedValueFields);
            if (f.Get("work-categories") is not { } list)
            {
                return EarnedValueSettings.Default;
            }

            if (list is not YamlSequenceNode sequence)
            {
                context.Error(list, DiagnosticCodes.InvalidValue, "earned-value.work-categories: a list of budget categories, e.g. [labour, services]");
                return EarnedValueSettings.Default;
            }

            if (sequence.Children.Count == 0)
            {
                context.Error(sequence, DiagnosticCodes.InvalidValue, "earned-value.work-categories: list at least one budget category, or leave the section out to count every line as work");
                return EarnedValueSettings.Default;
            }

            var used = budget.Select(l => l.Category).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var categories = new List<string>();
            foreach (var entry in sequence.Children)
            {
                if (entry is not YamlScalarNode { Value: { } text } || text.Trim().Length == 0)
                {
                    context.Error(entry, DiagnosticCodes.InvalidValue, "earned-value.work-categories: each entry is a budget category, such as labour");
                    continue;
                }

                var category = text.Trim();
                if (categories.Contains(category, StringComparer.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (!used.Contains(category, StringComparer.OrdinalIgnoreCase))
                {
                    // A warning, not an error: the plan still reads, but a misspelt category silently turns work into run costs.
                    var suggestion = Suggestions.Closest(category, used);
                    var hint = suggestion is not null ? $"; did you mean '{suggestion}'?"
                        : used.Count > 0 ? $"; the budget's categories are {string.Join(", ", used.Order(StringComparer.Ordinal))}"
                        : string.Empty;
                    context.Warning(entry, DiagnosticCodes.UnusedWorkCategory, $"earned-value.work-categories: no budget line has category '{category}'{hint}");
                }

                categories.Add(category);
            }

            // Every entry was reported as unreadable: reading on as if the section were absent adds no second error.
            return categories.Count == 0 ? EarnedValueSettings.Default : new EarnedValueSettings { WorkCategories = categories };
        }
    }
}
