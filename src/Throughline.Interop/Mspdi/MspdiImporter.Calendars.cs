using System.Xml.Linq;
using Throughline.Domain;
using Throughline.Domain.Calendars;
using Throughline.Domain.Diagnostics;

namespace Throughline.Interop.Mspdi;

internal sealed partial class MspdiImporter
{
    /// <summary>Microsoft Project's default hours for a working day written without times.</summary>
    private static readonly IReadOnlyList<WorkingTimeRange> DefaultDay = [WorkingTimeRange.FromHours(8, 12), WorkingTimeRange.FromHours(13, 17)];

    private sealed record CalendarSet(IReadOnlyList<WorkingCalendar> List, IReadOnlyDictionary<int, WorkingCalendar> ById, IReadOnlyDictionary<CalendarId, int> UidOf);

    /// <summary>One calendar as written: weekdays it states (null = not stated, inherit), its base, its exceptions.</summary>
    private sealed record RawCalendar(int Uid, string Name, int? BaseUid, IReadOnlyList<WorkingTimeRange>?[] Days, IReadOnlyList<CalendarException> Exceptions, XElement Element);

    private CalendarSet ReadCalendars(XElement root)
    {
        var raw = new Dictionary<int, RawCalendar>();
        foreach (var element in root.Element(ns + "Calendars")?.Elements(ns + "Calendar") ?? [])
        {
            if (Int(element, "UID", required: true) is not { } uid)
            {
                continue;
            }

            if (raw.ContainsKey(uid))
            {
                Error(DiagnosticCodes.DuplicateId, $"calendar UID {uid} is defined twice", element);
                continue;
            }

            raw[uid] = ReadCalendar(uid, element);
        }

        // Resolve each calendar's week through its bases: a day a derived calendar does not state is its base's day.
        var resolved = new Dictionary<int, WorkingCalendar>();
        foreach (var calendar in raw.Values)
        {
            var days = new IReadOnlyList<WorkingTimeRange>?[7];
            Array.Copy(calendar.Days, days, 7);
            var seen = new HashSet<int> { calendar.Uid };
            var baseUid = calendar.BaseUid;
            while (baseUid is { } next && days.Any(d => d is null))
            {
                if (!raw.TryGetValue(next, out var parent))
                {
                    Warning(DiagnosticCodes.UndefinedReference, $"calendar {calendar.Uid} ({calendar.Name}) derives from calendar UID {next}, which the file does not define", calendar.Element);
                    break;
                }

                if (!seen.Add(next))
                {
                    Warning(DiagnosticCodes.CalendarBaseCycle, $"calendar {calendar.Uid} ({calendar.Name}) derives from itself through its bases", calendar.Element);
                    break;
                }

                for (var day = 0; day < 7; day++)
                {
                    days[day] ??= parent.Days[day];
                }

                baseUid = parent.BaseUid;
            }

            // Days nobody states take Microsoft Project's defaults: Monday to Friday 08:00-12:00, 13:00-17:00.
            var week = days.Select((d, i) => d ?? (i is 0 or 6 ? [] : DefaultDay)).ToArray();
            var validBase = calendar.BaseUid is { } b && raw.ContainsKey(b) && b != calendar.Uid ? CalendarId(b) : (CalendarId?)null;
            resolved[calendar.Uid] = new WorkingCalendar(CalendarId(calendar.Uid), calendar.Name, week, calendar.Exceptions, validBase);
        }

        var list = raw.Keys.Select(uid => resolved[uid]).ToList();
        return new CalendarSet(list, resolved, raw.Keys.ToDictionary(CalendarId, uid => uid));
    }

    private RawCalendar ReadCalendar(int uid, XElement element)
    {
        var name = Text(element, "Name") ?? $"Calendar {uid}";
        var isBase = Bool(element, "IsBaseCalendar") ?? false;
        var baseUid = Int(element, "BaseCalendarUID");
        if (isBase || baseUid is null or < 0 || baseUid == uid)
        {
            baseUid = null;
        }

        var days = new IReadOnlyList<WorkingTimeRange>?[7];
        var legacy = new List<CalendarException>();
        foreach (var weekDay in element.Element(ns + "WeekDays")?.Elements(ns + "WeekDay") ?? [])
        {
            var dayType = Int(weekDay, "DayType");
            var working = Bool(weekDay, "DayWorking") ?? false;
            if (dayType is >= 1 and <= 7)
            {
                days[dayType.Value - 1] = working ? WorkingTimes(weekDay) ?? DefaultDay : [];
            }
            else if (dayType == 0)
            {
                if (Period(weekDay) is { } period)
                {
                    legacy.Add(new CalendarException(period.From, period.To, string.Empty, working ? WorkingTimes(weekDay) ?? DefaultDay : []));
                }
            }
            else
            {
                Warning(DiagnosticCodes.InvalidValue, $"calendar {uid}: <DayType> {dayType?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(missing)"} is not 0 (exception) or 1..7 (Sunday..Saturday); the entry is ignored", weekDay);
            }
        }

        var exceptions = element.Element(ns + "Exceptions")?.Elements(ns + "Exception").ToList() ?? [];

        // Project 2007+ writes each exception twice: in <Exceptions> (with its recurrence) and expanded as legacy
        // DayType 0 weekdays for older readers. The <Exceptions> form is the source; the legacy one is the fallback.
        var own = exceptions.Count > 0 ? exceptions.SelectMany(e => ReadException(uid, e)).ToList() : legacy;

        if (element.Element(ns + "WorkWeeks")?.Elements(ns + "WorkWeek").Any() == true)
        {
            Warning(DiagnosticCodes.NotRepresentable, $"calendar {uid} ({name}) has alternate work weeks (<WorkWeeks>); Throughline calendars have one normal week, so they are ignored", element.Element(ns + "WorkWeeks"));
        }

        return new RawCalendar(uid, name, baseUid, days, own, element);
    }

