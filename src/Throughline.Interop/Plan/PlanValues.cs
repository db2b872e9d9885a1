using System.Globalization;
using System.Text.RegularExpressions;
using Throughline.Domain;

namespace Throughline.Interop.Plan;

/// <summary>
/// Reads the scalar notations of the plan format (durations, dates, percentages, money, dependency short forms).
/// Each method returns the value, or null with a message that says what was expected; none throws on bad input.
/// </summary>
internal static partial class PlanValues
{
    /// <summary>Microsoft Project's date range: a plan outside it could not be exported, and is almost always a typo.</summary>
    public static readonly DateOnly MinDate = PlanRange.MinDate;

    public static readonly DateOnly MaxDate = PlanRange.MaxDate;

    private static readonly string[] DateTimeFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    [GeneratedRegex(@"^(?<sign>[+-]?)\s*(?<n>\d+(?:\.\d+)?)\s*(?<e>e?)(?<unit>mo|m|h|d|w)$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^(?<n>[+-]?\d+(?:\.\d+)?)\s*%$", RegexOptions.CultureInvariant)]
    private static partial Regex PercentPattern();

    [GeneratedRegex(@"^(?<n>[+-]?\d+(?:\.\d+)?)\s*(?<cur>[A-Z]{3})?$", RegexOptions.CultureInvariant)]
    private static partial Regex MoneyPattern();

