using System.Globalization;
using System.Text;
using System.Xml;
using Throughline.Domain;
using Throughline.Domain.Calendars;
using Throughline.Domain.Diagnostics;

namespace Throughline.Interop.Mspdi;

/// <summary>
/// Writes a program as Microsoft Project XML (MSPDI) that Microsoft Project 2007+ and MSPDI readers (MPXJ,
/// ProjectLibre) open: one project holding every work item, in outline order, with calendars, links, constraints,
/// progress, people as work resources and their assignments. Elements follow the schema's order. Inputs are written,
/// not computed dates: Microsoft Project schedules the file when it opens it.
/// </summary>
/// <remarks>
/// What MSPDI cannot hold is reported as <see cref="DiagnosticCodes.NotRepresentable"/> warnings: three-point
/// estimates (the most likely value is written), team assignments, several projects (flattened into one).
/// </remarks>
public static class MspdiWriter
{
    /// <summary>Writes a document read by <see cref="MspdiReader"/>, keeping its UIDs and project start time.</summary>
    public static IReadOnlyList<Diagnostic> Write(MspdiDocument document, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Write(document.Program, output, new MspdiWriteOptions
        {
            TaskUids = document.TaskUids,
            CalendarUids = document.CalendarUids,
            ResourceUids = document.ResourceUids,
            ProjectStart = document.ProjectStart,
        });
    }

    /// <summary>Writes a program; the diagnostics say what MSPDI could not hold.</summary>
    public static IReadOnlyList<Diagnostic> Write(Program program, TextWriter output, MspdiWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(output);
        var settings = new XmlWriterSettings
        {
            Indent = true,
            IndentChars = "  ",
            Encoding = new UTF8Encoding(false),
            CloseOutput = false,
        };
        using var xml = XmlWriter.Create(output, settings);
        var writer = new MspdiExporter(program, options ?? new MspdiWriteOptions(), xml);
        writer.Write();
        return writer.Diagnostics;
    }

    /// <summary>Writes a document to a string.</summary>
    public static MspdiWriteResult ToXml(MspdiDocument document)
    {
        using var text = new Utf8StringWriter();
        var diagnostics = Write(document, text);
        return new MspdiWriteResult(text.ToString(), diagnostics);
    }

    /// <summary>Writes a program to a string.</summary>
    public static MspdiWriteResult ToXml(Program program, MspdiWriteOptions? options = null)
    {
        using var text = new Utf8StringWriter();
        var diagnostics = Write(program, text, options);
        return new MspdiWriteResult(text.ToString(), diagnostics);
    }

