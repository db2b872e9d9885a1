using System.Text;
using Throughline.Domain;
using Throughline.Domain.Governance;
using Throughline.Interop.ICalendar;
using Throughline.Interop.Plan;
using Throughline.Testing;

namespace Throughline.Interop.Tests.ICalendar;

public class ProgramCalendarWriterTests
{
    private static readonly DateTime Stamp = new(2027, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    // 2027-01-01 is a Friday.
    private static Program Small(string name = "Skyline; phase 1, \"core\"\\ops") => new(new ProgramId("sky"), name, new DateOnly(2027, 1, 1))
    {
        People =
        [
            new Person(new PersonId("p-sam"), "Sam, TPM", FunctionalRole.ProgramManager) { Email = "sam@example.com" },
            new Person(new PersonId("p-leo"), "Leo", FunctionalRole.EngineeringManager) { Email = "leo@example.com" },
            new Person(new PersonId("p-ana"), "Ana Noaddress", FunctionalRole.Engineer),
        ],
        Forums =
        [
            new Forum(new ForumId("weekly"), "Weekly review", Cadence.Weekly) { Chair = new PersonId("p-sam"), Members = [new PersonId("p-leo"), new PersonId("p-ana")], Purpose = "Risks; dates\nand more" },
            new Forum(new ForumId("arch"), "Architecture", Cadence.Biweekly) { Day = DayOfWeek.Thursday, Time = new TimeOnly(11, 30), DurationMinutes = 45, Chair = new PersonId("p-ana") },
            new Forum(new ForumId("steer"), "Steering", Cadence.Monthly) { Day = DayOfWeek.Friday, Time = new TimeOnly(14, 0), DurationMinutes = 90 },
            new Forum(new ForumId("qbr"), "Quarterly", Cadence.Quarterly) { Day = DayOfWeek.Tuesday },
        ],
        WorkItems =
        [
            new WorkItem(new WorkItemId("build"), "Build", new ProjectId("core")) { Estimate = Estimate.Single(new WorkDuration(5 * 8 * 60)) },
            new WorkItem(new WorkItemId("done"), "Core done", new ProjectId("core")) { Kind = WorkItemKind.Milestone, Committed = new DateOnly(2027, 1, 5) },
            new WorkItem(new WorkItemId("kickoff"), "Kick-off", new ProjectId("core")) { Kind = WorkItemKind.Milestone },
        ],
        Dependencies = [Dependency.FinishToStart(new WorkItemId("build"), new WorkItemId("done"))],
        Decisions =
        [
            new Decision(new DecisionId("dec-db"), "Postgres, or MySQL; which?") { Due = new DateOnly(2027, 2, 3), Decider = new PersonId("p-leo"), Forum = new ForumId("steer") },
            new Decision(new DecisionId("dec-old"), "Already decided") { Due = new DateOnly(2027, 1, 3), Status = DecisionStatus.Decided },
            new Decision(new DecisionId("dec-nodate"), "No date yet"),
        ],
    };

    [Fact]
    public void Calendar_has_the_header_and_crlf_lines_within_75_octets()
    {
        var text = ProgramCalendarWriter.Write(Small(), Stamp);

        text.ShouldEndWith("END:VCALENDAR\r\n");
        text.Replace("\r\n", string.Empty, StringComparison.Ordinal).ShouldNotContain('\n');
        text.Replace("\r\n", string.Empty, StringComparison.Ordinal).ShouldNotContain('\r');
        foreach (var line in text[..^2].Split("\r\n"))
        {
            Encoding.UTF8.GetByteCount(line).ShouldBeLessThanOrEqualTo(75, line);
        }

        var calendar = Ics.Parse(text);
        calendar.Properties.Select(p => p.Name).Take(4).ShouldBe(["PRODID", "VERSION", "CALSCALE", "METHOD"]);
        calendar.Value("VERSION").ShouldBe("2.0");
        calendar.Value("CALSCALE").ShouldBe("GREGORIAN");
        calendar.Value("PRODID").ShouldBe(ProgramCalendarWriter.ProductId);
        Ics.Unescape(calendar.Value("X-WR-CALNAME")).ShouldBe("Skyline; phase 1, \"core\"\\ops");
    }

    [Fact]
    public void Uids_are_unique_and_stable_and_dtstamp_is_the_injected_time()
    {
        var first = Ics.Parse(ProgramCalendarWriter.Write(Small(), Stamp));
        var second = Ics.Parse(ProgramCalendarWriter.Write(Small(), Stamp.AddDays(3)));

        var uids = first.Events.Select(e => e.Value("UID")).ToList();
        uids.ShouldBeUnique();
        uids.ShouldBe(second.Events.Select(e => e.Value("UID")).ToList());
        uids.ShouldContain("forum-weekly@sky.throughline");
        uids.ShouldContain("milestone-done@sky.throughline");
        uids.ShouldContain("committed-done@sky.throughline");
        uids.ShouldContain("decision-dec-db@sky.throughline");
        first.Events.ShouldAllBe(e => e.Value("DTSTAMP") == "20270102T030405Z");
        second.Events.ShouldAllBe(e => e.Value("DTSTAMP") == "20270105T030405Z");
    }

    [Fact]
    public void Forums_recur_per_cadence_from_the_first_matching_day_in_floating_time()
    {
        var calendar = Ics.Parse(ProgramCalendarWriter.Write(Small(), Stamp));

        var weekly = calendar.Event("forum-weekly@sky.throughline");
        weekly.Value("RRULE").ShouldBe("FREQ=WEEKLY;BYDAY=TU");
        weekly.Value("DTSTART").ShouldBe("20270105T100000");
        weekly.Value("DURATION").ShouldBe("PT1H");
        Ics.Unescape(weekly.Value("SUMMARY")).ShouldBe("Weekly review");
        var organizer = weekly.Get("ORGANIZER");
        organizer.Value.ShouldBe("mailto:sam@example.com");
        organizer.Parameters.ShouldBe("CN=\"Sam, TPM\"");
        weekly.All("ATTENDEE").Select(a => a.Value).ShouldBe(["mailto:leo@example.com"]);
        Ics.Unescape(weekly.Value("DESCRIPTION")).ShouldBe("Risks; dates\nand more\nMembers without a calendar address: Ana Noaddress");

        var arch = calendar.Event("forum-arch@sky.throughline");
        arch.Value("RRULE").ShouldBe("FREQ=WEEKLY;INTERVAL=2;BYDAY=TH");
        arch.Value("DTSTART").ShouldBe("20270107T113000");
        arch.Value("DURATION").ShouldBe("PT45M");
        arch.All("ORGANIZER").ShouldBeEmpty();
        Ics.Unescape(arch.Value("DESCRIPTION")).ShouldBe("Chair: Ana Noaddress");

        var steer = calendar.Event("forum-steer@sky.throughline");
        steer.Value("RRULE").ShouldBe("FREQ=MONTHLY;BYDAY=1FR");
        steer.Value("DTSTART").ShouldBe("20270101T140000");
        steer.Value("DURATION").ShouldBe("PT1H30M");

        var quarterly = calendar.Event("forum-qbr@sky.throughline");
        quarterly.Value("RRULE").ShouldBe("FREQ=MONTHLY;INTERVAL=3;BYDAY=1TU");
        quarterly.Value("DTSTART").ShouldBe("20270105T100000");
    }

    [Fact]
    public void Monthly_forum_whose_first_weekday_has_passed_starts_next_month()
    {
        var forum = new Forum(new ForumId("m"), "M", Cadence.Monthly) { Day = DayOfWeek.Monday };

        ProgramCalendarWriter.FirstMeeting(forum, new DateOnly(2027, 1, 5)).ShouldBe(new DateOnly(2027, 2, 1));
        ProgramCalendarWriter.FirstMeeting(forum, new DateOnly(2027, 1, 4)).ShouldBe(new DateOnly(2027, 1, 4));
    }

    [Fact]
    public void Milestones_are_all_day_on_the_scheduled_finish_with_a_committed_event_when_it_differs()
    {
        var program = Small();
        var schedule = Throughline.Scheduling.ProgramScheduler.Schedule(program);
        var finish = DateOnly.FromDateTime(schedule[new WorkItemId("done")].Finish);
        var calendar = Ics.Parse(ProgramCalendarWriter.Write(program, schedule, Stamp));

        var done = calendar.Event("milestone-done@sky.throughline");
        done.Get("DTSTART").Parameters.ShouldBe("VALUE=DATE");
        done.Value("DTSTART").ShouldBe(finish.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture));
        done.Value("DTEND").ShouldBe(finish.AddDays(1).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture));
        Ics.Unescape(done.Value("SUMMARY")).ShouldBe("Milestone: Core done");
        Ics.Unescape(done.Value("DESCRIPTION")).ShouldContain("Committed date 2027-01-05");

