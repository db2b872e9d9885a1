using System.Xml.Linq;
using Throughline.Domain;
using Throughline.Domain.Diagnostics;

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