    [GeneratedRegex(@"^(?<h>\d{1,2}):(?<m>\d{2})\s*-\s*(?<h2>\d{1,2}):(?<m2>\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeRangePattern();

    [GeneratedRegex(@"^(?<y>\d{4})-(?:(?<mo>\d{2})|Q(?<q>[1-4]))$", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodPattern();

    /// <summary>A working duration such as "3d", "4h", "1.5w". Elapsed units are refused here.</summary>
    public static WorkDuration? WorkDuration(string text, WorkTimeUnits units, out string? error, bool allowNegative = false)
    {
        var lag = ParseDuration(text, units, out error);
        if (lag is null)
        {
            return null;
        }

        if (lag.Value.Kind == LagKind.Elapsed)
        {
            error = $"'{text}' is elapsed time; only dependency lags take elapsed units (write '{text.Replace("e", string.Empty, StringComparison.Ordinal)}' for working time)";
            return null;
        }

        if (!allowNegative && lag.Value.Amount < 0)
        {
            error = $"duration '{text}' is negative; durations are zero or more";
            return null;
        }

        return new WorkDuration(lag.Value.Amount);
    }

    /// <summary>Elapsed time as written for a response time or shift length: "24h", "5d", "1w" (days are 24 hours).</summary>
    public static long? ElapsedMinutes(string text, out string? error)
    {
        var match = DurationPattern().Match(text.Trim());
        if (!match.Success || match.Groups["sign"].Value == "-")
        {
            error = $"'{text}' is not a length of time; write e.g. '24h', '5d' or '1w'";
            return null;
        }

        error = null;
        var n = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        return (long)Math.Round(n * ElapsedUnitMinutes(match.Groups["unit"].Value));
    }

    /// <summary>A lag: working ("2d"), elapsed ("2ed"), or a percentage of the predecessor ("50%"); may be negative.</summary>
    public static Lag? Lag(string text, WorkTimeUnits units, out string? error)
    {
        var percent = PercentPattern().Match(text.Trim());
        if (percent.Success)
        {
            error = null;
            return Domain.Lag.Percent((long)Math.Round(double.Parse(percent.Groups["n"].Value, CultureInfo.InvariantCulture)));
        }

        return ParseDuration(text, units, out error);
    }

    public static DateOnly? Date(string text, out string? error)
    {
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            error = $"'{text}' is not a date; write it as YYYY-MM-DD";
            return null;
        }

        return InRange(date, text, out error) ? date : null;
    }

    /// <summary>
    /// A date, or a date and time. A date alone means the start of the day, or with <paramref name="endOfDay"/> its
    /// last minute, for things that finish on that day.
    /// </summary>
    public static DateTime? DateTime(string text, bool endOfDay, out string? error)
    {
        var trimmed = text.Trim();
        if (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return InRange(date, text, out error) ? date.ToDateTime(endOfDay ? EndOfDay : TimeOnly.MinValue) : null;
        }

        if (System.DateTime.TryParseExact(trimmed, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return InRange(DateOnly.FromDateTime(value), text, out error) ? value : null;
        }

        error = $"'{text}' is not a date; write it as YYYY-MM-DD or YYYY-MM-DDTHH:MM";
        return null;
    }

    /// <summary>The time a date alone stands for when something finishes on it.</summary>
    public static readonly TimeOnly EndOfDay = new(23, 59);

    /// <summary>A percentage: "40%" or a plain number from 0 to 100.</summary>
    public static double? Percent(string text, out string? error, double max = 100)
    {
        var trimmed = text.Trim();
        var match = PercentPattern().Match(trimmed);
        var number = match.Success ? match.Groups["n"].Value : trimmed;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || value > max)
        {
            error = $"'{text}' is not a percentage from 0 to {max.ToString(CultureInfo.InvariantCulture)}; write e.g. '40%'";
            return null;
        }

        error = null;
        return value;
    }

    /// <summary>A probability: "30%" or a fraction from 0 to 1.</summary>
    public static Probability? Probability(string text, out string? error)
    {
        var trimmed = text.Trim();
        var match = PercentPattern().Match(trimmed);
        double value;
        if (match.Success)
        {
            value = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture) / 100;
        }
        else if (!double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            value = double.NaN;
        }

        if (double.IsNaN(value) || value < 0 || value > 1)
        {
            error = $"'{text}' is not a probability; write a percentage ('30%') or a fraction from 0 to 1 ('0.3')";
            return null;
        }

        error = null;
        return new Probability(value);
    }

    /// <summary>Money: a number in the program's currency, or a number and an ISO 4217 code ("95000 EUR").</summary>
    public static Money? Money(string text, string currency, out string? error)
    {
        var match = MoneyPattern().Match(text.Trim().Replace("_", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal));
        if (!match.Success)
        {
            error = $"'{text}' is not an amount of money; write e.g. '120000' or '95000 EUR'";
            return null;
        }

        error = null;
        var code = match.Groups["cur"].Success ? match.Groups["cur"].Value : currency;
        return new Money(decimal.Parse(match.Groups["n"].Value, NumberStyles.Float, CultureInfo.InvariantCulture), code);
    }

    public static double? Number(string text, out string? error)
    {
        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            error = null;
            return value;
        }

        error = $"'{text}' is not a number";
        return null;
    }

    public static bool? Boolean(string text, out string? error)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "true" or "yes":
                error = null;
                return true;
            case "false" or "no":
                error = null;
                return false;
            default:
                error = $"'{text}' is not true or false";
                return null;
        }
    }

    /// <summary>Working hours of one day: "09:00-12:30, 13:30-17:30", or "none"/"off" for a day without work.</summary>
    public static IReadOnlyList<Domain.Calendars.WorkingTimeRange>? WorkingTimes(string text, out string? error)
    {
        var trimmed = text.Trim();
        error = null;
        if (trimmed.Length == 0 || trimmed is "none" or "off")
        {
            return [];
        }

        var ranges = new List<Domain.Calendars.WorkingTimeRange>();
        foreach (var part in trimmed.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var match = TimeRangePattern().Match(part);
            if (!match.Success)
            {
                error = $"'{part}' is not a time range; write e.g. '09:00-17:00'";
                return null;
            }

            var start = (int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture) * 60) + int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
            var end = (int.Parse(match.Groups["h2"].Value, CultureInfo.InvariantCulture) * 60) + int.Parse(match.Groups["m2"].Value, CultureInfo.InvariantCulture);
            if (start >= end || end > 1440 || int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) > 59 || int.Parse(match.Groups["m2"].Value, CultureInfo.InvariantCulture) > 59)
            {
                error = $"'{part}' does not run forwards within one day";
                return null;
            }

            if (ranges.Count > 0 && start < ranges[^1].EndMinute)
            {
                error = $"'{part}' overlaps or comes before the range before it; list ranges in order";
                return null;
            }

            ranges.Add(new Domain.Calendars.WorkingTimeRange(start, end));
        }

        return ranges;
    }

    /// <summary>A budget period: a month ("2027-01") or a quarter ("2027-Q1").</summary>
    public static DateRange? Period(string text, out string? error)
    {
        var match = PeriodPattern().Match(text.Trim());
        if (match.Success)
        {
            var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
            var (firstMonth, months) = match.Groups["q"].Success
                ? (((int.Parse(match.Groups["q"].Value, CultureInfo.InvariantCulture) - 1) * 3) + 1, 3)
                : (int.Parse(match.Groups["mo"].Value, CultureInfo.InvariantCulture), 1);
            if (firstMonth is >= 1 and <= 12)
            {
                var from = new DateOnly(year, firstMonth, 1);
                if (InRange(from, text, out error))
                {
                    return new DateRange(from, from.AddMonths(months).AddDays(-1));
                }

                return null;
            }
        }

        error = $"'{text}' is not a period; write a month ('2027-01'), a quarter ('2027-Q1') or {{ from: ..., to: ... }}";
        return null;
    }

    public static string FormatPeriod(DateRange period)
    {
        if (period.From.Day == 1 && period.To == period.From.AddMonths(1).AddDays(-1))
        {
            return period.From.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        }

        if (period.From.Day == 1 && (period.From.Month - 1) % 3 == 0 && period.To == period.From.AddMonths(3).AddDays(-1))
        {
            return $"{period.From.Year}-Q{((period.From.Month - 1) / 3) + 1}";
        }

        return string.Empty;
    }

    public static string FormatLag(Lag lag, WorkTimeUnits units)
    {
        var sign = lag.Amount < 0 ? "-" : "+";
        var abs = Math.Abs(lag.Amount);
        return lag.Kind switch
        {
            LagKind.PercentOfPredecessor => sign + abs.ToString(CultureInfo.InvariantCulture) + "%",
            LagKind.Working => sign + new WorkDuration(abs).Format(units),
            LagKind.Elapsed => sign + FormatElapsed(abs),
        };
    }

    public static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Writes a date-time the short way when it is what a date alone would have meant.</summary>
    public static string FormatDateTime(DateTime value, bool endOfDay)
    {
        var time = TimeOnly.FromDateTime(value);
        if (time == (endOfDay ? EndOfDay : TimeOnly.MinValue))
        {
            return value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return value.ToString(value.Second == 0 ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
    }

    public static string FormatNumber(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string FormatElapsed(long minutes) =>
        minutes % (7 * 1440) == 0 ? (minutes / (7 * 1440)).ToString(CultureInfo.InvariantCulture) + "ew"
        : minutes % 1440 == 0 ? (minutes / 1440).ToString(CultureInfo.InvariantCulture) + "ed"
        : minutes % 60 == 0 ? (minutes / 60).ToString(CultureInfo.InvariantCulture) + "eh"
        : minutes.ToString(CultureInfo.InvariantCulture) + "em";

    private static Lag? ParseDuration(string text, WorkTimeUnits units, out string? error)
    {
        var trimmed = text.Trim();
        if (trimmed == "0")
        {
            error = null;
            return Domain.Lag.None;
        }

        var match = DurationPattern().Match(trimmed);
        if (!match.Success)
        {
            error = $"'{text}' is not a duration; write a number and a unit: '30m', '4h', '3d', '2w' or '1mo'";
            return null;
        }

        error = null;
        var n = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        var unit = match.Groups["unit"].Value;
        var elapsed = match.Groups["e"].Value.Length > 0;
        var minutesPerUnit = elapsed ? ElapsedUnitMinutes(unit) : unit switch
        {
            "m" => 1,
            "h" => 60,
            "d" => units.MinutesPerDay,
            "w" => units.MinutesPerWeek,
            _ => units.MinutesPerMonth,
        };
        var minutes = (long)Math.Round(n * minutesPerUnit);
        if (match.Groups["sign"].Value == "-")
        {
            minutes = -minutes;
        }

        return new Lag(minutes, elapsed ? LagKind.Elapsed : LagKind.Working);
    }

    private static double ElapsedUnitMinutes(string unit) => unit switch
    {
        "m" => 1,
        "h" => 60,
        "d" => 1440,
        "w" => 7 * 1440,
        _ => 30 * 1440,
    };

    private static bool InRange(DateOnly date, string text, out string? error)
    {
        if (date < MinDate || date > MaxDate)
        {
            error = $"date '{text.Trim()}' is out of range; plans use dates from 1984-01-01 to 2149-12-31";
            return false;
        }

        error = null;
        return true;
    }
}
