using System.Xml.Linq;
using Throughline.Domain;
using Throughline.Domain.Diagnostics;
using Throughline.Scheduling;

namespace Throughline.Interop.Mspdi;

internal sealed partial class MspdiImporter
{
    /// <summary>
    /// Reads work resources as people. Material and cost resources have no place in the domain and are skipped;
    /// <c>MaxUnits</c> becomes weekly capacity (1.0 = one full-time week of <see cref="WorkTimeUnits.MinutesPerWeek"/>).
    /// </summary>
    private (List<Person> People, Dictionary<int, PersonId> ByUid) ReadResources(XElement root, Header header, CalendarSet calendars)
    {
        var people = new List<Person>();
        var byUid = new Dictionary<int, PersonId>();
        var skipped = 0;
        foreach (var element in root.Element(ns + "Resources")?.Elements(ns + "Resource") ?? [])
        {
            if (Int(element, "UID", required: true) is not { } uid || uid == 0 || Bool(element, "IsNull") == true)
            {
                continue;
            }

            if (byUid.ContainsKey(uid))
            {
                Error(DiagnosticCodes.DuplicateId, $"resource UID {uid} is defined twice", element);
                continue;
            }

            if ((Int(element, "Type") ?? 1) != 1)
            {
                skipped++;
                continue;
            }

            var calendarUid = Int(element, "CalendarUID");
            var maxUnits = Number(element, "MaxUnits") ?? 1;
            var person = new Person(ResourceId(uid), Text(element, "Name") ?? $"Resource {uid}", FunctionalRole.Other)
            {
                Email = Text(element, "EmailAddress"),
                Calendar = calendarUid is { } c && calendars.ById.ContainsKey(c) ? CalendarId(c) : null,
                WeeklyCapacity = new WorkDuration((long)Math.Round(Math.Max(0, maxUnits) * header.Units.MinutesPerWeek)),
            };
            people.Add(person);
            byUid[uid] = person.Id;
        }

        if (skipped > 0)
        {
            Info(DiagnosticCodes.NotRepresentable, $"{skipped} material or cost resource(s) are not people and are skipped, with their assignments", root.Element(ns + "Resources"));
        }

        return (people, byUid);
    }

    /// <summary>
    /// Split tasks. MSPDI has no split element: a split shows in the assignments' timephased work (<c>Type</c> 1,
    /// remaining, and 2, actual) as periods of zero work between worked ones. A zero period counts when it is at least
    /// an hour long (Project writes minute-by-minute entries where a contour leaves less than a second of work per
    /// minute, which read as zero without being a split) and no assignment of the task works in it. Entries that
    /// cannot be read are skipped: the timephased data only refines the schedule.
    /// </summary>
    private Dictionary<WorkItemId, IReadOnlyList<SplitPeriod>> ReadSplits(XElement root)
    {
        var worked = new Dictionary<int, List<SplitPeriod>>();
        var idle = new Dictionary<int, List<SplitPeriod>>();
        foreach (var element in root.Element(ns + "Assignments")?.Elements(ns + "Assignment") ?? [])
        {
            if (Int(element, "TaskUID") is not { } taskUid || !rowsByUid.ContainsKey(taskUid))
            {
                continue;
            }

            foreach (var data in element.Elements(ns + "TimephasedData"))
            {
                if (data.Element(ns + "Type")?.Value.Trim() is not ("1" or "2")
                    || !MspdiFormat.TryParseDateTime(data.Element(ns + "Start")?.Value ?? string.Empty, out var start)
                    || !MspdiFormat.TryParseDateTime(data.Element(ns + "Finish")?.Value ?? string.Empty, out var finish)
                    || finish <= start)
                {
                    continue;
                }

                // An absent value is a period Project did not schedule (nights, weekends); only a written zero is idle.
                var value = data.Element(ns + "Value")?.Value.Trim();
                if (string.IsNullOrEmpty(value) || !MspdiFormat.TryParseDuration(value, out _))
                {
                    continue;
                }

                var isWork = value.Any(c => c is >= '1' and <= '9');
                if (!isWork && finish - start < TimeSpan.FromHours(1))
                {
                    continue;
                }

                var into = isWork ? worked : idle;
                if (!into.TryGetValue(taskUid, out var list))
                {
                    into[taskUid] = list = [];
                }

                list.Add(new SplitPeriod(start, finish));
            }
        }

        var splits = new Dictionary<WorkItemId, IReadOnlyList<SplitPeriod>>();
        foreach (var (taskUid, periods) in idle)
        {
            if (!worked.TryGetValue(taskUid, out var work))
            {
                continue;
            }

            // Between the first and the last work only, and not while another assignment works.
            var first = work.Min(w => w.Start);
            var last = work.Max(w => w.Finish);
            var gaps = periods
                .Where(p => p.Start >= first && p.Finish <= last && !work.Any(w => w.Start < p.Finish && p.Start < w.Finish))
                .Distinct()
                .OrderBy(p => p.Start)
                .ToList();
            if (gaps.Count > 0)
            {
                splits[rowsByUid[taskUid].Item.Id] = gaps;
            }
        }

        return splits;
    }

    private List<WorkItem> AttachAssignments(XElement root, List<TaskRow> rows, Dictionary<int, PersonId> people)
    {
        var byTask = new Dictionary<int, List<Assignment>>();
        foreach (var element in root.Element(ns + "Assignments")?.Elements(ns + "Assignment") ?? [])
        {
            var taskUid = Int(element, "TaskUID");
            var resourceUid = Int(element, "ResourceUID");
            if (taskUid is null || resourceUid is null || resourceUid == MspdiFormat.UnassignedResourceUid)
            {
                continue;
            }

            if (!people.TryGetValue(resourceUid.Value, out var person) || !rowsByUid.ContainsKey(taskUid.Value))
            {
                // Assignments of skipped resources, or to the project summary, are not work of a person on an item.
                continue;
            }

            var units = Number(element, "Units") ?? 1;
            if (units < 0)
            {
                Warning(DiagnosticCodes.InvalidValue, $"assignment of resource {resourceUid} to task {taskUid} has negative units; 0 is used", element.Element(ns + "Units"));
                units = 0;
            }

            if (!byTask.TryGetValue(taskUid.Value, out var list))
            {
                byTask[taskUid.Value] = list = [];
            }

            list.Add(Assignment.ToPerson(person, Math.Round(units * 100, 6)));
        }

        foreach (var row in rows)
        {
            if (byTask.TryGetValue(row.Uid, out var assignments))
            {
                row.Item = row.Item with { Assignments = assignments };
            }
        }

        return rows.Select(r => r.Item).ToList();
    }
}
