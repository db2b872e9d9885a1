using System.Globalization;
using Throughline.Domain.Budget;

namespace Throughline.Domain.Health;

/// <summary>
/// The budget rule (plan file: <c>health.budget</c>): amber when the cost performance index (EV / AC) is below
/// <see cref="AmberCpi"/>, red below <see cref="RedCpi"/>.
/// </summary>
public sealed record BudgetHealth
{
    public static readonly BudgetHealth Default = new();

    public double AmberCpi { get; init; } = 0.95;

    public double RedCpi { get; init; } = 0.9;

    public HealthVerdict Assess(EarnedValue? value)
    {
        if (value is null || value.BudgetAtCompletion == 0)
        {
            return new HealthVerdict([new HealthReason(HealthArea.Budget, HealthColour.Unknown, "No budget lines to judge cost against.")]);
        }

        if (value.CostPerformanceIndex is not { } cpi)
        {
            return new HealthVerdict([new HealthReason(HealthArea.Budget, HealthColour.Unknown, "Nothing spent yet: no cost performance to judge.")]);
        }

        var colour = cpi < RedCpi ? HealthColour.Red : cpi < AmberCpi ? HealthColour.Amber : HealthColour.Green;
        var detail = $"CPI {cpi.ToString("0.00", CultureInfo.InvariantCulture)}: {Money(value.EarnedValueAmount, value.Currency)} of work done for {Money(value.ActualCost, value.Currency)} spent";
        var text = colour switch
        {
            HealthColour.Red => $"{detail}, below the red line of {RedCpi.ToString("0.00", CultureInfo.InvariantCulture)}.",
            HealthColour.Amber => $"{detail}, below the amber line of {AmberCpi.ToString("0.00", CultureInfo.InvariantCulture)}.",
            HealthColour.Green or HealthColour.Unknown => $"{detail}.",
        };
        if (value.EstimateAtCompletion is { } eac && eac > value.BudgetAtCompletion && colour != HealthColour.Green)
        {
            text += $" Forecast at completion {Money(eac, value.Currency)} against a budget of {Money(value.BudgetAtCompletion, value.Currency)}.";
        }

        return new HealthVerdict([new HealthReason(HealthArea.Budget, colour, text)]);
    }

    internal static string Money(decimal amount, string currency) => Math.Round(amount).ToString("#,0", CultureInfo.InvariantCulture) + " " + currency;
}