    /// <summary>A string writer that declares UTF-8, so the XML declaration matches what a file would hold.</summary>
    private sealed class Utf8StringWriter() : StringWriter(CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}

/// <summary>MSPDI text and what could not be written exactly.</summary>
public sealed record MspdiWriteResult(string Xml, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// UIDs to keep when writing (items without one get the next free UID), and the project start time of day.
/// </summary>
public sealed record MspdiWriteOptions
{
    public IReadOnlyDictionary<WorkItemId, int>? TaskUids { get; init; }

    public IReadOnlyDictionary<CalendarId, int>? CalendarUids { get; init; }

    public IReadOnlyDictionary<PersonId, int>? ResourceUids { get; init; }

    /// <summary>The project start with its time; by default the program's start date at 08:00.</summary>
    public DateTime? ProjectStart { get; init; }
}

/// <summary>Writes one program; collects what it could not write exactly.</summary>
internal sealed class MspdiExporter(Program program, MspdiWriteOptions options, XmlWriter xml)
{
    private const int DefaultStartMinute = 8 * 60;
    private const int DefaultFinishMinute = 17 * 60;

    private readonly List<Diagnostic> diagnostics = [];

    public IReadOnlyList<Diagnostic> Diagnostics => diagnostics;

    public void Write()
    {
        var calendarUids = AssignUids(program.Calendars.Select(c => c.Id), options.CalendarUids, firstUid: 0);
        var order = OutlineOrder();
        var taskUids = AssignUids(order.Select(o => o.Item.Id), options.TaskUids, firstUid: 1);
        var people = program.People;
        var resourceUids = AssignUids(people.Select(p => p.Id), options.ResourceUids, firstUid: 1);

        if (program.Projects.Count > 1)
        {
            Warn($"the program has {program.Projects.Count} projects; MSPDI holds one, so their items are written together");
        }

        xml.WriteStartDocument(standalone: true);
        xml.WriteStartElement("Project", MspdiFormat.Namespace);
        Element("SaveVersion", "14");
        Element("Name", program.Id.Value + ".xml");
        Element("Title", program.Name);
        Element("ScheduleFromStart", "1");
        var start = options.ProjectStart ?? program.Start.ToDateTime(new TimeOnly(8, 0));
        Element("StartDate", MspdiFormat.FormatDateTime(start));
        Element("CurrencyCode", program.Currency);
        if (program.Calendar is { } projectCalendar && calendarUids.TryGetValue(projectCalendar, out var projectCalendarUid))
        {
            Element("CalendarUID", Int(projectCalendarUid));
        }

        Element("DefaultStartTime", MspdiFormat.FormatTime(DefaultStartMinute));
        Element("DefaultFinishTime", MspdiFormat.FormatTime(DefaultFinishMinute));
        Element("MinutesPerDay", Int(program.Units.MinutesPerDay));
        Element("MinutesPerWeek", Int(program.Units.MinutesPerWeek));
        Element("DaysPerMonth", "20");
        if (program.StatusDate is { } status)
        {
            Element("StatusDate", MspdiFormat.FormatDateTime(status.ToDateTime(TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(DefaultFinishMinute)))));
        }

        xml.WriteStartElement("Calendars");
        foreach (var calendar in program.Calendars)
        {
            WriteCalendar(calendar, calendarUids);
        }

        xml.WriteEndElement();

        xml.WriteStartElement("Tasks");
        WriteProjectSummary(start);
        var links = program.Dependencies.ToLookup(d => d.Successor);
        for (var i = 0; i < order.Count; i++)
        {
            WriteTask(order[i], i + 1, taskUids, calendarUids, links);
        }

        xml.WriteEndElement();

        xml.WriteStartElement("Resources");
        for (var i = 0; i < people.Count; i++)
        {
            WriteResource(people[i], i + 1, resourceUids, calendarUids);
        }

        xml.WriteEndElement();

        WriteAssignments(order, taskUids, resourceUids);
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    // ---- calendars ----

    private void WriteCalendar(WorkingCalendar calendar, Dictionary<CalendarId, int> uids)
    {
        xml.WriteStartElement("Calendar");
        Element("UID", Int(uids[calendar.Id]));
        Element("Name", calendar.Name);
        var baseUid = calendar.BaseCalendar is { } b && uids.TryGetValue(b, out var found) ? found : -1;
        if (calendar.BaseCalendar is { } missing && baseUid < 0)
        {
            Warn($"calendar {calendar.Id} derives from {missing}, which the program does not define; it is written as a base calendar");
        }

        Element("IsBaseCalendar", baseUid < 0 ? "1" : "0");
        Element("BaseCalendarUID", Int(baseUid));
        xml.WriteStartElement("WeekDays");
        for (var day = 0; day < 7; day++)
        {
            xml.WriteStartElement("WeekDay");
            Element("DayType", Int(day + 1));
            Element("DayWorking", calendar.Week[day].Count > 0 ? "1" : "0");
            WriteWorkingTimes(calendar.Week[day]);
            xml.WriteEndElement();
        }

        // Project 2007+ writes every exception a second time as a legacy DayType 0 weekday for older readers.
        foreach (var exception in calendar.Exceptions)
        {
            xml.WriteStartElement("WeekDay");
            Element("DayType", "0");
            Element("DayWorking", exception.IsNonWorking ? "0" : "1");
            WriteTimePeriod(exception);
            WriteWorkingTimes(exception.WorkingTimes);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();

        if (calendar.Exceptions.Count > 0)
        {
            xml.WriteStartElement("Exceptions");
            foreach (var exception in calendar.Exceptions)
            {
                xml.WriteStartElement("Exception");
                Element("EnteredByOccurrences", "0");
                WriteTimePeriod(exception);
                Element("Occurrences", Int(exception.To.DayNumber - exception.From.DayNumber + 1));
                Element("Name", exception.Name);
                Element("Type", "1");
                Element("DayWorking", exception.IsNonWorking ? "0" : "1");
                WriteWorkingTimes(exception.WorkingTimes);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private void WriteTimePeriod(CalendarException exception)
    {
        xml.WriteStartElement("TimePeriod");
        Element("FromDate", MspdiFormat.FormatDateTime(exception.From.ToDateTime(TimeOnly.MinValue)));
        Element("ToDate", MspdiFormat.FormatDateTime(exception.To.ToDateTime(new TimeOnly(23, 59))));
        xml.WriteEndElement();
    }

    private void WriteWorkingTimes(IReadOnlyList<WorkingTimeRange> ranges)
    {
        if (ranges.Count == 0)
        {
            return;
        }

        xml.WriteStartElement("WorkingTimes");
        foreach (var range in ranges)
        {
            xml.WriteStartElement("WorkingTime");
            Element("FromTime", MspdiFormat.FormatTime(range.StartMinute));
            Element("ToTime", MspdiFormat.FormatTime(range.EndMinute));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    // ---- tasks ----

    private sealed record Row(WorkItem Item, int Level, string OutlineNumber, bool IsSummary);

    /// <summary>Items in outline order (each parent followed by its subtree), with levels and outline numbers.</summary>
    private List<Row> OutlineOrder()
    {
        var known = program.WorkItems.Select(i => i.Id).ToHashSet();
        var children = new Dictionary<WorkItemId, List<WorkItem>>();
        var roots = new List<WorkItem>();
        foreach (var item in program.WorkItems)
        {
            if (item.Parent is { } parent && known.Contains(parent) && parent != item.Id)
            {
                if (!children.TryGetValue(parent, out var list))
                {
                    children[parent] = list = [];
                }

                list.Add(item);
            }
            else
            {
                if (item.Parent is { } unknown)
                {
                    Warn($"work item {item.Id} has parent {unknown}, which is not an item of the program; it is written at the top level");
                }

                roots.Add(item);
            }
        }

        var rows = new List<Row>();
        var visited = new HashSet<WorkItemId>();
        void Visit(IReadOnlyList<WorkItem> siblings, int level, string prefix)
        {
            for (var i = 0; i < siblings.Count; i++)
            {
                var item = siblings[i];
                if (!visited.Add(item.Id))
                {
                    continue;
                }

                var number = prefix.Length == 0 ? Int(i + 1) : prefix + "." + Int(i + 1);
                var kids = children.TryGetValue(item.Id, out var list) ? list : [];
                rows.Add(new Row(item, level, number, kids.Count > 0));
                Visit(kids, level + 1, number);
            }
        }

        Visit(roots, 1, string.Empty);
        foreach (var orphan in program.WorkItems.Where(i => !visited.Contains(i.Id)))
        {
            Warn($"work item {orphan.Id} sits in a cycle of parents; it is written at the top level");
            rows.Add(new Row(orphan, 1, Int(rows.Count(r => r.Level == 1) + 1), false));
        }

        return rows;
    }

    private void WriteProjectSummary(DateTime start)
    {
        xml.WriteStartElement("Task");
        Element("UID", "0");
        Element("ID", "0");
        Element("Name", program.Name);
        Element("Type", "1");
        Element("IsNull", "0");
        Element("OutlineNumber", "0");
        Element("OutlineLevel", "0");
        Element("Start", MspdiFormat.FormatDateTime(start));
        Element("Summary", "1");
        xml.WriteEndElement();
    }

    private void WriteTask(Row row, int id, Dictionary<WorkItemId, int> taskUids, Dictionary<CalendarId, int> calendarUids, ILookup<WorkItemId, Dependency> links)
    {
        var item = row.Item;
        xml.WriteStartElement("Task");
        Element("UID", Int(taskUids[item.Id]));
        Element("ID", Int(id));
        Element("Name", item.Name);
        Element("Active", item.Status == WorkItemStatus.Cancelled ? "0" : "1");
        Element("Manual", "0");
        Element("Type", "1");
        Element("IsNull", "0");
        Element("WBS", row.OutlineNumber);
        Element("OutlineNumber", row.OutlineNumber);
        Element("OutlineLevel", Int(row.Level));
        if (!row.IsSummary && item.Estimate is { } estimate)
        {
            if (estimate.IsThreePoint)
            {
                Warn($"work item {item.Id} has a three-point estimate; MSPDI holds one duration, so the most likely ({estimate.MostLikely.Format(program.Units)}) is written");
            }

            var minutes = estimate.MostLikely.Minutes;
            Element("Duration", MspdiFormat.FormatDuration(minutes));
            Element("DurationFormat", Int(estimate.IsElapsed ? MspdiFormat.ElapsedFormatCode(minutes) : MspdiFormat.WorkingFormatCode(minutes, program.Units)));
        }

        Element("Estimated", !row.IsSummary && item.Estimate is null ? "1" : "0");
        Element("Milestone", item.IsMilestone ? "1" : "0");
        Element("Summary", row.IsSummary ? "1" : "0");
        WriteProgress(item);
        Element("ConstraintType", Int(MspdiFormat.ConstraintCode(item.Constraint.Type)));
        var calendarUid = item.Calendar is { } calendar && calendarUids.TryGetValue(calendar, out var uid) ? uid : -1;
        Element("CalendarUID", Int(calendarUid));
        if (item.Constraint.Date is { } constraintDate)
        {
            Element("ConstraintDate", MspdiFormat.FormatDateTime(constraintDate));
        }

        if (item.Deadline is { } deadline)
        {
            Element("Deadline", MspdiFormat.FormatDateTime(deadline));
        }

        if (item.Description is { Length: > 0 } notes)
        {
            Element("Notes", notes);
        }

        foreach (var link in links[item.Id])
        {
            WriteLink(link, taskUids);
        }

        xml.WriteEndElement();
    }

    private void WriteProgress(WorkItem item)
    {
        var progress = item.Progress;
        // An item marked done without any recorded progress is written as complete, so Microsoft Project agrees.
        var percent = item.Status == WorkItemStatus.Done && progress.PercentComplete == 0 && progress.ActualFinish is null ? 100 : progress.PercentComplete;
        if (percent > 0)
        {
            // MSPDI's PercentComplete is a whole number.
            Element("PercentComplete", Int((int)Math.Round(Math.Clamp(percent, 0, 100))));
        }

        if (progress.ActualStart is { } actualStart)
        {
            Element("ActualStart", MspdiFormat.FormatDateTime(actualStart));
        }

        if (progress.ActualFinish is { } actualFinish)
        {
            Element("ActualFinish", MspdiFormat.FormatDateTime(actualFinish));
        }

        // A share that is not a whole percentage (read from an ActualDuration) is kept to the minute as one.
        if (progress.ActualFinish is null && percent is > 0 and < 100 && percent != Math.Round(percent) && item.Estimate is { } estimate)
        {
            Element("ActualDuration", MspdiFormat.FormatDuration((long)Math.Round(estimate.MostLikely.Minutes * percent / 100, MidpointRounding.AwayFromZero)));
        }

        if (progress.Remaining is { } remaining)
        {
            Element("RemainingDuration", MspdiFormat.FormatDuration(remaining.Minutes));
        }
    }

    private void WriteLink(Dependency link, Dictionary<WorkItemId, int> taskUids)
    {
        if (!taskUids.TryGetValue(link.Predecessor, out var predecessorUid))
        {
            Warn($"the link {link.Predecessor} -> {link.Successor} starts from an item the program does not define; it is not written");
            return;
        }

        xml.WriteStartElement("PredecessorLink");
        Element("PredecessorUID", Int(predecessorUid));
        Element("Type", Int(MspdiFormat.LinkTypeCode(link.Type)));
        Element("CrossProject", "0");
        var (tenths, format) = link.Lag.Kind switch
        {
            LagKind.Working => (link.Lag.Amount * 10, MspdiFormat.WorkingFormatCode(link.Lag.Amount, program.Units)),
            LagKind.Elapsed => (link.Lag.Amount * 10, MspdiFormat.ElapsedFormatCode(link.Lag.Amount)),
            LagKind.PercentOfPredecessor => (link.Lag.Amount * 10, 19),
        };
        Element("LinkLag", tenths.ToString(CultureInfo.InvariantCulture));
        Element("LagFormat", Int(format));
        xml.WriteEndElement();
    }

    // ---- resources ----

    private void WriteResource(Person person, int id, Dictionary<PersonId, int> resourceUids, Dictionary<CalendarId, int> calendarUids)
    {
        xml.WriteStartElement("Resource");
        Element("UID", Int(resourceUids[person.Id]));
        Element("ID", Int(id));
        Element("Name", person.Name);
        Element("Type", "1");
        Element("IsNull", "0");
        if (person.Email is { Length: > 0 } email)
        {
            Element("EmailAddress", email);
        }

        Element("MaxUnits", (person.WeeklyCapacity.Minutes / (double)program.Units.MinutesPerWeek).ToString("0.########", CultureInfo.InvariantCulture));
        if (person.Calendar is { } calendar && calendarUids.TryGetValue(calendar, out var calendarUid))
        {
            Element("CalendarUID", Int(calendarUid));
        }

        xml.WriteEndElement();
    }

    private void WriteAssignments(List<Row> order, Dictionary<WorkItemId, int> taskUids, Dictionary<PersonId, int> resourceUids)
    {
        xml.WriteStartElement("Assignments");
        var uid = 1;
        foreach (var item in order.Select(r => r.Item))
        {
            foreach (var assignment in item.Assignments)
            {
                if (assignment.Person is not { } person || !resourceUids.TryGetValue(person, out var resourceUid))
                {
                    Warn(assignment.Team is { } team
                        ? $"work item {item.Id} is assigned to team {team}; MSPDI assigns resources, so the assignment is not written"
                        : $"work item {item.Id} is assigned to {assignment.Person}, who is not a person of the program; the assignment is not written");
                    continue;
                }

                xml.WriteStartElement("Assignment");
                Element("UID", Int(uid++));
                Element("TaskUID", Int(taskUids[item.Id]));
                Element("ResourceUID", Int(resourceUid));
                Element("Units", (assignment.Units / 100).ToString("0.########", CultureInfo.InvariantCulture));
                xml.WriteEndElement();
            }
        }

        xml.WriteEndElement();
    }

    // ---- helpers ----

    /// <summary>
    /// Keeps each preferred UID from <paramref name="firstUid"/> up that is not taken; numbers the rest after the
    /// largest. Task and resource UID 0 are reserved (the project summary, "unassigned"); calendar UID 0 is not.
    /// </summary>
    private static Dictionary<TKey, int> AssignUids<TKey>(IEnumerable<TKey> keys, IReadOnlyDictionary<TKey, int>? preferred, int firstUid)
        where TKey : notnull
    {
        var list = keys.Distinct().ToList();
        var result = new Dictionary<TKey, int>();
        var taken = new HashSet<int>();
        foreach (var key in list)
        {
            if (preferred is not null && preferred.TryGetValue(key, out var uid) && uid >= firstUid && taken.Add(uid))
            {
                result[key] = uid;
            }
        }

        var next = taken.Count == 0 ? Math.Max(1, firstUid) : taken.Max() + 1;
        foreach (var key in list.Where(k => !result.ContainsKey(k)))
        {
            result[key] = next++;
        }

        return result;
    }

    /// <summary>Writes a text element, leaving out characters XML 1.0 cannot hold (control characters in a name).</summary>
    private void Element(string name, string value)
    {
        var clean = value.All(XmlConvert.IsXmlChar) ? value : new string(value.Where(XmlConvert.IsXmlChar).ToArray());
        xml.WriteElementString(name, MspdiFormat.Namespace, clean);
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private void Warn(string message) => diagnostics.Add(new Diagnostic(Severity.Warning, DiagnosticCodes.NotRepresentable, message));
}
