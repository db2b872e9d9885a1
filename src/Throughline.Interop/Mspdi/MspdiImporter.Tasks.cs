using System.Globalization;
using System.Xml.Linq;
using Throughline.Domain;
using Throughline.Domain.Diagnostics;

namespace Throughline.Interop.Mspdi;

internal sealed partial class MspdiImporter
{
    /// <summary>One task while the document is being read; <see cref="Item"/> is replaced as later phases fill it in.</summary>
    private sealed class TaskRow(int uid, WorkItem item, MsProjectDates stored, MspdiTaskInfo info, XElement element)
    {
        public int Uid { get; } = uid;

        public WorkItem Item { get; set; } = item;

        public MsProjectDates Stored { get; } = stored;

        public MspdiTaskInfo Info { get; } = info;

        public XElement Element { get; } = element;
    }

    private readonly Dictionary<int, TaskRow> rowsByUid = [];

    private List<TaskRow> ReadTasks(XElement root, Header header, CalendarSet calendars)
    {
        var rows = new List<TaskRow>();
        var parents = new Stack<(int Level, WorkItemId Id)>();
        var manual = new List<int>();
        foreach (var element in root.Element(ns + "Tasks")?.Elements(ns + "Task") ?? [])
        {
            if (Int(element, "UID", required: true) is not { } uid)
            {
                continue;
            }

            // Empty rows (IsNull) and the project summary task (UID 0, outline level 0) are not work.
            var level = Int(element, "OutlineLevel") ?? LevelFromOutlineNumber(Text(element, "OutlineNumber"));
            if (Bool(element, "IsNull") == true || uid == 0 || level == 0)
            {
                continue;
            }

            if (rowsByUid.ContainsKey(uid))
            {
                Error(DiagnosticCodes.DuplicateId, $"task UID {uid} is defined twice", element);
                continue;
            }

            while (parents.Count > 0 && parents.Peek().Level >= level)
            {
                parents.Pop();
            }

            var row = ReadTask(uid, element, header, calendars);
            row.Item = row.Item with { Parent = parents.Count > 0 ? parents.Peek().Id : null };
            parents.Push((level, row.Item.Id));
            rows.Add(row);
            rowsByUid[uid] = row;
            if (row.Info.IsManual)
            {
                manual.Add(uid);
            }
        }

        // A summary's duration is rolled up from its children; only leaves carry an estimate.
        var withChildren = rows.Where(r => r.Item.Parent is not null).Select(r => r.Item.Parent!.Value).ToHashSet();
        foreach (var row in rows.Where(r => withChildren.Contains(r.Item.Id)))
        {
            row.Item = row.Item with { Estimate = null, Kind = WorkItemKind.Task };
        }

        if (manual.Count > 0)
        {
            var sample = string.Join(", ", manual.Take(10).Select(u => u.ToString(CultureInfo.InvariantCulture))) + (manual.Count > 10 ? ", ..." : string.Empty);
            Info(DiagnosticCodes.ManualTask, $"{manual.Count} task(s) are manually scheduled (Manual=1), so their dates were fixed by hand in Microsoft Project; they keep their stored start and their successors follow from it (UIDs {sample})", root.Element(ns + "Tasks"));
        }

        return rows;
    }

    private static int LevelFromOutlineNumber(string? outlineNumber) =>
        outlineNumber is null ? 1 : outlineNumber == "0" ? 0 : outlineNumber.Count(c => c == '.') + 1;

    private TaskRow ReadTask(int uid, XElement element, Header header, CalendarSet calendars)
    {
        var id = TaskId(uid);
        var item = new WorkItem(id, Text(element, "Name") ?? string.Empty, header.ProjectId)
        {
            Kind = Bool(element, "Milestone") == true ? WorkItemKind.Milestone : WorkItemKind.Task,
            Description = element.Element(ns + "Notes")?.Value is { Length: > 0 } notes ? notes : null,
            Estimate = ReadEstimate(uid, element),
            Constraint = ReadConstraint(uid, element),
            Deadline = Date(element, "Deadline", input: true),
            Calendar = TaskCalendar(uid, element, calendars),
        };

        var progress = ReadProgress(element);
        var active = Bool(element, "Active") ?? true;
        item = item with
        {
            Progress = progress,
            Status = !active ? WorkItemStatus.Cancelled
                : progress.ActualFinish is not null || progress.PercentComplete >= 100 ? WorkItemStatus.Done
                : progress.ActualStart is not null || progress.PercentComplete > 0 ? WorkItemStatus.InProgress
                : WorkItemStatus.NotStarted,
        };

        if (!active)
        {
            Info(DiagnosticCodes.InactiveTask, $"task {uid} ({item.Name}) is inactive in Microsoft Project; it is kept as cancelled and left out of the schedule", element.Element(ns + "Active"));
        }

        var info = new MspdiTaskInfo(
            uid,
            Int(element, "ID"),
            Text(element, "OutlineNumber"),
            Bool(element, "Summary") ?? false,
            Bool(element, "Manual") ?? false,
            active,
            ReadBaselines(element));

        return new TaskRow(uid, item, ReadStored(element), info, element);
    }

