using System.Globalization;
using Throughline.Domain.Calendars;

namespace Throughline.Interop.Primavera;

/// <summary>
/// Reads P6's calendar definition (XER <c>CALENDAR.clndr_data</c>): nested <c>(0||name(attributes)(children))</c>
/// nodes. <c>DaysOfWeek</c> holds days 1 (Sunday) to 7 (Saturday), each with its working ranges
/// <c>(s|08:00|f|16:00)</c>; <c>Exceptions</c> holds dates as day numbers from 1899-12-30 (<c>d|43650</c>), each with
/// its working ranges or none for a day off. A finish of 00:00 is midnight at the end of the day.
/// </summary>
public static class P6CalendarData
{
    private static readonly DateOnly Epoch = new(1899, 12, 30);

    /// <summary>The working week (Sunday first) and exceptions, or null when the text holds no <c>DaysOfWeek</c>.</summary>
    public static (IReadOnlyList<IReadOnlyList<WorkingTimeRange>> Week, IReadOnlyList<CalendarException> Exceptions)? Parse(string data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var at = 0;
        var roots = new List<Node>();
        while (Find(data, ref at))
        {
            if (ParseNode(data, ref at, 0) is { } node)
            {
                roots.Add(node);
            }
        }

        var all = roots.SelectMany(Flatten).ToList();
        var days = all.FirstOrDefault(n => n.Name == "DaysOfWeek");
        if (days is null)
        {
            return null;
        }

        var week = new IReadOnlyList<WorkingTimeRange>[7];
        for (var d = 0; d < 7; d++)
        {
            week[d] = [];
        }

        foreach (var day in days.Children)
        {
            if (int.TryParse(day.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 7)
            {
                week[number - 1] = Ranges(day);
            }
        }

        var exceptions = new List<CalendarException>();
        foreach (var exception in all.FirstOrDefault(n => n.Name == "Exceptions")?.Children ?? [])
        {
            if (Attribute(exception, "d") is { } serial && int.TryParse(serial, NumberStyles.None, CultureInfo.InvariantCulture, out var days1899) && days1899 is > 0 and < 100_000)
            {
                var date = Epoch.AddDays(days1899);
                exceptions.Add(new CalendarException(date, date, string.Empty, Ranges(exception)));
            }
        }

        return (week, exceptions.OrderBy(e => e.From).ToList());
    }

    private static IReadOnlyList<WorkingTimeRange> Ranges(Node node)
    {
        var ranges = new List<WorkingTimeRange>();
        foreach (var child in node.Children)
        {
            if (Minute(Attribute(child, "s")) is { } start && Minute(Attribute(child, "f")) is { } finish)
            {
                var end = finish <= start ? 1440 : finish;

                // P6 8 and earlier write 16:59 for a range that ends at 17:00 (they count the last minute inclusive).
                if (end % 60 == 59)
                {
                    end++;
                }

                if (end > start)
                {
                    ranges.Add(new WorkingTimeRange(start, end));
                }
            }
        }

        return [.. ranges.OrderBy(r => r.StartMinute)];
    }

    private static int? Minute(string? time) =>
        time is not null && TimeOnly.TryParseExact(time, "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? (t.Hour * 60) + t.Minute : null;

    private static string? Attribute(Node node, string key)
    {
        var parts = node.Attributes.Split('|');
        for (var i = 0; i + 1 < parts.Length; i += 2)
        {
            if (parts[i] == key)
            {
                return parts[i + 1];
            }
        }

        return null;
    }

    private static IEnumerable<Node> Flatten(Node node) => node.Children.SelectMany(Flatten).Prepend(node);

    private static bool Find(string text, ref int at)
    {
        while (at < text.Length && text[at] != '(')
        {
            at++;
        }

        return at < text.Length;
    }

    /// <summary>Parses <c>(0||name(attributes)(children))</c> at <paramref name="at"/> (an opening parenthesis); depth-limited so a hostile file cannot exhaust the stack.</summary>
    private static Node? ParseNode(string text, ref int at, int depth)
    {
        if (depth > 32)
        {
            at = text.Length;
            return null;
        }

        at++; // '('
        var open = text.IndexOf('(', at);
        if (open < 0)
        {
            at = text.Length;
            return null;
        }

        var head = text[at..open];
        var name = head.Contains("||", StringComparison.Ordinal) ? head[(head.IndexOf("||", StringComparison.Ordinal) + 2)..].Trim() : head.Trim();
        var close = text.IndexOf(')', open);
        if (close < 0)
        {
            at = text.Length;
            return null;
        }

        var attributes = text[(open + 1)..close];
        at = close + 1;
        var children = new List<Node>();
        if (at < text.Length && text[at] == '(')
        {
            at++;
            while (true)
            {
                while (at < text.Length && text[at] != '(' && text[at] != ')')
                {
                    at++;
                }

                if (at >= text.Length)
                {
                    break;
                }

                if (text[at] == ')')
                {
                    at++;
                    break;
                }

                if (ParseNode(text, ref at, depth + 1) is { } child)
                {
                    children.Add(child);
                }
            }
        }

        // The node's own closing parenthesis.
        while (at < text.Length && text[at] != ')' && text[at] != '(')
        {
            at++;
        }

        if (at < text.Length && text[at] == ')')
        {
            at++;
        }

        return new Node(name, attributes, children);
    }

    private sealed record Node(string Name, string Attributes, IReadOnlyList<Node> Children);
}
