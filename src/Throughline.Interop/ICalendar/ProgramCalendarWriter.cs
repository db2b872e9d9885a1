using System.Globalization;
using System.Text;
using Throughline.Domain;
using Throughline.Domain.Governance;
using Throughline.Scheduling;

namespace Throughline.Interop.ICalendar;

/// <summary>
/// Writes a program's calendar as RFC 5545 iCalendar text: one recurring event per governance forum, one all-day event
/// per milestone (on its scheduled finish, with a separate "Committed:" event when the committed date differs) and one
/// all-day event per open decision's due date.
/// </summary>
/// <remarks>
/// <para>
/// Forum times are written as <em>floating</em> local times (<c>DTSTART:20270105T100000</c>, no <c>Z</c>, no
/// <c>TZID</c>): the plan states meeting times in the program's local time and carries no time zone, so the calendar
/// client shows them at that wall-clock time in its own zone. Teams in other zones must convert by hand.
/// </para>
/// <para>
/// Output is deterministic for a given program, schedule and <c>timestamp</c> (used for every <c>DTSTAMP</c>; this
/// class never reads the clock). UIDs are stable across exports (<c>forum-ID@PROGRAM.throughline</c>,
/// <c>milestone-ID@…</c>, <c>committed-ID@…</c>, <c>decision-ID@…</c>) so a re-import updates events instead of
/// duplicating them. Lines end in CRLF and are folded at 75 octets without splitting a UTF-8 character.
/// </para>
/// </remarks>
public static class ProgramCalendarWriter
{
    /// <summary>The longest physical content line, in octets, excluding the CRLF (RFC 5545 §3.1).</summary>
    public const int MaxLineOctets = 75;

    public const string ProductId = "-//Throughline//Throughline Program Calendar//EN";

    /// <summary>Schedules <paramref name="program"/> and writes its calendar.</summary>
    public static string Write(Program program, DateTime timestamp, ProgramScheduleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        return Write(program, ProgramScheduler.Schedule(program, options), timestamp);
    }

    /// <summary>Writes the calendar of <paramref name="program"/> using an already computed schedule.</summary>
    /// <param name="timestamp">When the calendar is produced (<c>DTSTAMP</c>); a local time is converted to UTC, an unspecified one is taken as UTC.</param>
    public static string Write(Program program, ProgramSchedule schedule, DateTime timestamp)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(schedule);

