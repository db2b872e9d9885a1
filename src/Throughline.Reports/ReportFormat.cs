using System.Globalization;
using Throughline.Domain;
using Throughline.Domain.Health;

namespace Throughline.Reports;

/// <summary>How the report writes dates, days, money and colours: the same in Markdown and HTML, invariant culture.</summary>
internal static class ReportFormat
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "–";

    /// <summary>"Wed 15 Sep 2027": the headline dates, easy to read aloud.</summary>
    public static string LongDate(DateOnly date) => date.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);

    public static string Days(double days) => days.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Signed working days: "+3 d", "−2 d", "0 d".</summary>
    public static string SignedDays(double days) => Math.Round(days, 1) switch
    {
        > 0 => "+" + Days(days) + " d",
        < 0 => "−" + Days(-days) + " d",
        _ => "0 d",
    };

    public static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    public static string Percent(double? share) => share is { } s ? Percent(s) : "–";

    public static string Money(decimal amount) => Math.Round(amount).ToString("#,0", CultureInfo.InvariantCulture);

    public static string Money(decimal? amount) => amount is { } a ? Money(a) : "–";

    public static string Money(Money? money) => money is { } m ? Money(m.Amount) + " " + m.Currency : "–";

    public static string Index(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "–";

    public static string Word(HealthColour colour) => colour switch
    {
        HealthColour.Red => "Red",
        HealthColour.Amber => "Amber",
        HealthColour.Green => "Green",
        HealthColour.Unknown => "Not assessed",
    };

    /// <summary>A coloured circle for Markdown, which has no colour of its own.</summary>
    public static string Dot(HealthColour colour) => colour switch
    {
        HealthColour.Red => "🔴",
        HealthColour.Amber => "🟠",
        HealthColour.Green => "🟢",
        HealthColour.Unknown => "⚪",
    };

    public static string Area(HealthArea area) => area switch
    {
        HealthArea.Schedule => "Schedule",
        HealthArea.Budget => "Budget",
        HealthArea.Risk => "Risk",
        HealthArea.Governance => "Governance",
    };

    /// <summary>Which budget lines earned value counts, and how the run costs are forecast: said once, above the budget tables.</summary>
    public static string SplitRule(StatusReport report)
    {
        var run = report.Budget.RunCategories;
        var (verb, noun, does, its) = run.Count == 1 ? ("is", "a run cost", "does", "its") : ("are", "run costs", "do", "their");
        return $"Earned value counts the work ({string.Join(", ", report.Program.EarnedValue.WorkCategories ?? [])}); "
            + $"{string.Join(", ", run)} {verb} {noun}, which {does} not follow the work: {its} forecast at completion is the actual to date plus the plan for the rest.";
    }

    public static string Slack(double days) => days < 0 ? $"late by {Days(-days)} d" : $"{Days(days)} d";
}