    private IEnumerable<CalendarException> ReadException(int calendarUid, XElement exception)
    {
        if (Period(exception) is not { } period)
        {
            return [];
        }

        var name = Text(exception, "Name") ?? string.Empty;
        IReadOnlyList<WorkingTimeRange> times = Bool(exception, "DayWorking") == true ? WorkingTimes(exception) ?? DefaultDay : [];
        var type = Int(exception, "Type") ?? 1;
        if (!MspdiRecurrence.IsKnownType(type))
        {
            Warning(DiagnosticCodes.InvalidValue, $"calendar {calendarUid}: exception \"{name}\" has recurrence <Type> {type}, which is not 1..7; it is read as a plain date range", exception);
            type = 1;
        }

        var recurrence = new MspdiRecurrence(
            type,
            period.From,
            period.To,
            Int(exception, "Period") ?? 1,
            Int(exception, "DaysOfWeek") ?? 0,
            Int(exception, "MonthItem") ?? 0,
            Int(exception, "MonthPosition") ?? 0,
            Int(exception, "Month") ?? 0,
            Int(exception, "MonthDay") ?? 1);
        var ranges = recurrence.Expand();
        if (ranges.Count == 0)
        {
            Warning(DiagnosticCodes.InvalidValue, $"calendar {calendarUid}: exception \"{name}\" covers no date between {period.From:yyyy-MM-dd} and {period.To:yyyy-MM-dd}", exception);
        }

        return ranges.Select(r => new CalendarException(r.From, r.To, name, times));
    }

    /// <summary>Reads a <c>TimePeriod</c> (FromDate..ToDate, the end being 23:59 of the last day) as whole dates.</summary>
    private (DateOnly From, DateOnly To)? Period(XElement owner)
    {
        var period = owner.Element(ns + "TimePeriod");
        if (period is null)
        {
            Warning(DiagnosticCodes.MissingField, "calendar exception without a <TimePeriod>; ignored", owner);
            return null;
        }

        var from = Date(period, "FromDate", input: false);
        var to = Date(period, "ToDate", input: false);
        if (from is null || to is null)
        {
            Warning(DiagnosticCodes.MissingField, "calendar exception without a readable <FromDate> and <ToDate>; ignored", period);
            return null;
        }

        // A period that ends exactly at midnight ends the day before.
        var last = to.Value.TimeOfDay == TimeSpan.Zero && to.Value > from.Value ? to.Value.AddDays(-1) : to.Value;
        if (last < from.Value)
        {
            Warning(DiagnosticCodes.InvalidValue, "calendar exception ends before it starts; ignored", period);
            return null;
        }

        return (DateOnly.FromDateTime(from.Value), DateOnly.FromDateTime(last));
    }

    /// <summary>Reads <c>WorkingTimes</c>; null when none are written. "00:00:00" as an end is midnight at the end of the day.</summary>
    private List<WorkingTimeRange>? WorkingTimes(XElement owner)
    {
        var elements = owner.Element(ns + "WorkingTimes")?.Elements(ns + "WorkingTime").ToList();
        if (elements is null || elements.Count == 0)
        {
            return null;
        }

        var ranges = new List<WorkingTimeRange>();
        foreach (var element in elements)
        {
            var fromText = Text(element, "FromTime");
            var toText = Text(element, "ToTime");
            if (fromText is null && toText is null)
            {
                continue;
            }

            if (fromText is null || toText is null || !MspdiFormat.TryParseTime(fromText, out var from) || !MspdiFormat.TryParseTime(toText, out var to))
            {
                Warning(DiagnosticCodes.InvalidValue, $"working time \"{fromText}\"-\"{toText}\" is not two times of day (HH:mm:ss); ignored", element);
                continue;
            }

            if (to == 0)
            {
                to = 1440;
            }

            if (to <= from)
            {
                Warning(DiagnosticCodes.InvalidValue, $"working time {fromText}-{toText} ends before it starts; ignored", element);
                continue;
            }

            ranges.Add(new WorkingTimeRange(from, to));
        }

        ranges.Sort((a, b) => a.StartMinute.CompareTo(b.StartMinute));
        return ranges;
    }
}