        var committed = calendar.Event("committed-done@sky.throughline");
        committed.Value("DTSTART").ShouldBe("20270105");
        committed.Value("DTEND").ShouldBe("20270106");
        Ics.Unescape(committed.Value("SUMMARY")).ShouldBe("Committed: Core done");

        calendar.Events.ShouldNotContain(e => e.Value("UID") == "committed-kickoff@sky.throughline");
        calendar.Events.ShouldNotContain(e => e.Value("UID") == "milestone-build@sky.throughline");
    }

    [Fact]
    public void Only_open_decisions_with_a_due_date_are_exported()
    {
        var calendar = Ics.Parse(ProgramCalendarWriter.Write(Small(), Stamp));

        var decisions = calendar.Events.Where(e => e.Value("UID").StartsWith("decision-", StringComparison.Ordinal)).ToList();
        decisions.Count.ShouldBe(1);
        var db = decisions[0];
        db.Value("DTSTART").ShouldBe("20270203");
        Ics.Unescape(db.Value("SUMMARY")).ShouldBe("Decision due: Postgres, or MySQL; which?");
        var description = Ics.Unescape(db.Value("DESCRIPTION"));
        description.ShouldContain("Decider: Leo");
        description.ShouldContain("Forum: Steering");
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("a;b,c\\d")]
    [InlineData("line one\nline two")]
    [InlineData("ends with backslash \\")]
    [InlineData("\\n is not a newline")]
    public void Escaping_round_trips(string text)
    {
        var escaped = ProgramCalendarWriter.Escape(text);

        escaped.ShouldNotContain('\n');
        Ics.Unescape(escaped).ShouldBe(text);
    }

    [Fact]
    public void Crlf_in_text_becomes_one_escaped_newline()
    {
        ProgramCalendarWriter.Escape("a\r\nb\rc").ShouldBe(@"a\nb\nc");
    }

    [Fact]
    public void A_long_non_ascii_name_folds_without_splitting_characters()
    {
        var name = string.Concat(Enumerable.Repeat("Миграция «Небосвод» 雲への移行 🚀 ", 8));
        var text = ProgramCalendarWriter.Write(Small(name), Stamp);
        var bytes = Encoding.UTF8.GetBytes(text);

        // Every physical line decodes on its own: no multi-byte sequence straddles a fold.
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var start = 0;
        for (var i = 0; i < bytes.Length - 1; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n')
            {
                (i - start).ShouldBeLessThanOrEqualTo(75);
                Should.NotThrow(() => strict.GetString(bytes, start, i - start));
                start = i + 2;
            }
        }

        var folded = text.Split("\r\n").Count(l => l.StartsWith(' '));
        folded.ShouldBeGreaterThan(3);
        Ics.Unescape(Ics.Parse(text).Value("X-WR-CALNAME")).ShouldBe(name);
    }

    [Fact]
    public void The_example_plan_exports_its_forums_milestones_and_open_decisions()
    {
        var program = PlanReader.ReadFile(Path.Combine(RepoPaths.Examples, "cloud-migration.tl.yaml")).Program!;
        var calendar = Ics.Parse(ProgramCalendarWriter.Write(program, Stamp));

        var uids = calendar.Events.Select(e => e.Value("UID")).ToList();
        uids.ShouldBeUnique();
        foreach (var forum in program.Forums)
        {
            uids.ShouldContain($"forum-{forum.Id.Value}@{program.Id.Value}.throughline");
        }

        calendar.Events.Count(e => e.Value("UID").StartsWith("milestone-", StringComparison.Ordinal)).ShouldBe(program.WorkItems.Count(i => i.IsMilestone));
        calendar.Events.Count(e => e.Value("UID").StartsWith("decision-", StringComparison.Ordinal))
            .ShouldBe(program.Decisions.Count(d => d.Status == DecisionStatus.Open && d.Due is not null));
    }

    /// <summary>A minimal iCalendar reader: unfolds lines and splits each into name, parameters and value.</summary>
    private sealed record Ics(IReadOnlyList<Ics.Property> Properties, IReadOnlyList<Ics.Component> Events)
    {
        public string Value(string name) => Properties.Single(p => p.Name == name).Value;

        public Component Event(string uid) => Events.Single(e => e.Value("UID") == uid);

        public static Ics Parse(string text)
        {
            var unfolded = text.Replace("\r\n ", string.Empty, StringComparison.Ordinal).Replace("\r\n\t", string.Empty, StringComparison.Ordinal);
            var lines = unfolded.Split("\r\n");
            lines[^1].ShouldBeEmpty();
            lines[0].ShouldBe("BEGIN:VCALENDAR");
            lines[^2].ShouldBe("END:VCALENDAR");
            var top = new List<Property>();
            var events = new List<Component>();
            List<Property>? current = null;
            foreach (var line in lines[1..^2])
            {
                if (line == "BEGIN:VEVENT")
                {
                    current.ShouldBeNull();
                    current = [];
                }
                else if (line == "END:VEVENT")
                {
                    current.ShouldNotBeNull();
                    events.Add(new Component(current));
                    current = null;
                }
                else
                {
                    (current ?? top).Add(Split(line));
                }
            }

            current.ShouldBeNull();
            return new Ics(top, events);
        }

        public static string Unescape(string value)
        {
            var text = new StringBuilder();
            for (var i = 0; i < value.Length; i++)
            {
                if (value[i] != '\\')
                {
                    text.Append(value[i]);
                    continue;
                }

                i++;
                text.Append(value[i] switch { 'n' or 'N' => '\n', var c => c });
            }

            return text.ToString();
        }

        private static Property Split(string line)
        {
            // The value starts at the first colon outside a quoted parameter value.
            var quoted = false;
            for (var i = 0; i < line.Length; i++)
            {
                if (line[i] == '"')
                {
                    quoted = !quoted;
                }
                else if (line[i] == ':' && !quoted)
                {
                    var head = line[..i];
                    var semicolon = head.IndexOf(';', StringComparison.Ordinal);
                    return semicolon < 0 ? new Property(head, string.Empty, line[(i + 1)..]) : new Property(head[..semicolon], head[(semicolon + 1)..], line[(i + 1)..]);
                }
            }

            throw new ShouldAssertException($"No value in: {line}");
        }

        public sealed record Property(string Name, string Parameters, string Value);

        public sealed record Component(IReadOnlyList<Property> Properties)
        {
            public string Value(string name) => Get(name).Value;

            public Property Get(string name) => Properties.Single(p => p.Name == name);

            public IEnumerable<Property> All(string name) => Properties.Where(p => p.Name == name);
        }
    }
}
