using Throughline.Domain;
using Throughline.Domain.Calendars;
using Throughline.Domain.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Throughline.Interop.Plan;

// Calendars, teams, people and on-call rotations: who can work, and when.
public static partial class PlanReader
{
    private sealed partial class Reader
    {
        private static readonly string[] CalendarFields = ["id", "name", "base", "week", "holidays", "exceptions"];
        private static readonly string[] HolidayFields = ["date", "to", "name"];
        private static readonly string[] ExceptionFields = ["date", "from", "to", "name", "hours"];
        private static readonly string[] TeamFields = ["id", "name", "lead", "calendar", "capacity", "ktlo", "distribution", "uncertainty"];
        private static readonly string[] PersonFields = ["id", "name", "role", "team", "email", "capacity", "calendar", "allocations", "leave"];
        private static readonly string[] LeaveFields = ["from", "to", "reason"];
        private static readonly string[] RotationFields = ["id", "name", "team", "members", "load", "shift"];

        // Calendars written without a week take their base's week; resolved once all calendars are read, since a
        // base may be written after the calendars that use it.
        private readonly HashSet<int> calendarsWithoutWeek = [];

        private WorkingCalendar? ReadCalendar(YamlMappingNode node, int index)
        {
            var f = new YamlFields(context, node, "a calendar", CalendarFields, (EntityKind.Calendar, index));
            var id = f.String("id", required: true);
            var exceptions = new List<CalendarException>();
            foreach (var holiday in f.List("holidays"))
            {
                if (ReadHoliday(holiday) is { } h)
                {
                    exceptions.Add(h);
                }
            }

            foreach (var exceptionNode in f.List("exceptions"))
            {
                if (Expect<YamlMappingNode>(exceptionNode, "a calendar exception") is { } mapping && ReadException(mapping) is { } e)
                {
                    exceptions.Add(e);
                }
            }

            var week = f.Mapping("week") is { } weekNode ? ReadWeek(weekNode) : null;
            if (id is null)
            {
                return null;
            }

            if (week is null)
            {
                calendarsWithoutWeek.Add(index);
            }

            var standard = WorkingCalendar.Standard(new CalendarId(id.Trim()));
            return new WorkingCalendar(standard.Id, Text(f.String("name")) ?? id.Trim(), week ?? standard.Week, exceptions, CalendarRef(f.String("base")));
        }

        private IReadOnlyList<IReadOnlyList<WorkingTimeRange>>? ReadWeek(YamlMappingNode node)
        {
            var week = new IReadOnlyList<WorkingTimeRange>[7];
            for (var d = 0; d < 7; d++)
            {
                week[d] = [];
            }

            var f = new YamlFields(context, node, "a calendar week", ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]);
            foreach (var (day, dayOfWeek) in PlanWords.Days.Where(pair => pair.Key.Length == 3))
            {
                if (f.ParseClass<IReadOnlyList<WorkingTimeRange>>(day, PlanValues.WorkingTimes, DiagnosticCodes.InvalidValue) is { } ranges)
                {
                    week[(int)dayOfWeek] = ranges;
                }
            }

            return week;
        }

        private CalendarException? ReadHoliday(YamlNode node)
        {
            if (node is YamlScalarNode { Value: { } text })
            {
                // "2027-01-01 New Year's Day": a date, then the name.
                var parts = text.Trim().Split(' ', 2, StringSplitOptions.TrimEntries);
                var date = PlanValues.Date(parts[0], out var error);
                if (date is null)
                {
                    context.Error(node, DiagnosticCodes.InvalidDate, $"holiday: {error}");
                    return null;
                }

                return CalendarException.Holiday(date.Value, parts.Length > 1 ? parts[1] : "Holiday");
            }

            if (Expect<YamlMappingNode>(node, "a holiday") is not { } mapping)
            {
                return null;
            }

            var f = new YamlFields(context, mapping, "a holiday", HolidayFields);
            var from = f.Date("date", required: true);
            var to = f.Date("to") ?? from;
            if (from is null || to is null)
            {
                return null;
            }

            if (to < from)
            {
                context.Error(f.Get("to")!, DiagnosticCodes.InvalidDate, "to: the holiday ends before it starts");
                return null;
            }

            return new CalendarException(from.Value, to.Value, Text(f.String("name")) ?? "Holiday", []);
        }

        private CalendarException? ReadException(YamlMappingNode node)
        {
            var f = new YamlFields(context, node, "a calendar exception", ExceptionFields);
            var from = f.Date("date") ?? f.Date("from");
            if (!f.Has("date") && !f.Has("from"))
            {
                context.Error(node, DiagnosticCodes.MissingField, "a calendar exception needs 'date' (or 'from' and 'to')");
            }

            var to = f.Date("to") ?? from;
            var hours = f.Has("hours") ? f.ParseClass<IReadOnlyList<WorkingTimeRange>>("hours", PlanValues.WorkingTimes, DiagnosticCodes.InvalidValue) : [];
            if (from is null || to is null || hours is null)
            {
                return null;
            }

            if (to < from)
            {
                context.Error(f.Get("to")!, DiagnosticCodes.InvalidDate, "to: the exception ends before it starts");
                return null;
            }

            return new CalendarException(from.Value, to.Value, Text(f.String("name")) ?? "Exception", hours);
        }

