using System.Globalization;
using Throughline.Domain;
using Throughline.Domain.Health;

namespace Throughline.Web.Ui;

/// <summary>How pages write dates, numbers and health: one format everywhere (28 May 2027; 1.5 d; 73%).</summary>
public static class Format
{
    public static string D(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string D(DateOnly? date) => date is { } d ? D(d) : "—";

    public static string D(DateTime date) => D(DateOnly.FromDateTime(date));

    public static string D(DateTime? date) => date is { } d ? D(d) : "—";

    public static string Days(double days) => days.ToString("0.#", CultureInfo.InvariantCulture) + " d";

    public static string SignedDays(double days) => (days > 0 ? "+" : "") + Days(days);

    public static string Percent(double? share) => share is { } p ? (p * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : "—";

    public static string Hours(double hours) => hours.ToString("0.#", CultureInfo.InvariantCulture);

    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Rag(HealthColour colour) => colour switch
    {
        HealthColour.Red => "rag rag-red",
        HealthColour.Amber => "rag rag-amber",
        HealthColour.Green => "rag rag-green",
        HealthColour.Unknown => "rag rag-grey",
    };

    public static string RagWord(HealthColour colour) => colour switch
    {
        HealthColour.Red => "Red",
        HealthColour.Amber => "Amber",
        HealthColour.Green => "Green",
        HealthColour.Unknown => "Unknown",
    };

    public static string RoleName(FunctionalRole role) => role switch
    {
        FunctionalRole.ProductManager => "Product manager",
        FunctionalRole.EngineeringManager => "Engineering manager",
        FunctionalRole.ProgramManager => "TPM",
        FunctionalRole.Engineer => "Engineer",
        FunctionalRole.Designer => "Designer",
        FunctionalRole.Executive => "Executive",
        FunctionalRole.Other => "Member",
    };

    /// <summary>An enum value as the plan format writes it (<c>InProgress</c> → <c>in progress</c>).</summary>
    public static string Words(Enum value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var name = value.ToString();
        var words = string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
        return char.ToUpperInvariant(words[0]) + words[1..];
    }
}
