using System.Globalization;
using System.Text.RegularExpressions;
using Throughline.Domain;

namespace Throughline.Interop.Mspdi;

/// <summary>
/// The MSPDI encodings shared by the reader and the writer: link and constraint codes, duration and lag formats,
/// and the text forms of dates, times and durations. Codes are those of the Microsoft Project XML schema
/// (mspdi_pj12.xsd and later, unchanged since Project 2002).
/// </summary>
internal static partial class MspdiFormat
{
    public const string Namespace = "http://schemas.microsoft.com/project";

    /// <summary>Microsoft Project's date range; dates outside it are not schedule dates.</summary>
    public static readonly DateTime MinDate = new(1984, 1, 1);

    public static readonly DateTime MaxDate = new(2149, 12, 31, 23, 59, 0);

    /// <summary>The UID an assignment uses for "no resource".</summary>
    public const int UnassignedResourceUid = -65535;

    public static DependencyType? LinkType(int code) => code switch
    {
        0 => DependencyType.FinishToFinish,
        1 => DependencyType.FinishToStart,
        2 => DependencyType.StartToFinish,
        3 => DependencyType.StartToStart,
        _ => null,
    };

    public static int LinkTypeCode(DependencyType type) => type switch
    {
        DependencyType.FinishToFinish => 0,
        DependencyType.FinishToStart => 1,
        DependencyType.StartToFinish => 2,
        DependencyType.StartToStart => 3,
    };

    public static ConstraintType? Constraint(int code) => code switch
    {
        0 => ConstraintType.AsSoonAsPossible,
        1 => ConstraintType.AsLateAsPossible,
        2 => ConstraintType.MustStartOn,
        3 => ConstraintType.MustFinishOn,
        4 => ConstraintType.StartNoEarlierThan,
        5 => ConstraintType.StartNoLaterThan,
        6 => ConstraintType.FinishNoEarlierThan,
        7 => ConstraintType.FinishNoLaterThan,
        _ => null,
    };

    public static int ConstraintCode(ConstraintType type) => type switch
    {
        ConstraintType.AsSoonAsPossible => 0,
        ConstraintType.AsLateAsPossible => 1,
        ConstraintType.MustStartOn => 2,
        ConstraintType.MustFinishOn => 3,
        ConstraintType.StartNoEarlierThan => 4,
        ConstraintType.StartNoLaterThan => 5,
        ConstraintType.FinishNoEarlierThan => 6,
        ConstraintType.FinishNoLaterThan => 7,
    };

    /// <summary>What a duration or lag format code measures.</summary>
    public enum FormatKind
    {
        Working,
        Elapsed,
        Percent,
    }

    /// <summary>
    /// Classifies a <c>DurationFormat</c> or <c>LagFormat</c> code: 3=m 4=em 5=h 6=eh 7=d 8=ed 9=w 10=ew 11=mo 12=emo
    /// 19=% 20=e% 21=null, and each plus 32 for an estimated value (35 = estimated minutes ... 53 = estimated null).
    /// Null for an unknown code.
    /// </summary>
    public static FormatKind? Format(int code)
    {
        var basic = code >= 35 ? code - 32 : code;
        return basic switch
        {
            3 or 5 or 7 or 9 or 11 or 21 => FormatKind.Working,
            4 or 6 or 8 or 10 or 12 => FormatKind.Elapsed,
            19 or 20 => FormatKind.Percent,
            _ => null,
        };
    }

    /// <summary>The format code that shows a working amount in the largest unit dividing it (d, h or m).</summary>
    public static int WorkingFormatCode(long minutes, WorkTimeUnits units) =>
        minutes % units.MinutesPerWeek == 0 && minutes != 0 ? 9
        : minutes % units.MinutesPerDay == 0 ? 7
        : minutes % 60 == 0 ? 5
        : 3;

    /// <summary>The elapsed format code that shows an amount in the largest unit dividing it (ed, eh or em).</summary>
    public static int ElapsedFormatCode(long minutes) =>
        minutes % (7 * 1440) == 0 && minutes != 0 ? 10
        : minutes % 1440 == 0 ? 8
        : minutes % 60 == 0 ? 6
        : 4;

    public static bool TryParseDateTime(string text, out DateTime value) =>
        DateTime.TryParseExact(text.Trim(), DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    public static string FormatDateTime(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Reads a time of day ("08:00:00"); "00:00:00" as an end time means midnight at the end of the day.</summary>
    public static bool TryParseTime(string text, out int minuteOfDay)
    {
        minuteOfDay = 0;
        if (!TimeOnly.TryParseExact(text.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return false;
        }

        minuteOfDay = (time.Hour * 60) + time.Minute;
        return true;
    }

    public static string FormatTime(int minuteOfDay) =>
        minuteOfDay >= 1440 ? "00:00:00" : $"{minuteOfDay / 60:00}:{minuteOfDay % 60:00}:00";

    /// <summary>
    /// Reads an XML Schema duration as MSPDI writes it ("PT8H0M0S", "PT0H30M0S", "-PT4H0M0S"; days are 24 hours),
    /// rounded to whole minutes. MSPDI durations are working time unless their format code says elapsed.
    /// </summary>
    public static bool TryParseDuration(string text, out long minutes)
    {
        minutes = 0;
        var match = DurationPattern().Match(text.Trim());
        if (!match.Success || text.Trim() is "P" or "-P" or "PT" or "-PT")
        {
            return false;
        }

        double total = 0;
        total += Part(match, "d") * 1440;
        total += Part(match, "h") * 60;
        total += Part(match, "m");
        total += Part(match, "s") / 60;
        if (double.IsInfinity(total) || Math.Abs(total) > MaxDurationMinutes)
        {
            return false;
        }

        minutes = (long)Math.Round(total, MidpointRounding.AwayFromZero) * (match.Groups["neg"].Success ? -1 : 1);
        return true;
    }

    public static string FormatDuration(long minutes)
    {
        var sign = minutes < 0 ? "-" : string.Empty;
        var abs = Math.Abs(minutes);
        return string.Create(CultureInfo.InvariantCulture, $"{sign}PT{abs / 60}H{abs % 60}M0S");
    }

    public static string FormatNumber(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Longer than any schedule in Microsoft Project's date range, so only nonsense is refused.</summary>
    private const double MaxDurationMinutes = 200.0 * 366 * 1440;

    private static readonly string[] DateTimeFormats =
        ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd"];

    private static readonly string[] TimeFormats = ["HH:mm:ss", "HH:mm", "HH:mm:ss.FFFFFFF"];

    private static double Part(Match match, string group) =>
        match.Groups[group].Success ? double.Parse(match.Groups[group].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^(?<neg>-)?P(?:(?<d>\d{1,9}(?:\.\d{1,9})?)D)?(?:T(?:(?<h>\d{1,9}(?:\.\d{1,9})?)H)?(?:(?<m>\d{1,9}(?:\.\d{1,9})?)M)?(?:(?<s>\d{1,9}(?:\.\d{1,9})?)S)?)?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DurationPattern();
}
