using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Throughline.Domain;
using Throughline.Domain.Calendars;
using Throughline.Domain.Diagnostics;

namespace Throughline.Interop.Mspdi;

/// <summary>
/// Turns a loaded MSPDI document into an <see cref="MspdiDocument"/>. One instance reads one document and collects
/// its diagnostics; the phases run in file order: header, calendars, tasks, links, resources, assignments.
/// </summary>
internal sealed partial class MspdiImporter(string source)
{
    private readonly List<Diagnostic> diagnostics = [];
    private XNamespace ns = MspdiFormat.Namespace;

    public MspdiReadResult Import(XElement root)
    {
        if (root.Name.LocalName != "Project" || (root.Name.NamespaceName != MspdiFormat.Namespace && root.Name.NamespaceName.Length != 0))
        {
            var written = root.Name.NamespaceName.Length == 0 ? $"<{root.Name.LocalName}>" : $"<{root.Name.LocalName} xmlns=\"{root.Name.NamespaceName}\">";
            Error(DiagnosticCodes.NotMspdi, $"not a Microsoft Project XML file: the root element is {written}, not <Project xmlns=\"{MspdiFormat.Namespace}\">", root);
            return new MspdiReadResult(null, diagnostics);
        }

        if (root.Name.NamespaceName.Length == 0)
        {
            ns = XNamespace.None;
            Warning(DiagnosticCodes.NotMspdi, $"the <Project> element has no namespace; read as MSPDI, but Microsoft Project expects xmlns=\"{MspdiFormat.Namespace}\"", root);
        }

        var header = ReadHeader(root);
        var calendars = ReadCalendars(root);
        var tasks = ReadTasks(root, header, calendars);
        var (people, resourceUids) = ReadResources(root, header, calendars);
        var splits = ReadSplits(root);
        var items = AttachAssignments(root, tasks, resourceUids);
        var dependencies = ReadLinks(tasks);

        if (diagnostics.Any(d => d.IsError))
        {
            return new MspdiReadResult(null, diagnostics);
        }

        var program = new Program(header.Id, header.Name, DateOnly.FromDateTime(header.Start))
        {
            StatusDate = header.StatusDate is { } status ? DateOnly.FromDateTime(status) : null,
            Currency = header.Currency ?? "USD",
            Units = header.Units,
            Calendar = header.CalendarUid is { } uid && calendars.ById.ContainsKey(uid) ? CalendarId(uid) : null,
            Calendars = calendars.List,
            People = people,
            Projects = [new Project(header.ProjectId, header.Name)],
            WorkItems = items,
            Dependencies = dependencies,
        };

        var document = new MspdiDocument(program)
        {
            TaskUids = tasks.ToDictionary(t => t.Item.Id, t => t.Uid),
            CalendarUids = calendars.List.ToDictionary(c => c.Id, c => calendars.UidOf[c.Id]),
            ResourceUids = resourceUids.ToDictionary(p => p.Value, p => p.Key),
            Stored = tasks.ToDictionary(t => t.Item.Id, t => t.Stored),
            Tasks = tasks.ToDictionary(t => t.Item.Id, t => t.Info),
            ProjectStart = header.Start,
            Producer = header.Producer,
            Splits = splits,
            IgnoreResourceCalendar = tasks.Where(t => Bool(t.Element, "IgnoreResourceCalendar") == true).Select(t => t.Item.Id).ToHashSet(),
            ManualStarts = tasks.Where(t => t.Info.IsManual && t.Stored.Start is not null).ToDictionary(t => t.Item.Id, t => t.Stored.Start!.Value),
        };
        return new MspdiReadResult(document, diagnostics);
    }

    internal static WorkItemId TaskId(int uid) => new("t" + uid.ToString(CultureInfo.InvariantCulture));

    internal static CalendarId CalendarId(int uid) => new("cal" + uid.ToString(CultureInfo.InvariantCulture));

    internal static PersonId ResourceId(int uid) => new("r" + uid.ToString(CultureInfo.InvariantCulture));

    // ---- header ----

    private sealed record Header(ProgramId Id, ProjectId ProjectId, string Name, DateTime Start, DateTime? StatusDate, int? CalendarUid, WorkTimeUnits Units, string? Currency, string? Producer);

    private Header ReadHeader(XElement root)
    {
        var fileName = Text(root, "Name");
        var title = Text(root, "Title");
        var stem = fileName is null ? Path.GetFileNameWithoutExtension(source) : Path.GetFileNameWithoutExtension(fileName);
        var name = title ?? stem;
        if (string.IsNullOrWhiteSpace(stem))
        {
            stem = "mspdi";
        }

        var start = Date(root, "StartDate", input: true);
        if (start is null)
        {
            var first = root.Element(ns + "Tasks")?.Elements(ns + "Task")
                .Select(t => Date(t, "Start", input: false)).Where(d => d.HasValue).Min();
            if (first is null)
            {
                Warning(DiagnosticCodes.MissingField, "the project has no <StartDate> and no task has a <Start>; 1984-01-02 is assumed", root);
            }

            start = first ?? new DateTime(1984, 1, 2, 8, 0, 0);
        }

        if (Bool(root, "ScheduleFromStart") == false)
        {
            Warning(DiagnosticCodes.NotRepresentable, "the project is scheduled from its finish date; Throughline schedules forwards from the start date", root.Element(ns + "ScheduleFromStart"));
        }

        var minutesPerDay = Int(root, "MinutesPerDay") ?? 480;
        var minutesPerWeek = Int(root, "MinutesPerWeek") ?? 2400;
        if (minutesPerDay <= 0 || minutesPerWeek <= 0 || minutesPerDay > 1440 || minutesPerWeek > 7 * 1440)
        {
            Warning(DiagnosticCodes.InvalidValue, $"MinutesPerDay {minutesPerDay} / MinutesPerWeek {minutesPerWeek} are not a working day and week; 480 / 2400 are used", root.Element(ns + "MinutesPerDay"));
            (minutesPerDay, minutesPerWeek) = (480, 2400);
        }

        if (Number(root, "DaysPerMonth") is { } daysPerMonth && daysPerMonth != 20)
        {
            Warning(DiagnosticCodes.NotRepresentable, $"DaysPerMonth is {daysPerMonth}; Throughline counts a month as 20 working days", root.Element(ns + "DaysPerMonth"));
        }

        var version = Text(root, "SaveVersion");
        var build = Text(root, "BuildNumber");
        var producer = (version, build) switch
        {
            (null, null) => null,
            (_, null) => "SaveVersion " + version,
            (null, _) => "BuildNumber " + build,
            _ => $"SaveVersion {version}, BuildNumber {build}",
        };

        return new Header(
            new ProgramId(stem),
            new ProjectId(stem),
            string.IsNullOrWhiteSpace(name) ? stem : name,
            start.Value,
            Date(root, "StatusDate", input: false),
            Int(root, "CalendarUID"),
            new WorkTimeUnits(minutesPerDay, minutesPerWeek),
            Text(root, "CurrencyCode"),
            producer);
    }

