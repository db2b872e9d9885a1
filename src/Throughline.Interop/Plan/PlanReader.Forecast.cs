using Throughline.Domain;
using Throughline.Domain.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Throughline.Interop.Plan;

// The forecast's uncertainty inputs: the root 'forecast:' section, and the 'distribution' and 'uncertainty' fields
// that teams and items carry (docs/plan-format.md, docs/forecasting.md).
public static partial class PlanReader
{
    private sealed partial class Reader
    {
        private static readonly string[] ForecastFields = ["distribution", "uncertainty", "correlation", "categories", "correlate", "decision-lag"];
        private static readonly string[] UncertaintyFields = ["optimistic", "pessimistic"];

        /// <summary>The largest pessimistic factor accepted, as a percentage of the estimate.</summary>
        private const double MaxPessimisticPercent = 1000;

        private ForecastSettings ReadForecast(YamlFields root)
        {
            if (root.Mapping("forecast") is not { } node)
            {
                return ForecastSettings.None;
            }

            var f = new YamlFields(context, node, "forecast", ForecastFields);
            var correlation = f.Parse("correlation", PlanValues.Probability, DiagnosticCodes.InvalidValue);
            var categories = new Dictionary<string, Uncertainty>(StringComparer.Ordinal);
            if (f.Mapping("categories") is { } categoriesNode)
            {
                foreach (var (keyNode, valueNode) in categoriesNode.Children)
                {
                    var tag = (keyNode as YamlScalarNode)?.Value?.Trim();
                    if (string.IsNullOrEmpty(tag))
                    {
                        context.Error(keyNode, DiagnosticCodes.InvalidValue, "forecast.categories: each key is an item tag");
                        continue;
                    }

                    if (ReadUncertainty(valueNode, $"forecast.categories.{tag}") is { } spread)
                    {
                        categories[tag] = spread;
                    }
                }
            }

            return new ForecastSettings
            {
                Distribution = ReadDistribution(f),
                Uncertainty = f.Get("uncertainty") is { } u ? ReadUncertainty(u, "forecast.uncertainty") : null,
                Correlation = correlation?.Value,
                Categories = categories,
                Correlate = f.Ids("correlate"),
                DecisionLag = ReadEstimate(f, "decision-lag"),
            };
        }

        private static DurationDistribution? ReadDistribution(YamlFields f) => f.Enum("distribution", PlanWords.Distributions);

        /// <summary>
        /// "{ optimistic: 90%, pessimistic: 150% }": the spread of a single-value estimate, as percentages of it. Both
        /// are required; optimistic lies from 0% to 100%, pessimistic from 100% to 1000%.
        /// </summary>
        private Uncertainty? ReadUncertainty(YamlNode node, string what)
        {
            if (node is not YamlMappingNode mapping)
            {
                context.Error(node, DiagnosticCodes.InvalidValue, $"{what}: write {{ optimistic: 90%, pessimistic: 150% }}, percentages of the estimate");
                return null;
            }

            var f = new YamlFields(context, mapping, what, UncertaintyFields);
            var optimistic = f.Parse<double>("optimistic", (string t, out string? e) => PlanValues.Percent(t, out e), DiagnosticCodes.InvalidValue, required: true);
            var pessimistic = f.Parse<double>("pessimistic", (string t, out string? e) => PlanValues.Percent(t, out e, MaxPessimisticPercent), DiagnosticCodes.InvalidValue, required: true);
            if (optimistic is null || pessimistic is null)
            {
                return null;
            }

            if (pessimistic < 100)
            {
                context.Error(f.Get("pessimistic")!, DiagnosticCodes.InvalidValue, $"{what}: pessimistic is at least 100% of the estimate, not {PlanValues.FormatNumber(pessimistic.Value)}%");
                return null;
            }

            return new Uncertainty(optimistic.Value / 100, pessimistic.Value / 100);
        }

        private Uncertainty? ReadUncertainty(YamlFields f, string what) => f.Get("uncertainty") is { } node ? ReadUncertainty(node, what) : null;
    }
}
