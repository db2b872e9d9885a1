using System.Globalization;
using Throughline.Domain;
using Throughline.Domain.Health;
using Throughline.Reports.Outlook;

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

    /// <summary>How actual cost was counted; actuals reported past the status date are flagged.</summary>
    public static string Accrual(Domain.Budget.EarnedValue v)
    {
        var late = v.ActualsThrough > v.StatusDate ? $" That is after the status date {Date(v.StatusDate)}: check the status date or the actuals." : string.Empty;
        return v.AccruedCost > 0
            ? $"Actuals reported through {Date(v.ActualsThrough)}; AC includes {Money(v.AccruedCost)} accrued at plan for periods not yet reported.{late}"
            : v.ActualsThrough is { } through ? $"Actuals reported through {Date(through)}.{late}" : string.Empty;
    }

    public static string Slack(double days) => days < 0 ? $"late by {Days(-days)} d" : $"{Days(days)} d";

    /// <summary>A buffer to a committed date ("4 d", "late by 2 d"), or "–" for an item without one.</summary>
    public static string Buffer(double? days) => days is { } d ? Slack(d) : "–";

    /// <summary>Total slack in Microsoft Project's sense, signed: "+3 d", "−2 d".</summary>
    public static string TotalSlack(double days) => SignedDays(days);

    /// <summary>A commitment's chance on time; a pinned one says so, its chance being that of the work driving it.</summary>
    public static string Chance(CommitmentOutlook c) => c.ProbabilityOnTime is { } p ? (c.Pinned ? $"{Percent(p)} (pinned)" : Percent(p)) : c.Pinned ? "pinned" : "–";

    /// <summary>
    /// The headline sentence of every report: the chance on time is the least likely commitment's, named; a pinned one
    /// shows the pressure it is under rather than its pinned date.
    /// </summary>
    public static string Headline(ProgramOutlook outlook)
    {
        if (outlook.WorstCommitment is not { } worst)
        {
            return $"Nothing is committed yet; the schedule finishes on {Date(outlook.ProgramEnd.Scheduled)}.";
        }

        var pinned = worst.Pinned
            ? $"; pinned by a constraint, under {TotalSlack(worst.TotalSlackDays)} total slack{(worst.ProbabilityOnTime is { } r ? $", with a {Percent(r)} chance that the work driving it is ready by then" : string.Empty)}"
            : string.Empty;
        return worst.ProbabilityOnTime is { } p
            ? $"Chance on time: {Percent(p)}, set by the least likely commitment, {worst.Name} (committed {Date(worst.Committed)}, P80 {Date(worst.ForecastP80)}, buffer {Slack(worst.BufferDays)}{pinned})."
            : $"Least buffer: {worst.Name} (committed {Date(worst.Committed)}, scheduled {Date(worst.ScheduledFinish)}, buffer {Slack(worst.BufferDays)}{pinned}); no forecast was run.";
    }
}