    // ---- element access ----

    private string? Text(XElement parent, string name)
    {
        var value = parent.Element(ns + name)?.Value;
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private int? Int(XElement parent, string name, bool required = false)
    {
        var element = parent.Element(ns + name);
        if (element is null || string.IsNullOrWhiteSpace(element.Value))
        {
            if (required)
            {
                Error(DiagnosticCodes.MissingField, $"<{parent.Name.LocalName}> has no <{name}>", parent);
            }

            return null;
        }

        if (int.TryParse(element.Value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        // A few writers put "1.00" where an integer belongs; accept a whole number written as a decimal.
        if (double.TryParse(element.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && real == Math.Round(real) && Math.Abs(real) <= int.MaxValue)
        {
            return (int)real;
        }

        Report(required ? Severity.Error : Severity.Warning, DiagnosticCodes.InvalidValue, $"<{name}> must be a whole number, not \"{Clip(element.Value)}\"", element);
        return null;
    }

    private double? Number(XElement parent, string name)
    {
        var element = parent.Element(ns + name);
        if (element is null || string.IsNullOrWhiteSpace(element.Value))
        {
            return null;
        }

        if (double.TryParse(element.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        Warning(DiagnosticCodes.InvalidValue, $"<{name}> must be a number, not \"{Clip(element.Value)}\"", element);
        return null;
    }

    private bool? Bool(XElement parent, string name)
    {
        var element = parent.Element(ns + name);
        return element?.Value.Trim() switch
        {
            null or "" => null,
            "1" or "true" => true,
            "0" or "false" => false,
            _ => InvalidBool(element, name),
        };
    }

    private bool? InvalidBool(XElement element, string name)
    {
        Warning(DiagnosticCodes.InvalidValue, $"<{name}> must be 0 or 1, not \"{Clip(element.Value)}\"", element);
        return null;
    }

    /// <summary>
    /// Reads a date. <paramref name="input"/> dates feed the schedule (constraints, actuals, deadlines): an unreadable
    /// or out-of-range one is an error. Other dates (results, baselines) only warn and are dropped.
    /// </summary>
    private DateTime? Date(XElement parent, string name, bool input)
    {
        var element = parent.Element(ns + name);
        if (element is null || string.IsNullOrWhiteSpace(element.Value))
        {
            return null;
        }

        var severity = input ? Severity.Error : Severity.Warning;
        if (!MspdiFormat.TryParseDateTime(element.Value, out var value))
        {
            Report(severity, DiagnosticCodes.InvalidDate, $"<{name}> is not a date-time (yyyy-MM-ddTHH:mm:ss): \"{Clip(element.Value)}\"", element);
            return null;
        }

        if (input && (value < MspdiFormat.MinDate || value > MspdiFormat.MaxDate))
        {
            Report(severity, DiagnosticCodes.InvalidDate, $"<{name}> {MspdiFormat.FormatDateTime(value)} is outside Microsoft Project's range 1984-01-01..2149-12-31", element);
            return null;
        }

        return value;
    }

    private long? Duration(XElement parent, string name, bool input)
    {
        var element = parent.Element(ns + name);
        if (element is null || string.IsNullOrWhiteSpace(element.Value))
        {
            return null;
        }

        if (MspdiFormat.TryParseDuration(element.Value, out var minutes))
        {
            return minutes;
        }

        Report(input ? Severity.Error : Severity.Warning, DiagnosticCodes.InvalidDuration, $"<{name}> is not a duration such as PT8H0M0S: \"{Clip(element.Value)}\"", element);
        return null;
    }

    private static string Clip(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= 40 ? trimmed : trimmed[..40] + "...";
    }

    // ---- diagnostics ----

    private void Error(string code, string message, XObject? at) => Report(Severity.Error, code, message, at);

    private void Warning(string code, string message, XObject? at) => Report(Severity.Warning, code, message, at);

    private void Info(string code, string message, XObject? at) => Report(Severity.Info, code, message, at);

    private void Report(Severity severity, string code, string message, XObject? at) =>
        diagnostics.Add(new Diagnostic(severity, code, message) { Location = Locate(at) });

    private SourceLocation Locate(XObject? at) =>
        at is IXmlLineInfo info && info.HasLineInfo() ? new SourceLocation(source, info.LineNumber, info.LinePosition) : new SourceLocation(source, 1, 1);
}