        var stamp = (timestamp.Kind == DateTimeKind.Local ? timestamp.ToUniversalTime() : timestamp).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var domain = program.Id.Value + ".throughline";
        var people = program.People.GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First());
        var forums = program.Forums.GroupBy(f => f.Id).ToDictionary(g => g.Key, g => g.First());
        var ics = new Writer();

        ics.Line("BEGIN:VCALENDAR");
        ics.Line("PRODID:" + ProductId);
        ics.Line("VERSION:2.0");
        ics.Line("CALSCALE:GREGORIAN");
        ics.Line("METHOD:PUBLISH");
        ics.Line("X-WR-CALNAME:" + Escape(program.Name));

        foreach (var forum in program.Forums)
        {
            WriteForum(ics, forum, program.Start, people, domain, stamp);
        }

        foreach (var item in program.WorkItems.Where(i => i.IsMilestone))
        {
            WriteMilestone(ics, item, schedule, domain, stamp);
        }

        foreach (var decision in program.Decisions.Where(d => d.Status == DecisionStatus.Open && d.Due is not null))
        {
            WriteDecision(ics, decision, people, forums, domain, stamp);
        }

        ics.Line("END:VCALENDAR");
        return ics.ToString();
    }

    /// <summary>The first date on or after <paramref name="from"/> that <paramref name="forum"/> meets on.</summary>
    public static DateOnly FirstMeeting(Forum forum, DateOnly from)
    {
        ArgumentNullException.ThrowIfNull(forum);
        if (forum.Cadence is Cadence.Weekly or Cadence.Biweekly)
        {
            return from.AddDays(((int)forum.Day - (int)from.DayOfWeek + 7) % 7);
        }

        var month = new DateOnly(from.Year, from.Month, 1);
        while (true)
        {
            var first = month.AddDays(((int)forum.Day - (int)month.DayOfWeek + 7) % 7);
            if (first >= from)
            {
                return first;
            }

            month = month.AddMonths(1);
        }
    }

    /// <summary>The RRULE value for a forum's cadence.</summary>
    public static string RecurrenceRule(Forum forum)
    {
        ArgumentNullException.ThrowIfNull(forum);
        var day = DayCode(forum.Day);
        return forum.Cadence switch
        {
            Cadence.Weekly => $"FREQ=WEEKLY;BYDAY={day}",
            Cadence.Biweekly => $"FREQ=WEEKLY;INTERVAL=2;BYDAY={day}",
            Cadence.Monthly => $"FREQ=MONTHLY;BYDAY=1{day}",
            Cadence.Quarterly => $"FREQ=MONTHLY;INTERVAL=3;BYDAY=1{day}",
            _ => throw new ArgumentOutOfRangeException(nameof(forum), forum.Cadence, "Unknown cadence."),
        };
    }

    /// <summary>Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines; other controls are dropped.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\':
                    escaped.Append(@"\\");
                    break;
                case ';':
                    escaped.Append(@"\;");
                    break;
                case ',':
                    escaped.Append(@"\,");
                    break;
                case '\r':
                    escaped.Append(@"\n");
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\n':
                    escaped.Append(@"\n");
                    break;
                case '\t':
                    escaped.Append(c);
                    break;
                default:
                    if (!char.IsControl(c))
                    {
                        escaped.Append(c);
                    }

                    break;
            }
        }

        return escaped.ToString();
    }

    /// <summary>
    /// Folds one content line into physical lines of at most <see cref="MaxLineOctets"/> octets of UTF-8 (the leading
    /// space of a continuation line counts), never splitting a character. Returns the lines joined by CRLF, without a
    /// final CRLF.
    /// </summary>
    public static string Fold(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var folded = new StringBuilder(line.Length + 8);
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > MaxLineOctets)
            {
                folded.Append("\r\n ");
                octets = 1;
            }

            folded.Append(rune.ToString());
            octets += size;
        }

        return folded.ToString();
    }

    private static void WriteForum(Writer ics, Forum forum, DateOnly programStart, IReadOnlyDictionary<PersonId, Person> people, string domain, string stamp)
    {
        var first = FirstMeeting(forum, programStart).ToDateTime(forum.Time);
        ics.Line("BEGIN:VEVENT");
        ics.Line($"UID:{Escape($"forum-{forum.Id.Value}@{domain}")}");
        ics.Line("DTSTAMP:" + stamp);
        ics.Line("DTSTART:" + first.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture));
        ics.Line("DURATION:" + Duration(forum.DurationMinutes));
        ics.Line("RRULE:" + RecurrenceRule(forum));
        ics.Line("SUMMARY:" + Escape(forum.Name));

        var description = new List<string>();
        if (!string.IsNullOrWhiteSpace(forum.Purpose))
        {
            description.Add(forum.Purpose);
        }

        (string Name, string? Email)? chair = forum.Chair is { } chairId ? Lookup(people, chairId) : null;
        if (chair is not null && string.IsNullOrWhiteSpace(chair.Value.Email))
        {
            description.Add("Chair: " + chair.Value.Name);
        }

        var members = forum.Members.Where(m => m != forum.Chair).Distinct().Select(m => Lookup(people, m)).ToList();
        var withoutEmail = members.Where(m => string.IsNullOrWhiteSpace(m.Email)).Select(m => m.Name).ToList();
        if (withoutEmail.Count > 0)
        {
            description.Add("Members without a calendar address: " + string.Join(", ", withoutEmail));
        }

        if (description.Count > 0)
        {
            ics.Line("DESCRIPTION:" + Escape(string.Join("\n", description)));
        }

        if (chair is { Email: { } chairEmail } && !string.IsNullOrWhiteSpace(chairEmail))
        {
            ics.Line($"ORGANIZER;CN={Parameter(chair.Value.Name)}:mailto:{chairEmail.Trim()}");
        }

        foreach (var member in members.Where(m => !string.IsNullOrWhiteSpace(m.Email)))
        {
            ics.Line($"ATTENDEE;CN={Parameter(member.Name)};ROLE=REQ-PARTICIPANT:mailto:{member.Email!.Trim()}");
        }

        ics.Line("END:VEVENT");
    }

    private static void WriteMilestone(Writer ics, WorkItem item, ProgramSchedule schedule, string domain, string stamp)
    {
        DateOnly? scheduled = schedule.Items.TryGetValue(item.Id, out var s) ? DateOnly.FromDateTime(s.Finish) : null;
        if (scheduled is { } date)
        {
            var description = new List<string> { $"Milestone {item.Id.Value}, scheduled finish {Iso(date)}." };
            if (item.Committed is { } committed)
            {
                var late = date.DayNumber - committed.DayNumber;
                description.Add(late switch
                {
                    > 0 => $"Committed date {Iso(committed)}: {late} days late.",
                    < 0 => $"Committed date {Iso(committed)}: {-late} days early.",
                    _ => $"Committed date {Iso(committed)}: on the committed date.",
                });
            }

            if (!string.IsNullOrWhiteSpace(item.Description))
            {
                description.Add(item.Description);
            }

            AllDay(ics, $"milestone-{item.Id.Value}@{domain}", stamp, date, "Milestone: " + item.Name, string.Join("\n", description));
        }

        if (item.Committed is { } promised && promised != scheduled)
        {
            var note = scheduled is { } finish
                ? $"Date committed for milestone {item.Id.Value}; the schedule finishes it on {Iso(finish)}."
                : $"Date committed for milestone {item.Id.Value}; it is not scheduled.";
            AllDay(ics, $"committed-{item.Id.Value}@{domain}", stamp, promised, "Committed: " + item.Name, note);
        }
    }

    private static void WriteDecision(
        Writer ics,
        Decision decision,
        IReadOnlyDictionary<PersonId, Person> people,
        IReadOnlyDictionary<ForumId, Forum> forums,
        string domain,
        string stamp)
    {
        var description = new List<string> { $"Decision {decision.Id.Value}: {decision.Question}" };
        if (decision.Options.Count > 0)
        {
            description.Add("Options: " + string.Join("; ", decision.Options));
        }

        if (!string.IsNullOrWhiteSpace(decision.Recommendation))
        {
            description.Add("Recommendation: " + decision.Recommendation);
        }

        if (decision.Decider is { } decider)
        {
            description.Add("Decider: " + Lookup(people, decider).Name);
        }

        if (decision.Forum is { } forumId)
        {
            description.Add("Forum: " + (forums.TryGetValue(forumId, out var forum) ? forum.Name : forumId.Value));
        }

        if (decision.Blocks.Count > 0)
        {
            description.Add("Blocks: " + string.Join(", ", decision.Blocks.Select(b => b.Value)));
        }

        AllDay(ics, $"decision-{decision.Id.Value}@{domain}", stamp, decision.Due!.Value, "Decision due: " + decision.Question, string.Join("\n", description));
    }

    private static void AllDay(Writer ics, string uid, string stamp, DateOnly date, string summary, string description)
    {
        ics.Line("BEGIN:VEVENT");
        ics.Line("UID:" + Escape(uid));
        ics.Line("DTSTAMP:" + stamp);
        ics.Line("DTSTART;VALUE=DATE:" + date.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        ics.Line("DTEND;VALUE=DATE:" + date.AddDays(1).ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        ics.Line("SUMMARY:" + Escape(summary));
        ics.Line("DESCRIPTION:" + Escape(description));
        ics.Line("TRANSP:TRANSPARENT");
        ics.Line("END:VEVENT");
    }

    private static (string Name, string? Email) Lookup(IReadOnlyDictionary<PersonId, Person> people, PersonId id) =>
        people.TryGetValue(id, out var person) ? (person.Name, person.Email) : (id.Value, null);

    /// <summary>A quoted parameter value: DQUOTE and controls cannot appear in one, so they are dropped.</summary>
    private static string Parameter(string value) => "\"" + new string(value.Where(c => c != '"' && !char.IsControl(c)).ToArray()) + "\"";

    private static string Duration(int minutes)
    {
        if (minutes <= 0)
        {
            return "PT0M";
        }

        var hours = minutes / 60;
        var rest = minutes % 60;
        return "PT" + (hours > 0 ? hours.ToString(CultureInfo.InvariantCulture) + "H" : string.Empty) + (rest > 0 ? rest.ToString(CultureInfo.InvariantCulture) + "M" : string.Empty);
    }

    private static string DayCode(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "MO",
        DayOfWeek.Tuesday => "TU",
        DayOfWeek.Wednesday => "WE",
        DayOfWeek.Thursday => "TH",
        DayOfWeek.Friday => "FR",
        DayOfWeek.Saturday => "SA",
        _ => "SU",
    };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class Writer
    {
        private readonly StringBuilder text = new();

        public void Line(string line) => text.Append(Fold(line)).Append("\r\n");

        public override string ToString() => text.ToString();
    }
}
