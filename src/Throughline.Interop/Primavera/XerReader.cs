using System.Globalization;
using System.Text;
using Throughline.Domain;
using Throughline.Domain.Calendars;
using Throughline.Domain.Diagnostics;
using Throughline.Scheduling;

namespace Throughline.Interop.Primavera;

/// <summary>What reading a P6 file gave: the document, or null when an error made it unreadable, and every diagnostic.</summary>
public sealed record PrimaveraReadResult(PrimaveraDocument? Document, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Reads a Primavera P6 XER export into the domain. Tables used: <c>PROJECT</c>, <c>SCHEDOPTIONS</c>,
/// <c>CALENDAR</c>, <c>PROJWBS</c>, <c>TASK</c>, <c>TASKPRED</c>, <c>RSRC</c>, <c>TASKRSRC</c>, <c>ACTVTYPE</c>,
/// <c>ACTVCODE</c>, <c>TASKACTV</c>; the rest (costs, UDFs, baselines) is ignored. Every project in the file is read,
/// one domain project each, with the links between them; a link to an activity outside the file is dropped with a
/// warning. Diagnostics point at the table, row and field (file:line:column).
/// </summary>
public static class XerReader
{
    public static PrimaveraReadResult ReadFile(string path, Encoding? encoding = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        try
        {
            if (new FileInfo(path).Length > XerTables.MaxBytes)
            {
                return new PrimaveraReadResult(null, [new Diagnostic(Severity.Error, DiagnosticCodes.XerFormat, $"the file is over the {XerTables.MaxBytes / (1024 * 1024)} MB an XER file is read to") { Location = new SourceLocation(path, 1, 1) }]);
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new PrimaveraReadResult(null, [new Diagnostic(Severity.Error, DiagnosticCodes.Syntax, $"cannot read the file: {e.Message}") { Location = new SourceLocation(path, 1, 1) }]);
        }

        return Read(bytes, path, encoding);
    }

    public static PrimaveraReadResult Read(byte[] bytes, string source, Encoding? encoding = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var diagnostics = new List<Diagnostic>();
        var tables = XerTables.Read(bytes, source, diagnostics, encoding);
        if (tables is null)
        {
            return new PrimaveraReadResult(null, diagnostics);
        }

        var reader = new Mapper(tables, source, diagnostics);
        var document = reader.Map();
        return new PrimaveraReadResult(diagnostics.Any(d => d.IsError) ? null : document, diagnostics);
    }

    /// <summary>One read of one file's tables into the domain.</summary>
    private sealed class Mapper(XerTables tables, string source, List<Diagnostic> diagnostics)
    {
        private readonly Dictionary<int, CalendarId> calendarIds = [];

        public PrimaveraDocument? Map()
        {
            var projects = tables["PROJECT"].Rows;
            if (projects.Count == 0)
            {
                diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.MissingField, "the file has no PROJECT row: it holds no project (export a project, not only global data)") { Location = new SourceLocation(source, tables["PROJECT"].Line is > 0 and var l ? l : 1, 1) });
                return null;
            }

            var calendars = ReadCalendars();
            var projectCodes = new Dictionary<int, string>();
            foreach (var row in projects)
            {
                if (Int(row, "proj_id", required: true) is { } id)
                {
                    projectCodes[id] = row["proj_short_name"] ?? id.ToString(CultureInfo.InvariantCulture);
                }
            }

            var first = projects[0];
            var multi = projectCodes.Count > 1;
            var items = new List<WorkItem>();
            var activities = new Dictionary<WorkItemId, P6Activity>();
            var stored = new Dictionary<WorkItemId, P6Dates>();
            var byTaskId = new Dictionary<int, WorkItemId>();
            var ownCalendar = new HashSet<WorkItemId>();
            var wbsIds = ReadWbs(projectCodes, multi, items, activities);
            var tags = ReadCodes();
            var assignments = ReadAssignments();
            var taken = new HashSet<WorkItemId>(items.Select(i => i.Id));
            foreach (var row in tables["TASK"].Rows)
            {
                if (Int(row, "task_id", required: true) is not { } taskId || Int(row, "proj_id", required: true) is not { } projId)
                {
                    continue;
                }

                var code = row["task_code"] ?? taskId.ToString(CultureInfo.InvariantCulture);
                var projectCode = projectCodes.TryGetValue(projId, out var pc) ? pc : projId.ToString(CultureInfo.InvariantCulture);
                var id = new WorkItemId(multi ? projectCode + "." + code : code);
                if (!taken.Add(id))
                {
                    id = new WorkItemId(id.Value + "#" + taskId.ToString(CultureInfo.InvariantCulture));
                    taken.Add(id);
                }

                var type = ActivityType(row);
                var item = ReadActivity(row, id, projectCode, type, wbsIds, tags, assignments);
                items.Add(item);
                byTaskId[taskId] = id;
                activities[id] = new P6Activity(taskId, code, type, projectCode);
                stored[id] = new P6Dates(
                    Date(row, "early_start_date"),
                    Date(row, "early_end_date"),
                    Date(row, "late_start_date"),
                    Date(row, "late_end_date"),
                    Hours(row, "total_float_hr_cnt", allowNegative: true),
                    row["status_code"] == "TK_Complete");
                if (type != P6ActivityType.ResourceDependent)
                {
                    ownCalendar.Add(id);
                }
            }

            var dependencies = ReadRelationships(byTaskId);
            var settings = ReadSettings(first);
            var projectCalendar = Int(first, "clndr_id") is { } pcal && calendarIds.TryGetValue(pcal, out var pcid) ? pcid : (CalendarId?)null;
            var dayHours = projectCalendar is { } c ? tables["CALENDAR"].Rows.FirstOrDefault(r => calendarIds.TryGetValue(Int(r, "clndr_id") ?? -1, out var x) && x == c) : null;
            var units = dayHours is not null && Number(dayHours, "day_hr_cnt") is { } day and > 0 && Number(dayHours, "week_hr_cnt") is { } week and > 0
                ? new WorkTimeUnits((int)Math.Round(day * 60), (int)Math.Round(week * 60))
                : WorkTimeUnits.Standard;

            var planStart = Date(first, "plan_start_date") ?? items.Select(i => i.Progress.ActualStart).Min() ?? new DateTime(2000, 1, 1);
            var dataDate = Date(first, "last_recalc_date");
            var name = first["proj_short_name"] ?? "P6 project";
            var program = new Program(new ProgramId(name), name, DateOnly.FromDateTime(planStart))
            {
                StatusDate = dataDate is { } dd ? DateOnly.FromDateTime(dd) : null,
                Currency = tables["CURRTYPE"].Rows.FirstOrDefault()?["curr_short_name"] is { Length: 3 } currency ? currency : "USD",
                Units = units,
                Calendar = projectCalendar,
                Calendars = calendars,
                People = ReadPeople(),
                Projects = [.. projectCodes.Values.Select(p => new Project(new ProjectId(p), projects.FirstOrDefault(r => r["proj_short_name"] == p)?["proj_short_name"] ?? p))],
                WorkItems = items,
                Dependencies = dependencies,
            };

            return new PrimaveraDocument(program)
            {
                Activities = activities,
                Stored = stored,
                Settings = settings,
                ScheduleOptions = new ProgramScheduleOptions
                {
                    // P6 schedules remaining work from the data date (a date-time: 2017-09-16 00:00 is the start of that day).
                    ProjectStart = planStart,
                    StatusDate = dataDate,
                    IgnoreResourceCalendars = ownCalendar,
                    LinksBackFromFinish = true,
                },
            };
        }

        private List<WorkingCalendar> ReadCalendars()
        {
            var list = new List<WorkingCalendar>();
            foreach (var row in tables["CALENDAR"].Rows)
            {
                if (Int(row, "clndr_id", required: true) is not { } id)
                {
                    continue;
                }

                var calendarId = new CalendarId("cal" + id.ToString(CultureInfo.InvariantCulture));
                calendarIds[id] = calendarId;
                var data = row["clndr_data"];
                var parsed = data is null ? null : P6CalendarData.Parse(data);
                if (parsed is null)
                {
                    Warn(DiagnosticCodes.InvalidValue, row, "clndr_data", "has no working week (DaysOfWeek); the standard week (Monday to Friday, 08:00-16:00) is used");
                }

                IReadOnlyList<WorkingTimeRange> day = [WorkingTimeRange.FromHours(8, 16)];
                var (week, exceptions) = parsed ?? ([[], day, day, day, day, day, []], []);
                list.Add(new WorkingCalendar(calendarId, row["clndr_name"] ?? calendarId.Value, week, exceptions));
            }

            // Bases after every id is known (a calendar may name one defined after it).
            for (var i = 0; i < list.Count; i++)
            {
                var row = tables["CALENDAR"].Rows.First(r => Int(r, "clndr_id") is { } id && calendarIds[id] == list[i].Id);
                if (Int(row, "base_clndr_id") is { } baseId && baseId != Int(row, "clndr_id"))
                {
                    if (calendarIds.TryGetValue(baseId, out var baseCalendar))
                    {
                        list[i] = new WorkingCalendar(list[i].Id, list[i].Name, list[i].Week, list[i].Exceptions, baseCalendar);
                    }
                    else
                    {
                        Warn(DiagnosticCodes.UndefinedReference, row, "base_clndr_id", $"names calendar {baseId}, which the file does not hold; the calendar stands alone");
                    }
                }
            }

            return list;
        }

        /// <summary>WBS nodes become summary items named by their path of codes; the project node itself is left out.</summary>
        private Dictionary<int, WorkItemId> ReadWbs(Dictionary<int, string> projectCodes, bool multi, List<WorkItem> items, Dictionary<WorkItemId, P6Activity> activities)
        {
            var rows = tables["PROJWBS"].Rows;
            var byId = new Dictionary<int, XerRow>();
            foreach (var row in rows)
            {
                if (Int(row, "wbs_id", required: true) is { } id)
                {
                    byId[id] = row;
                }
            }

            var ids = new Dictionary<int, WorkItemId>();
            var paths = new Dictionary<int, string?>();
            string? PathOf(int wbs, int depth)
            {
                if (paths.TryGetValue(wbs, out var known))
                {
                    return known;
                }

                if (!byId.TryGetValue(wbs, out var row) || row["proj_node_flag"] == "Y" || depth > 100)
                {
                    return null;
                }

                var parent = Int(row, "parent_wbs_id") is { } p ? PathOf(p, depth + 1) : null;
                var code = row["wbs_short_name"] ?? wbs.ToString(CultureInfo.InvariantCulture);
                return paths[wbs] = parent is null ? code : parent + "." + code;
            }

            // Parents before children: order by depth, then by P6's sequence number, then id.
            var ordered = byId
                .Where(p => p.Value["proj_node_flag"] != "Y")
                .Select(p => (Id: p.Key, Row: p.Value, Path: PathOf(p.Key, 0)))
                .Where(w => w.Path is not null)
                .OrderBy(w => w.Path!.Count(ch => ch == '.'))
                .ThenBy(w => Int(w.Row, "seq_num") ?? 0)
                .ThenBy(w => w.Id)
                .ToList();
            foreach (var (wbs, row, path) in ordered)
            {
                var projId = Int(row, "proj_id") ?? -1;
                var projectCode = projectCodes.TryGetValue(projId, out var pc) ? pc : projId.ToString(CultureInfo.InvariantCulture);
                var id = new WorkItemId("wbs:" + (multi ? projectCode + "." : string.Empty) + path);
                if (activities.ContainsKey(id))
                {
                    id = new WorkItemId(id.Value + "#" + wbs.ToString(CultureInfo.InvariantCulture));
                }

                ids[wbs] = id;
            }

            foreach (var (wbs, row, _) in ordered)
            {
                var projId = Int(row, "proj_id") ?? -1;
                var projectCode = projectCodes.TryGetValue(projId, out var pc) ? pc : projId.ToString(CultureInfo.InvariantCulture);
                var parent = Int(row, "parent_wbs_id") is { } p && ids.TryGetValue(p, out var pid) ? pid : (WorkItemId?)null;
                items.Add(new WorkItem(ids[wbs], row["wbs_name"] ?? ids[wbs].Value, new ProjectId(projectCode)) { Parent = parent });
                activities[ids[wbs]] = new P6Activity(wbs, row["wbs_short_name"] ?? string.Empty, P6ActivityType.WbsNode, projectCode);
            }

            return ids;
        }

        private WorkItem ReadActivity(XerRow row, WorkItemId id, string projectCode, P6ActivityType type, Dictionary<int, WorkItemId> wbsIds, Dictionary<int, List<string>> tags, Dictionary<int, List<Assignment>> assignments)
        {
            var taskId = Int(row, "task_id") ?? -1;
            var milestone = type is P6ActivityType.StartMilestone or P6ActivityType.FinishMilestone;
            var original = Hours(row, "target_drtn_hr_cnt") ?? 0;
            var remaining = Hours(row, "remain_drtn_hr_cnt");
            var status = row["status_code"] switch
            {
                "TK_Complete" => WorkItemStatus.Done,
                "TK_Active" => WorkItemStatus.InProgress,
                _ => WorkItemStatus.NotStarted,
            };

            // P6 schedules work not finished by its remaining duration, which may differ from the original: that is the
            // estimate of work not started and of work in progress (whose original is history, and in cost-loaded
            // exports often millions of hours on a cost-carrying activity).
            var duration = status != WorkItemStatus.Done && remaining is { } r ? r : original;
            var progress = Progress.None;
            if (status != WorkItemStatus.NotStarted)
            {
                var done = status == WorkItemStatus.Done;
                progress = new Progress
                {
                    ActualStart = Date(row, "act_start_date"),
                    ActualFinish = done ? Date(row, "act_end_date") : null,
                    // In progress: P6 schedules the remaining duration from the data date (or the actual start, if later),
                    // whatever the original said; no share of the original is taken as done (cost-loaded exports carry
                    // originals of millions of hours on in-progress activities).
                    PercentComplete = done ? 100 : 0,
                    Remaining = done ? null : remaining is { } left ? new WorkDuration(left) : null,
                };
            }

            var (constraint, deadline) = ReadConstraints(row);
            var parent = Int(row, "wbs_id") is { } wbs && wbsIds.TryGetValue(wbs, out var wid) ? wid : (WorkItemId?)null;
            var calendar = Int(row, "clndr_id") is { } cal ? calendarIds.TryGetValue(cal, out var cid) ? cid : Undefined(row, "clndr_id", cal) : null;
            var itemTags = tags.TryGetValue(taskId, out var t) ? new List<string>(t) : [];
            if (type is P6ActivityType.LevelOfEffort or P6ActivityType.WbsSummary)
            {
                itemTags.Insert(0, type == P6ActivityType.LevelOfEffort ? "p6:level-of-effort" : "p6:wbs-summary");
            }

            return new WorkItem(id, row["task_name"] ?? id.Value, new ProjectId(projectCode))
            {
                Kind = milestone ? WorkItemKind.Milestone : WorkItemKind.Task,
                Parent = parent,
                Estimate = milestone ? null : Estimate.Single(new WorkDuration(duration)),
                Status = status,
                Progress = progress,
                Constraint = constraint,
                Deadline = deadline,
                Calendar = calendar,
                Tags = itemTags,
                Assignments = assignments.TryGetValue(taskId, out var a) ? a : [],
            };
        }

        private CalendarId? Undefined(XerRow row, string field, int value)
        {
            Warn(DiagnosticCodes.UndefinedReference, row, field, $"names calendar {value}, which the file does not hold; the project calendar is used");
            return null;
        }

        private P6ActivityType ActivityType(XerRow row)
        {
            switch (row["task_type"])
            {
                case null or "TT_Task":
                    return P6ActivityType.TaskDependent;
                case "TT_Rsrc":
                    return P6ActivityType.ResourceDependent;
                case "TT_Mile":
                    return P6ActivityType.StartMilestone;
                case "TT_FinMile":
                    return P6ActivityType.FinishMilestone;
                case "TT_LOE":
                    return P6ActivityType.LevelOfEffort;
                case "TT_WBS":
                    return P6ActivityType.WbsSummary;
                case var other:
                    Warn(DiagnosticCodes.InvalidValue, row, "task_type", $"'{other}' is not a P6 activity type (TT_Task, TT_Rsrc, TT_Mile, TT_FinMile, TT_LOE, TT_WBS); read as task dependent");
                    return P6ActivityType.TaskDependent;
            }
        }

        /// <summary>
        /// The primary constraint, and a secondary "finish on or before" as a deadline (it bounds the late dates only, as
        /// in P6). P6's "Finish On" (<c>CS_MEO</c>) is not mandatory: logic may move the early finish later than the
        /// date, and the date bounds the late finish. That is a finish-no-earlier-than with a deadline on the same date;
        /// "Start On" (<c>CS_MSO</c>) likewise becomes a start-no-earlier-than (its bound on the late start is not carried).
        /// The mandatory constraints (<c>CS_MANDSTART</c>, <c>CS_MANDFIN</c>) are must-start-on and must-finish-on.
        /// </summary>
        private (Constraint Constraint, DateTime? Deadline) ReadConstraints(XerRow row)
        {
            var primary = Constraint(row, "cstr_type", "cstr_date");
            DateTime? deadline = null;
            if (row["cstr_type"] is "CS_MEO" or "CS_MSO" && primary.Date is { } on)
            {
                var finish = row["cstr_type"] == "CS_MEO";
                primary = new Constraint(finish ? ConstraintType.FinishNoEarlierThan : ConstraintType.StartNoEarlierThan, on);
                deadline = finish ? on : null;
            }

            var secondary = Constraint(row, "cstr_type2", "cstr_date2");
            if (secondary.Type is ConstraintType.FinishNoLaterThan or ConstraintType.MustFinishOn && secondary.Date is { } second)
            {
                deadline = deadline is { } first && first < second ? first : second;
            }
            else if (secondary.Type != ConstraintType.AsSoonAsPossible)
            {
                Warn(DiagnosticCodes.NotRepresentable, row, "cstr_type2", $"a secondary {secondary.Type} constraint is not carried (only a secondary finish-on-or-before is, as a deadline)");
            }

            return (primary, deadline);
        }

        private Constraint Constraint(XerRow row, string typeField, string dateField)
        {
            var code = row[typeField];
            if (code is null)
            {
                return Domain.Constraint.AsSoonAsPossible;
            }

            ConstraintType? type = code switch
            {
                "CS_ALAP" => ConstraintType.AsLateAsPossible,
                "CS_MSO" or "CS_MANDSTART" => ConstraintType.MustStartOn,
                "CS_MSOA" => ConstraintType.StartNoEarlierThan,
                "CS_MSOB" => ConstraintType.StartNoLaterThan,
                "CS_MEO" or "CS_MANDFIN" => ConstraintType.MustFinishOn,
                "CS_MEOA" => ConstraintType.FinishNoEarlierThan,
                "CS_MEOB" => ConstraintType.FinishNoLaterThan,
                _ => null,
            };
            if (type is null)
            {
                Warn(DiagnosticCodes.InvalidValue, row, typeField, $"'{code}' is not a P6 constraint type (CS_MSO, CS_MSOA, CS_MSOB, CS_MEO, CS_MEOA, CS_MEOB, CS_MANDSTART, CS_MANDFIN, CS_ALAP); ignored");
                return Domain.Constraint.AsSoonAsPossible;
            }

            if (type == ConstraintType.AsLateAsPossible)
            {
                return new Constraint(ConstraintType.AsLateAsPossible, null);
            }

            if (Date(row, dateField) is not { } date)
            {
                Warn(DiagnosticCodes.MissingField, row, dateField, $"a {code} constraint needs a date; ignored");
                return Domain.Constraint.AsSoonAsPossible;
            }

            return new Constraint(type.Value, date);
        }

        private List<Dependency> ReadRelationships(Dictionary<int, WorkItemId> byTaskId)
        {
            var list = new List<Dependency>();
            foreach (var row in tables["TASKPRED"].Rows)
            {
                if (Int(row, "task_id", required: true) is not { } successor || Int(row, "pred_task_id", required: true) is not { } predecessor)
                {
                    continue;
                }

                if (!byTaskId.TryGetValue(predecessor, out var from) || !byTaskId.TryGetValue(successor, out var to))
                {
                    var missing = byTaskId.ContainsKey(predecessor) ? successor : predecessor;
                    Warn(DiagnosticCodes.UndefinedReference, row, byTaskId.ContainsKey(predecessor) ? "task_id" : "pred_task_id", $"names activity {missing}, which is not in the file (a link to another project); the link is dropped");
                    continue;
                }

                DependencyType? type = row["pred_type"] switch
                {
                    "PR_FS" or null => DependencyType.FinishToStart,
                    "PR_SS" => DependencyType.StartToStart,
                    "PR_FF" => DependencyType.FinishToFinish,
                    "PR_SF" => DependencyType.StartToFinish,
                    _ => null,
                };
                if (type is null)
                {
                    Error(DiagnosticCodes.InvalidValue, row, "pred_type", $"'{row["pred_type"]}' is not a relationship type (PR_FS, PR_SS, PR_FF, PR_SF)");
                    continue;
                }

                var lag = Hours(row, "lag_hr_cnt", allowNegative: true) ?? 0;
                list.Add(new Dependency(from, to, type.Value, lag == 0 ? Lag.None : new Lag(lag, LagKind.Working)));
            }

            return list;
        }

        private List<Person> ReadPeople()
        {
            var people = new List<Person>();
            foreach (var row in tables["RSRC"].Rows)
            {
                if (Int(row, "rsrc_id", required: true) is not { } id)
                {
                    continue;
                }

                people.Add(new Person(PersonId(id), row["rsrc_name"] ?? row["rsrc_short_name"] ?? PersonId(id).Value, FunctionalRole.Engineer)
                {
                    Calendar = Int(row, "clndr_id") is { } cal && calendarIds.TryGetValue(cal, out var cid) ? cid : null,
                    Email = row["email_addr"],
                });
            }

            return people;
        }

        private Dictionary<int, List<Assignment>> ReadAssignments()
        {
            var resources = tables["RSRC"].Rows.Select(r => Int(r, "rsrc_id")).OfType<int>().ToHashSet();
            var result = new Dictionary<int, List<Assignment>>();
            foreach (var row in tables["TASKRSRC"].Rows)
            {
                if (Int(row, "task_id", required: true) is not { } task || Int(row, "rsrc_id") is not { } resource)
                {
                    continue;
                }

                if (!resources.Contains(resource))
                {
                    Warn(DiagnosticCodes.UndefinedReference, row, "rsrc_id", $"names resource {resource}, which the file does not hold; the assignment is dropped");
                    continue;
                }

                // Units per hour: 1 is one person full time (100 %).
                var perHour = Number(row, "remain_qty_per_hr") is { } q and > 0 ? q : Number(row, "target_qty_per_hr") ?? 1;
                if (!result.TryGetValue(task, out var list))
                {
                    result[task] = list = [];
                }

                list.Add(Assignment.ToPerson(PersonId(resource), Math.Max(0, perHour * 100)));
            }

            return result;
        }

        /// <summary>Activity codes as tags, "type:code" (<c>Phase:DES</c>).</summary>
        private Dictionary<int, List<string>> ReadCodes()
        {
            var types = new Dictionary<int, string>();
            foreach (var row in tables["ACTVTYPE"].Rows)
            {
                if (Int(row, "actv_code_type_id") is { } id)
                {
                    types[id] = row["actv_code_type"] ?? id.ToString(CultureInfo.InvariantCulture);
                }
            }

            var codes = new Dictionary<int, (int? Type, string Value)>();
            foreach (var row in tables["ACTVCODE"].Rows)
            {
                if (Int(row, "actv_code_id") is { } id)
                {
                    codes[id] = (Int(row, "actv_code_type_id"), row["short_name"] ?? row["actv_code_name"] ?? id.ToString(CultureInfo.InvariantCulture));
                }
            }

            var result = new Dictionary<int, List<string>>();
            foreach (var row in tables["TASKACTV"].Rows)
            {
                if (Int(row, "task_id") is not { } task || Int(row, "actv_code_id") is not { } codeId || !codes.TryGetValue(codeId, out var code))
                {
                    continue;
                }

                var type = (code.Type ?? Int(row, "actv_code_type_id")) is { } t && types.TryGetValue(t, out var name) ? name : "code";
                if (!result.TryGetValue(task, out var list))
                {
                    result[task] = list = [];
                }

                list.Add(type + ":" + code.Value);
            }

            return result;
        }

        private P6Settings ReadSettings(XerRow project)
        {
            var projId = project["proj_id"];
            var options = tables["SCHEDOPTIONS"].Rows.FirstOrDefault(r => r["proj_id"] == projId) ?? tables["SCHEDOPTIONS"].Rows.FirstOrDefault();
            string? Option(string field) => options?[field] ?? project[field];
            return new P6Settings
            {
                LagCalendar = Option("sched_calendar_on_relationship_lag") switch
                {
                    "rcal_Successor" => P6LagCalendar.Successor,
                    "rcal_24Hour" => P6LagCalendar.TwentyFourHour,
                    "rcal_ProjDefault" => P6LagCalendar.ProjectDefault,
                    _ => P6LagCalendar.Predecessor,
                },
                RetainedLogic = Option("sched_retained_logic") != "N" && Option("sched_progress_override") != "Y",
                FloatType = Option("sched_float_type") switch
                {
                    "FT_SF" => P6FloatType.StartFloat,
                    "FT_SmallestFloat" => P6FloatType.Smallest,
                    _ => P6FloatType.FinishFloat,
                },
                OpenEndedCritical = Option("sched_open_critical_flag") == "Y",
                LongestPath = project["critical_path_type"] == "CT_DrivPath",
                CriticalFloatMinutes = Hours(project, "critical_drtn_hr_cnt", allowNegative: true) ?? 0,
            };
        }

        private static PersonId PersonId(int id) => new("r" + id.ToString(CultureInfo.InvariantCulture));

        private int? Int(XerRow row, string field, bool required = false)
        {
            var text = row[field];
            if (text is null)
            {
                if (required)
                {
                    Error(DiagnosticCodes.MissingField, row, field, "is empty; the row is skipped");
                }

                return null;
            }

            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            Error(DiagnosticCodes.InvalidValue, row, field, $"'{Shorten(text)}' is not a whole number");
            return null;
        }

        private double? Number(XerRow row, string field)
        {
            var text = row[field];
            if (text is null)
            {
                return null;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            {
                return value;
            }

            Error(DiagnosticCodes.InvalidValue, row, field, $"'{Shorten(text)}' is not a number");
            return null;
        }

        /// <summary>A P6 hour count as whole working minutes; up to ten million hours is accepted (cost-loaded exports carry millions).</summary>
        private long? Hours(XerRow row, string field, bool allowNegative = false)
        {
            var text = row[field];
            if (text is null)
            {
                return null;
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var hours) || !double.IsFinite(hours) || Math.Abs(hours) > 10_000_000 || (hours < 0 && !allowNegative))
            {
                Error(DiagnosticCodes.InvalidDuration, row, field, $"'{Shorten(text)}' is not {(allowNegative ? "an" : "a non-negative")} hour count");
                return null;
            }

            return (long)Math.Round(hours * 60);
        }

        private DateTime? Date(XerRow row, string field)
        {
            var text = row[field];
            if (text is null)
            {
                return null;
            }

            if (DateTime.TryParseExact(text, ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 1900 and <= 2200)
            {
                return date;
            }

            Error(DiagnosticCodes.InvalidDate, row, field, $"'{Shorten(text)}' is not a date (YYYY-MM-DD HH:MM, 1900 to 2200)");
            return null;
        }

        private void Error(string code, XerRow row, string field, string message) => Add(Severity.Error, code, row, field, message);

        private void Warn(string code, XerRow row, string field, string message) => Add(Severity.Warning, code, row, field, message);

        private void Add(Severity severity, string code, XerRow row, string field, string message) =>
            diagnostics.Add(new Diagnostic(severity, code, $"{row.Table.Name} row {row.Number}, field {field}: {message}") { Location = new SourceLocation(source, row.Line, row.ColumnOf(field)) });

        private static string Shorten(string text) => text.Length > 40 ? text[..40] + "..." : text;
    }
}
