namespace Throughline.Interop.Mspdi;

/// <summary>
/// A recurring calendar exception as Project 2007+ writes it in <c>Calendar/Exceptions/Exception</c>, and its
/// expansion into the dates it covers. Codes: <see cref="Type"/> 1 = a plain date range (daily), 2 = yearly on a
/// day of a month, 3 = yearly on a position ("second Tuesday of March"), 4 = monthly on a day, 5 = monthly on a
/// position, 6 = weekly, 7 = every <see cref="Period"/> days. <see cref="Month"/> is 0-based (0 = January);
/// <see cref="DaysOfWeek"/> is a mask, 1 = Sunday ... 64 = Saturday; <see cref="MonthItem"/> 0 = day, 1 = weekday,
/// 2 = weekend day, 3..9 = Sunday..Saturday; <see cref="MonthPosition"/> 0..3 = first..fourth, 4 = last.
/// </summary>
/// <remarks>
/// The rules were checked against the expanded copies Project writes beside each exception (legacy
/// <c>WeekDay</c> entries with <c>DayType</c> 0) in the calendar-recurring-exceptions files: weekly recurrences count
/// weeks from the Sunday on or before the first date, and months and years from the first date's month and year.
/// </remarks>
internal sealed record MspdiRecurrence(int Type, DateOnly From, DateOnly To, int Period, int DaysOfWeek, int MonthItem, int MonthPosition, int Month, int MonthDay)
{
    /// <summary>More dates than this from one exception is a broken file, not a calendar (400 years of days).</summary>
    public const int MaxDates = 146_100;

    public static bool IsKnownType(int type) => type is >= 1 and <= 7;

    /// <summary>The covered dates as inclusive ranges in date order; a daily run of consecutive days is one range.</summary>
    public IReadOnlyList<(DateOnly From, DateOnly To)> Expand()
    {
        if (To < From)
        {
            return [];
        }

        var period = Math.Max(1, Period);
        return Type switch
        {
            1 or 7 when period == 1 => [(From, To)],
            1 or 7 => Singles(Daily(period)),
            6 => Singles(Weekly(period)),
            4 => Singles(Monthly(period, (year, month) => DayOfMonth(year, month, MonthDay))),
            5 => Singles(Monthly(period, (year, month) => Positional(year, month, MonthItem, MonthPosition))),
            2 => Singles(Monthly(12, (year, _) => DayOfMonth(year, Month + 1, MonthDay), yearly: true)),
            3 => Singles(Monthly(12, (year, _) => Positional(year, Month + 1, MonthItem, MonthPosition), yearly: true)),
            _ => [],
        };
    }

    private static List<(DateOnly, DateOnly)> Singles(IEnumerable<DateOnly> dates) => dates.Take(MaxDates).Select(d => (d, d)).ToList();

    private IEnumerable<DateOnly> Daily(int period)
    {
        for (var date = From; date <= To; date = date.AddDays(period))
        {
            yield return date;
        }
    }

    private IEnumerable<DateOnly> Weekly(int period)
    {
        var mask = DaysOfWeek & 0x7F;
        if (mask == 0)
        {
            yield break;
        }

        for (var week = From.AddDays(-(int)From.DayOfWeek); week <= To; week = week.AddDays(7 * period))
        {
            for (var day = 0; day < 7; day++)
            {
                var date = week.AddDays(day);
                if ((mask & (1 << day)) != 0 && date >= From && date <= To)
                {
                    yield return date;
                }
            }
        }
    }

    private IEnumerable<DateOnly> Monthly(int periodMonths, Func<int, int, DateOnly?> pick, bool yearly = false)
    {
        var cursor = yearly ? new DateOnly(From.Year, 1, 1) : new DateOnly(From.Year, From.Month, 1);
        while (cursor <= To)
        {
            if (pick(cursor.Year, cursor.Month) is { } date && date >= From && date <= To)
            {
                yield return date;
            }

            if (cursor.Year >= DateOnly.MaxValue.Year - 1)
            {
                yield break;
            }

            cursor = cursor.AddMonths(periodMonths);
        }
    }

    private static DateOnly? DayOfMonth(int year, int month, int day)
    {
        if (month is < 1 or > 12 || day < 1)
        {
            return null;
        }

        return new DateOnly(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
    }

    private static DateOnly? Positional(int year, int month, int item, int position)
    {
        if (month is < 1 or > 12 || item is < 0 or > 9 || position is < 0 or > 4)
        {
            return null;
        }

        var matching = new List<DateOnly>(31);
        for (var day = 1; day <= DateTime.DaysInMonth(year, month); day++)
        {
            var date = new DateOnly(year, month, day);
            var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var matches = item switch
            {
                0 => true,
                1 => !weekend,
                2 => weekend,
                _ => (int)date.DayOfWeek == item - 3,
            };
            if (matches)
            {
                matching.Add(date);
            }
        }

        if (position == 4)
        {
            return matching.Count > 0 ? matching[^1] : null;
        }

        return position < matching.Count ? matching[position] : null;
    }
}
