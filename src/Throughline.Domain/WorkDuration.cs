using System.Globalization;

namespace Throughline.Domain;

/// <summary>
/// An amount of <em>working</em> time, in whole minutes: "3d" of work is three working days on the
/// calendar that applies, however many weekends or holidays fall in between. Elapsed (calendar) time
/// is a different thing and is carried by <see cref="Lag"/> with <see cref="LagKind.Elapsed"/>.
/// </summary>
/// <remarks>
/// Converting days and weeks to minutes needs the program's <see cref="WorkTimeUnits"/> (8 hours a day and
/// 5 days a week by default, as in Microsoft Project). Minutes are exact; nothing is rounded below a minute.
/// </remarks>
public readonly record struct WorkDuration(long Minutes) : IComparable<WorkDuration>
{
    public static readonly WorkDuration Zero = new(0);

    public static WorkDuration FromHours(double hours) => new((long)Math.Round(hours * 60));

    public bool IsNegative => Minutes < 0;

    public double Hours => Minutes / 60.0;

    public double Days(WorkTimeUnits units) => Minutes / (double)units.MinutesPerDay;

    public static WorkDuration operator +(WorkDuration a, WorkDuration b) => new(checked(a.Minutes + b.Minutes));

    public static WorkDuration operator -(WorkDuration a, WorkDuration b) => new(checked(a.Minutes - b.Minutes));

    public static WorkDuration operator -(WorkDuration a) => new(-a.Minutes);

    public static WorkDuration operator *(WorkDuration a, double factor) => new((long)Math.Round(a.Minutes * factor));

    public static bool operator <(WorkDuration a, WorkDuration b) => a.Minutes < b.Minutes;

    public static bool operator >(WorkDuration a, WorkDuration b) => a.Minutes > b.Minutes;

    public static bool operator <=(WorkDuration a, WorkDuration b) => a.Minutes <= b.Minutes;

    public static bool operator >=(WorkDuration a, WorkDuration b) => a.Minutes >= b.Minutes;

    public int CompareTo(WorkDuration other) => Minutes.CompareTo(other.Minutes);

    public static WorkDuration Add(WorkDuration a, WorkDuration b) => a + b;

    public static WorkDuration Subtract(WorkDuration a, WorkDuration b) => a - b;

    public static WorkDuration Negate(WorkDuration a) => -a;

    public static WorkDuration Multiply(WorkDuration a, double factor) => a * factor;

    /// <summary>Formats in the largest unit that divides the duration exactly: "3d", "2w", "4h", "90m".</summary>
    public string Format(WorkTimeUnits units)
    {
        if (Minutes == 0)
        {
            return "0d";
        }

        var abs = Math.Abs(Minutes);
        var sign = Minutes < 0 ? "-" : string.Empty;
        // Weeks only from two on: "5d" reads better than "1w" in an estimate.
        if (abs % units.MinutesPerWeek == 0 && abs >= 2L * units.MinutesPerWeek)
        {
            return sign + (abs / units.MinutesPerWeek).ToString(CultureInfo.InvariantCulture) + "w";
        }

        if (abs % units.MinutesPerDay == 0)
        {
            return sign + (abs / units.MinutesPerDay).ToString(CultureInfo.InvariantCulture) + "d";
        }

        if (abs % 60 == 0)
        {
            return sign + (abs / 60).ToString(CultureInfo.InvariantCulture) + "h";
        }

        return sign + abs.ToString(CultureInfo.InvariantCulture) + "m";
    }

    public override string ToString() => Format(WorkTimeUnits.Standard);
}
