using Throughline.Domain;
using Throughline.Domain.Diagnostics;
using Throughline.Domain.Governance;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Throughline.Interop.Plan;

/// <summary>
/// Reads a plan file (<c>*.tl.yaml</c>, see docs/plan-format.md) into a <see cref="Domain.Program"/>, then validates
/// it, reporting every problem with its line and column. Bad input never throws: it becomes diagnostics.
/// </summary>
/// <remarks>
/// The YAML representation model (rather than deserialising into classes) keeps every node's position, which is what
/// lets an unknown field, a bad duration or a dangling reference point at its exact line.
/// </remarks>
public static partial class PlanReader
{
    /// <summary>Plan files larger than this are refused rather than read into memory (a plan of 100,000 items is ~20 MB).</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>Whether a path names a plan file rather than Microsoft Project XML (the one other format read by extension).</summary>
    public static bool IsPlanPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return !ForeignExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Schedules from other tools (MSPDI or PMXML, Primavera XER, MPX): read by their own readers, not as plans.</summary>
    private static readonly string[] ForeignExtensions = [".xml", ".xer", ".mpx"];

    public static PlanReadResult ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var context = new ReadContext(path);
        try
        {
            if (Directory.Exists(path))
            {
                return Failed(context, $"{path} is a directory; name a plan file (*.tl.yaml) in it");
            }

            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return Failed(context, $"file not found: {path}");
            }

            if (info.Length > MaxFileBytes)
            {
                return Failed(context, $"file is {info.Length / (1024 * 1024)} MB; plan files are limited to {MaxFileBytes / (1024 * 1024)} MB");
            }

            var text = PlanEncoding.Decode(File.ReadAllBytes(path), path, out var notUtf8);
            if (text is null)
            {
                context.Diagnostics.Add(notUtf8!);
                return new PlanReadResult(null, context.Diagnostics, context.SourceMap);
            }