    private Estimate? ReadEstimate(int uid, XElement element)
    {
        if (Duration(element, "Duration", input: true) is not { } minutes)
        {
            return null;
        }

        if (minutes < 0)
        {
            Error(DiagnosticCodes.InvalidDuration, $"task {uid} has a negative duration", element.Element(ns + "Duration"));
            return null;
        }

        // An elapsed duration (1 ed = 24 h) runs around the clock: the estimate says so and the scheduler puts the
        // task on a continuous calendar.
        var elapsed = Int(element, "DurationFormat") is { } format && MspdiFormat.Format(format) == MspdiFormat.FormatKind.Elapsed;
        return Estimate.Single(new WorkDuration(minutes)) with { IsElapsed = elapsed };
    }

    private Constraint ReadConstraint(int uid, XElement element)
    {
        var code = Int(element, "ConstraintType") ?? 0;
        if (MspdiFormat.Constraint(code) is not { } type)
        {
            Error(DiagnosticCodes.InvalidValue, $"task {uid}: <ConstraintType> {code} is unknown (0..7: ASAP, ALAP, MSO, MFO, SNET, SNLT, FNET, FNLT)", element.Element(ns + "ConstraintType"));
            return Constraint.AsSoonAsPossible;
        }

        if (type is ConstraintType.AsSoonAsPossible or ConstraintType.AsLateAsPossible)
        {
            return type == ConstraintType.AsSoonAsPossible ? Constraint.AsSoonAsPossible : new Constraint(type, null);
        }

        if (Date(element, "ConstraintDate", input: true) is not { } date)
        {
            Warning(DiagnosticCodes.MissingField, $"task {uid} has a {type} constraint without a <ConstraintDate>; it is read as as-soon-as-possible", element.Element(ns + "ConstraintType"));
            return Constraint.AsSoonAsPossible;
        }

        return new Constraint(type, date);
    }

    private CalendarId? TaskCalendar(int uid, XElement element, CalendarSet calendars)
    {
        if (Int(element, "CalendarUID") is not { } calendarUid || calendarUid < 0)
        {
            return null;
        }

        if (!calendars.ById.ContainsKey(calendarUid))
        {
            Warning(DiagnosticCodes.UndefinedReference, $"task {uid} uses calendar UID {calendarUid}, which the file does not define; the project calendar applies", element.Element(ns + "CalendarUID"));
            return null;
        }

        return CalendarId(calendarUid);
    }

    private Progress ReadProgress(XElement element)
    {
        var actualStart = Date(element, "ActualStart", input: true);
        var actualFinish = Date(element, "ActualFinish", input: true);
        var percent = Math.Clamp(Number(element, "PercentComplete") ?? 0, 0, 100);
        if (actualStart is null && actualFinish is null && percent == 0)
        {
            return Progress.None;
        }

        // PercentComplete is a whole number; ActualDuration says to the minute how much is done. Where the rounded
        // percentage does not give that duration back (6% of 71h01m is 4h16m, the file says 4h27m), the exact share is
        // taken, so the remaining work starts where Microsoft Project starts it.
        if (actualFinish is null
            && MspdiFormat.TryParseDuration(element.Element(ns + "ActualDuration")?.Value ?? string.Empty, out var done)
            && MspdiFormat.TryParseDuration(element.Element(ns + "Duration")?.Value ?? string.Empty, out var duration)
            && done > 0 && done < duration && Math.Abs(done - (duration * percent / 100)) > 0.5)
        {
            percent = done * 100.0 / duration;
        }

        var remaining = Duration(element, "RemainingDuration", input: true);
        return new Progress
        {
            ActualStart = actualStart,
            ActualFinish = actualFinish,
            PercentComplete = percent,
            Remaining = remaining is { } r and >= 0 ? new WorkDuration(r) : null,
        };
    }