        private List<WorkingCalendar> ResolveCalendarWeeks(List<WorkingCalendar> calendars)
        {
            var byId = calendars.GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.First());
            var resolved = new List<WorkingCalendar>(calendars.Count);
            for (var i = 0; i < calendars.Count; i++)
            {
                var calendar = calendars[i];
                if (calendarsWithoutWeek.Contains(i))
                {
                    // Walk up the bases to the nearest one with its own week; a cycle is reported by validation.
                    var seen = new HashSet<CalendarId> { calendar.Id };
                    var current = calendar;
                    while (current.BaseCalendar is { } baseId && byId.TryGetValue(baseId, out var parent) && seen.Add(parent.Id))
                    {
                        current = parent;
                        if (!calendarsWithoutWeek.Contains(calendars.IndexOf(parent)))
                        {
                            calendar = new WorkingCalendar(calendar.Id, calendar.Name, parent.Week, calendar.Exceptions, calendar.BaseCalendar);
                            break;
                        }
                    }
                }

                resolved.Add(calendar);
            }

            return resolved;
        }

        private Team? ReadTeam(YamlMappingNode node, int index)
        {
            var f = new YamlFields(context, node, "a team", TeamFields, (EntityKind.Team, index));
            var id = f.String("id", required: true);
            var name = f.String("name", required: true);
            var capacity = f.Duration("capacity");
            var ktlo = f.Percent("ktlo");
            var distribution = ReadDistribution(f);
            var uncertainty = ReadUncertainty(f, "uncertainty");
            return id is null || name is null ? null : new Team(new TeamId(id.Trim()), name.Trim())
            {
                Lead = PersonRef(f.String("lead")),
                Calendar = CalendarRef(f.String("calendar")),
                Capacity = capacity,
                KtloPercent = ktlo ?? 0,
                Distribution = distribution,
                Uncertainty = uncertainty,
            };
        }

        private Person? ReadPerson(YamlMappingNode node, int index)
        {
            var f = new YamlFields(context, node, "a person", PersonFields, (EntityKind.Person, index));
            var id = f.String("id", required: true);
            var name = f.String("name", required: true);
            var role = f.Enum("role", PlanWords.Roles);
            var capacity = f.Duration("capacity");
            var allocations = new List<Allocation>();
            if (f.Mapping("allocations") is { } allocationNode)
            {
                foreach (var (key, value) in allocationNode.Children)
                {
                    var percent = value is YamlScalarNode { Value: { } text } ? PlanValues.Percent(text, out var error) : null;
                    if (percent is null)
                    {
                        context.Error(value, DiagnosticCodes.InvalidValue, "allocations: give each project a percentage, e.g. 'billing: 50%'");
                        continue;
                    }

                    allocations.Add(new Allocation(new ProjectId(((YamlScalarNode)key).Value ?? string.Empty), percent.Value));
                }
            }

            var leave = new List<DateRange>();
            foreach (var leaveNode in f.List("leave"))
            {
                if (Expect<YamlMappingNode>(leaveNode, "a leave entry") is not { } mapping)
                {
                    continue;
                }

                var l = new YamlFields(context, mapping, "a leave entry", LeaveFields);
                var from = l.Date("from", required: true);
                var to = l.Date("to") ?? from;
                if (from is not null && to is not null)
                {
                    if (to < from)
                    {
                        context.Error(l.Get("to")!, DiagnosticCodes.InvalidDate, "to: the leave ends before it starts");
                    }
                    else
                    {
                        leave.Add(new DateRange(from.Value, to.Value));
                    }
                }
            }

            return id is null || name is null ? null : new Person(new PersonId(id.Trim()), name.Trim(), role ?? FunctionalRole.Engineer)
            {
                Team = TeamRef(f.String("team")),
                Email = Text(f.String("email")),
                WeeklyCapacity = capacity ?? new WorkDuration(40 * 60),
                Calendar = CalendarRef(f.String("calendar")),
                Allocations = allocations,
                Leave = leave,
            };
        }

        private OnCallRotation? ReadRotation(YamlMappingNode node, int index)
        {
            var f = new YamlFields(context, node, "an on-call rotation", RotationFields, (EntityKind.Rotation, index));
            var id = f.String("id", required: true);
            var team = f.String("team", required: true);
            var load = f.Percent("load");
            var shift = f.Parse<long>("shift", PlanValues.ElapsedMinutes, DiagnosticCodes.InvalidDuration);
            var members = f.Ids("members").Select(m => new PersonId(m)).ToList();
            return id is null || team is null ? null : new OnCallRotation(new RotationId(id.Trim()), Text(f.String("name")) ?? id.Trim(), new TeamId(team.Trim()), members, load ?? 100)
            {
                ShiftDays = shift is { } minutes ? Math.Max(1, (int)(minutes / 1440)) : 7,
            };
        }
    }
}