            return Read(text, path);
        }
        catch (IOException e)
        {
            return Failed(context, $"cannot read {path}: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            return Failed(context, $"cannot read {path}: {e.Message}");
        }
    }

    public static PlanReadResult Read(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var context = new ReadContext(fileName);
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                return Failed(context, "a plan file is a YAML mapping with at least a 'program' section");
            }

            if (stream.Documents.Count > 1)
            {
                context.Error(stream.Documents[1].RootNode, DiagnosticCodes.Syntax, "a plan file holds one YAML document; remove the '---' and what follows, or split the file");
            }

            root = mapping;
        }
        catch (YamlException e)
        {
            // YamlDotNet's messages carry their own position prefix; the location already says it.
            var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
            var at = message.IndexOf("): ", StringComparison.Ordinal);
            message = message.StartsWith("(Line:", StringComparison.Ordinal) && at > 0 ? message[(at + 3)..] : message;
            var location = context.Locate(e.Start);
            var tab = message.Contains("tab character", StringComparison.Ordinal) ? text.IndexOf('\t', (int)Math.Min(e.Start.Index, text.Length)) : -1;
            if (tab >= 0)
            {
                // YamlDotNet reports a tab at the end of the scalar before it, often a line early; point at the tab.
                var lineStart = text.LastIndexOf('\n', Math.Max(0, tab - 1)) + 1;
                location = new SourceLocation(fileName, text.AsSpan(0, tab).Count('\n') + 1, tab - lineStart + 1);
                message = "a tab character; YAML indents with spaces only";
            }

            context.Diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.Syntax, "YAML: " + message) { Location = location });
            return new PlanReadResult(null, context.Diagnostics, context.SourceMap);
        }

        var program = new Reader(context).ReadRoot(root);
        if (program is not null)
        {
            foreach (var found in ProgramValidator.Validate(program))
            {
                var diagnostic = found.Related is { } related && context.SourceMap.Locate(related) is { } first
                    ? found with { Message = $"{found.Message} (the first is at line {first.Line}, column {first.Column})" }
                    : found;
                context.Diagnostics.Add(diagnostic with { Location = diagnostic.Location ?? (diagnostic.Subject is { } s ? context.SourceMap.Locate(s) : null) ?? new SourceLocation(fileName, 1, 1) });
            }
        }

        var ordered = context.Diagnostics
            .OrderBy(d => d.Location?.Line ?? 0)
            .ThenBy(d => d.Location?.Column ?? 0)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ToList();
        return new PlanReadResult(program, ordered, context.SourceMap);
    }

    private static PlanReadResult Failed(ReadContext context, string message)
    {
        context.Diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.Syntax, message) { Location = new SourceLocation(context.File, 1, 1) });
        return new PlanReadResult(null, context.Diagnostics, context.SourceMap);
    }

    private sealed partial class Reader(ReadContext context)
    {
        private static readonly string[] RootFields = ["program", "calendars", "teams", "people", "on-call", "projects", "risks", "decisions", "budget", "product-metrics", "tech-decisions", "forecast", "health", "earned-value"];
        private static readonly string[] ProgramFields = ["id", "name", "start", "status-date", "sponsor", "scope", "currency", "calendar", "hours-per-day", "days-per-week", "objectives", "governance"];
        private static readonly string[] ObjectiveFields = ["id", "title", "description", "owner", "key-results"];
        private static readonly string[] KeyResultFields = ["metric", "unit", "baseline", "target", "current", "history"];
        private static readonly string[] GovernanceFields = ["forums", "escalation"];
        private static readonly string[] ForumFields = ["id", "name", "cadence", "day", "time", "duration", "chair", "members", "purpose"];
        private static readonly string[] EscalationFields = ["level", "name", "contact", "forum", "response"];

        public Domain.Program? ReadRoot(YamlMappingNode root)
        {
            var fields = new YamlFields(context, root, "the plan", RootFields);
            var programNode = fields.Mapping("program");
            if (programNode is null)
            {
                if (!fields.Has("program"))
                {
                    context.Error(root, DiagnosticCodes.MissingField, "the plan needs a 'program' section with at least id, name and start");
                }

                return null;
            }

            var program = ReadProgram(programNode);
            var calendars = ReadList(fields, "calendars", ReadCalendar);
            var teams = ReadList(fields, "teams", ReadTeam);
            var people = ReadList(fields, "people", ReadPerson);
            var rotations = ReadList(fields, "on-call", ReadRotation);
            var projects = ReadProjects(fields);
            var budget = ReadList(fields, "budget", ReadBudgetLine);
            return program with
            {
                Calendars = ResolveCalendarWeeks(calendars),
                Teams = teams,
                People = people,
                Rotations = rotations,
                Projects = projects,
                WorkItems = items,
                Dependencies = dependencies,
                Risks = ReadList(fields, "risks", ReadRisk),
                Decisions = ReadList(fields, "decisions", ReadDecision),
                Budget = budget,
                ProductMetrics = ReadList(fields, "product-metrics", ReadProductMetric),
                TechDecisions = ReadList(fields, "tech-decisions", ReadTechDecision),
                Forecast = ReadForecast(fields),
                Health = ReadHealth(fields),
                EarnedValue = ReadEarnedValue(fields, budget),
            };
        }

        private Domain.Program ReadProgram(YamlMappingNode node)
        {
            var f = new YamlFields(context, node, "program", ProgramFields, (EntityKind.Program, 0));
            var hoursPerDay = f.Number("hours-per-day");
            var daysPerWeek = f.Number("days-per-week");
            if (hoursPerDay is <= 0 or > 24)
            {
                context.Error(f.Get("hours-per-day")!, DiagnosticCodes.InvalidValue, "hours-per-day: a working day has more than 0 and at most 24 hours");
                hoursPerDay = null;
            }

            if (daysPerWeek is <= 0 or > 7)
            {
                context.Error(f.Get("days-per-week")!, DiagnosticCodes.InvalidValue, "days-per-week: a working week has more than 0 and at most 7 days");
                daysPerWeek = null;
            }

            var minutesPerDay = (int)Math.Round((hoursPerDay ?? 8) * 60);
            context.Units = new WorkTimeUnits(minutesPerDay, (int)Math.Round(minutesPerDay * (daysPerWeek ?? 5)));
            context.Currency = f.String("currency")?.Trim().ToUpperInvariant() ?? "USD";
            var id = f.String("id", required: true) ?? "program";
            var name = f.String("name", required: true) ?? id;
            var start = f.Date("start", required: true) ?? PlanValues.MinDate;
            var governance = f.Mapping("governance");
            IReadOnlyList<Forum> forums = [];
            IReadOnlyList<EscalationLevel> escalation = [];
            if (governance is not null)
            {
                var g = new YamlFields(context, governance, "governance", GovernanceFields);
                forums = ReadList(g, "forums", ReadForum);
                escalation = ReadList(g, "escalation", ReadEscalationLevel);
            }

            return new Domain.Program(new ProgramId(id.Trim()), name.Trim(), start)
            {
                StatusDate = f.Date("status-date"),
                Sponsor = PersonRef(f.String("sponsor")),
                Scope = Text(f.String("scope")),
                Currency = context.Currency,
                Units = context.Units,
                Calendar = CalendarRef(f.String("calendar")),
                Objectives = ReadList(f, "objectives", ReadObjective),
                Forums = forums,
                EscalationPath = escalation,
            };
        }

        private Objective? ReadObjective(YamlMappingNode node, int index)
        {
            var f = new YamlFields(context, node, "an objective", ObjectiveFields, (EntityKind.Objective, index));
            var id = f.String("id", required: true);
            var title = f.String("title", required: true);
            var keyResults = new List<KeyResult>();
            foreach (var krNode in f.List("key-results"))
            {
                if (Expect<YamlMappingNode>(krNode, "a key result") is not { } kr)
                {
                    continue;
                }

                var k = new YamlFields(context, kr, "a key result", KeyResultFields);
                var metric = k.String("metric", required: true);
                var baseline = k.Number("baseline", required: true);
                var target = k.Number("target", required: true);
                if (metric is not null && baseline is not null && target is not null)
                {
                    keyResults.Add(new KeyResult(metric.Trim(), baseline.Value, target.Value) { Current = k.Number("current"), Unit = Text(k.String("unit")), History = ReadHistory(k) });
                }
            }

            return id is null || title is null ? null : new Objective(new ObjectiveId(id.Trim()), title.Trim())
            {
                Description = Text(f.String("description")),
                Owner = PersonRef(f.String("owner")),
                KeyResults = keyResults,
            };
        }

        private Forum? ReadForum(YamlMappingNode node, int index)
        {
            var f = new YamlFields(context, node, "a forum", ForumFields, (EntityKind.Forum, index));
            var id = f.String("id", required: true);
            var name = f.String("name", required: true);
            var cadence = f.Enum("cadence", PlanWords.Cadences);
            if (!f.Has("cadence"))
            {
                context.Error(node, DiagnosticCodes.MissingField, "a forum needs 'cadence' (weekly, biweekly, monthly or quarterly)");
            }

            var time = f.ParseClass<object>("time", ParseTime, DiagnosticCodes.InvalidValue) as TimeOnly?;
            var duration = f.Duration("duration");
            if (id is null || name is null || cadence is null)
            {
                return null;
            }

            return new Forum(new ForumId(id.Trim()), name.Trim(), cadence.Value)
            {
                Day = f.Enum("day", PlanWords.Days) ?? DayOfWeek.Tuesday,
                Time = time ?? new TimeOnly(10, 0),
                DurationMinutes = (int)(duration?.Minutes ?? 60),
                Chair = PersonRef(f.String("chair")),
                Members = f.Ids("members").Select(m => new PersonId(m)).ToList(),
                Purpose = Text(f.String("purpose")),
            };
        }

        private static object? ParseTime(string text, out string? error)
        {
            if (TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "H:mm"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var time))
            {
                error = null;
                return time;
            }

            error = $"'{text}' is not a time of day; write e.g. '10:00'";
            return null;
        }

        private EscalationLevel? ReadEscalationLevel(YamlMappingNode node, int index)
        {
            var f = new YamlFields(context, node, "an escalation level", EscalationFields, (EntityKind.EscalationLevel, index));
            var level = f.Number("level", required: true);
            var name = f.String("name", required: true);
            var response = f.Parse<long>("response", PlanValues.ElapsedMinutes, DiagnosticCodes.InvalidDuration);
            return level is null || name is null ? null : new EscalationLevel((int)level.Value, name.Trim())
            {
                Contact = PersonRef(f.String("contact")),
                Forum = f.String("forum") is { } forum ? new ForumId(forum.Trim()) : null,
                ResponseHours = response is { } minutes ? (int)Math.Ceiling(minutes / 60.0) : 48,
            };
        }

        /// <summary>
        /// Reads a list of mappings; entries that cannot become an entity are reported and left out. The entity's
        /// index is its position among those read, matching its index in the program's collection.
        /// </summary>
        private List<T> ReadList<T>(YamlFields fields, string key, Func<YamlMappingNode, int, T?> read)
            where T : class
        {
            var result = new List<T>();
            var node = fields.Get(key);
            if (node is null)
            {
                return result;
            }

            if (node is not YamlSequenceNode sequence)
            {
                context.Error(node, DiagnosticCodes.InvalidValue, $"'{key}' takes a list (each entry starting with '- ')");
                return result;
            }

            foreach (var entry in sequence.Children)
            {
                if (Expect<YamlMappingNode>(entry, $"an entry of '{key}'") is { } mapping && read(mapping, result.Count) is { } value)
                {
                    result.Add(value);
                }
            }

            return result;
        }

        private T? Expect<T>(YamlNode node, string what)
            where T : YamlNode
        {
            if (node is T typed)
            {
                return typed;
            }

            context.Error(node, DiagnosticCodes.InvalidValue, $"{what} must be a {(typeof(T) == typeof(YamlMappingNode) ? "mapping of fields" : "list")}, not a {YamlFields.Shape(node)}");
            return null;
        }

        private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

        private static PersonId? PersonRef(string? id) => Text(id) is { } v ? new PersonId(v) : null;

        private static TeamId? TeamRef(string? id) => Text(id) is { } v ? new TeamId(v) : null;

        private static CalendarId? CalendarRef(string? id) => Text(id) is { } v ? new CalendarId(v) : null;
    }
}