    private MsProjectDates ReadStored(XElement element) => new()
    {
        Start = Date(element, "Start", input: false),
        Finish = Date(element, "Finish", input: false),
        EarlyStart = Date(element, "EarlyStart", input: false),
        EarlyFinish = Date(element, "EarlyFinish", input: false),
        LateStart = Date(element, "LateStart", input: false),
        LateFinish = Date(element, "LateFinish", input: false),
        TotalSlackMinutes = TenthsToMinutes(Number(element, "TotalSlack")),
        FreeSlackMinutes = TenthsToMinutes(Number(element, "FreeSlack")),
        Critical = Bool(element, "Critical"),
    };

    private static long? TenthsToMinutes(double? tenths) =>
        tenths is { } t ? (long)Math.Round(t / 10, MidpointRounding.AwayFromZero) : null;

    private List<MspdiBaseline> ReadBaselines(XElement element)
    {
        var baselines = new List<MspdiBaseline>();
        foreach (var baseline in element.Elements(ns + "Baseline"))
        {
            var number = Int(baseline, "Number") ?? 0;
            var cost = Number(baseline, "Cost");
            baselines.Add(new MspdiBaseline(
                number,
                Date(baseline, "Start", input: false),
                Date(baseline, "Finish", input: false),
                Duration(baseline, "Duration", input: false) is { } d ? new WorkDuration(d) : null,
                Duration(baseline, "Work", input: false) is { } w ? new WorkDuration(w) : null,
                cost is { } c && Math.Abs(c) < (double)decimal.MaxValue ? (decimal)c : null));
        }

        return baselines;
    }

    // ---- links ----

    private List<Dependency> ReadLinks(List<TaskRow> rows)
    {
        var dependencies = new List<Dependency>();
        foreach (var row in rows)
        {
            foreach (var link in row.Element.Elements(ns + "PredecessorLink"))
            {
                if (ReadLink(row, link) is { } dependency)
                {
                    dependencies.Add(dependency);
                }
            }
        }

        return dependencies;
    }

    private Dependency? ReadLink(TaskRow successor, XElement link)
    {
        if (Int(link, "PredecessorUID", required: true) is not { } predecessorUid)
        {
            return null;
        }

        var typeCode = Int(link, "Type") ?? 1;
        if (MspdiFormat.LinkType(typeCode) is not { } type)
        {
            Error(DiagnosticCodes.InvalidValue, $"task {successor.Uid}: link from task {predecessorUid} has unknown <Type> {typeCode} (MSPDI link types are 0=FF, 1=FS, 2=SF, 3=SS)", link.Element(ns + "Type") ?? link);
            return null;
        }

        if (Bool(link, "CrossProject") == true)
        {
            Warning(DiagnosticCodes.NotRepresentable, $"task {successor.Uid}: the link from {Text(link, "CrossProjectName") ?? "another project"} (UID {predecessorUid}) crosses into another file and is dropped", link);
            return null;
        }

        if (!rowsByUid.TryGetValue(predecessorUid, out var predecessor))
        {
            Warning(DiagnosticCodes.UndefinedReference, $"task {successor.Uid}: predecessor UID {predecessorUid} is not a task in the file (or is an empty row or the project summary); the link is dropped", link);
            return null;
        }

        if (predecessor == successor)
        {
            Warning(DiagnosticCodes.DependencyCycle, $"task {successor.Uid} is linked to itself; the link is dropped", link);
            return null;
        }

        return new Dependency(predecessor.Item.Id, successor.Item.Id, type, ReadLag(successor.Uid, link));
    }

    /// <summary>
    /// <c>LinkLag</c> is in tenths of a minute for time lags, and in tenths of a percent for percentage lags
    /// (<c>LagFormat</c> 19/20): 500 is 50% of the predecessor's duration.
    /// </summary>
    private Lag ReadLag(int successorUid, XElement link)
    {
        var tenths = Number(link, "LinkLag") ?? 0;
        var formatCode = Int(link, "LagFormat") ?? 7;
        var format = MspdiFormat.Format(formatCode);
        if (format is null)
        {
            Warning(DiagnosticCodes.InvalidValue, $"task {successorUid}: <LagFormat> {formatCode} is unknown; the lag is read as working time", link.Element(ns + "LagFormat"));
        }

        var amount = (long)Math.Round(tenths / 10, MidpointRounding.AwayFromZero);
        return format switch
        {
            MspdiFormat.FormatKind.Elapsed => Lag.Elapsed(amount),
            MspdiFormat.FormatKind.Percent => Lag.Percent(amount),
            _ => new Lag(amount, LagKind.Working),
        };
    }
}
