using System.Globalization;
using Throughline.Domain;
using Throughline.Domain.Calendars;
using Throughline.Domain.Governance;
using YamlDotNet.RepresentationModel;

namespace Throughline.Interop.Plan;

/// <summary>
/// Writes a program as a plan file (<c>*.tl.yaml</c>) that <see cref="PlanReader"/> reads back to the same program:
/// the way a plan imported from Microsoft Project becomes plan-as-code. Defaults are left out, so the file stays as
/// short as a person would write it.
/// </summary>
public static partial class PlanWriter
{
    public static string Write(Program program)
    {
        ArgumentNullException.ThrowIfNull(program);
        var root = new YamlMappingNode();
        var units = program.Units;
        root.Add("program", ProgramNode(program));
        AddList(root, "calendars", program.Calendars.Select(CalendarNode));
        AddList(root, "teams", program.Teams.Select(TeamNode));
        AddList(root, "people", program.People.Select(PersonNode));
        AddList(root, "on-call", program.Rotations.Select(RotationNode));
        var children = program.WorkItems.Where(i => i.Parent is not null).GroupBy(i => i.Parent!.Value).ToDictionary(g => g.Key, g => g.ToList());
        var dependencies = program.Dependencies.ToLookup(d => d.Successor);
        AddList(root, "projects", program.Projects.Select(p => ProjectNode(p, program, children, dependencies)));
        AddList(root, "risks", program.Risks.Select(r => RiskNode(r, program)));
        AddList(root, "decisions", program.Decisions.Select(DecisionNode));
        AddList(root, "budget", program.Budget.Select(b => BudgetNode(b, program.Currency)));
        AddList(root, "product-metrics", program.ProductMetrics.Select(ProductMetricNode));
        AddList(root, "tech-decisions", program.TechDecisions.Select(TechDecisionNode));
        if (!program.Forecast.IsEmpty)
        {
            root.Add("forecast", ForecastNode(program.Forecast, program.Units));
        }

        if (HealthNode(program.Health, units) is { } health)
        {
            root.Add("health", health);
        }

        if (program.EarnedValue.WorkCategories is { } workCategories)
        {
            var earnedValue = new YamlMappingNode();
            AddIds(earnedValue, "work-categories", workCategories);
            root.Add("earned-value", earnedValue);
        }

        var stream = new YamlStream(new YamlDocument(root));
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        var text = writer.ToString();
        // YamlDotNet closes the document with "...": harmless, but not what a person writes.
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    private static YamlMappingNode ProgramNode(Program program)
    {
        var node = new YamlMappingNode();
        Add(node, "id", program.Id.Value);
        Add(node, "name", program.Name);
        Add(node, "start", PlanValues.FormatDate(program.Start));
        Add(node, "status-date", program.StatusDate is { } s ? PlanValues.FormatDate(s) : null);
        Add(node, "sponsor", program.Sponsor?.Value);
        Add(node, "scope", program.Scope);
        Add(node, "currency", program.Currency == "USD" ? null : program.Currency);
        Add(node, "calendar", program.Calendar?.Value);
        if (program.Units != WorkTimeUnits.Standard)
        {
            Add(node, "hours-per-day", PlanValues.FormatNumber(program.Units.MinutesPerDay / 60.0));
            Add(node, "days-per-week", PlanValues.FormatNumber(program.Units.MinutesPerWeek / (double)program.Units.MinutesPerDay));
        }

        AddList(node, "objectives", program.Objectives.Select(o =>
        {
            var objective = new YamlMappingNode();
            Add(objective, "id", o.Id.Value);
            Add(objective, "title", o.Title);
            Add(objective, "description", o.Description);
            Add(objective, "owner", o.Owner?.Value);
            AddList(objective, "key-results", o.KeyResults.Select(kr =>
            {
                var k = new YamlMappingNode();
                Add(k, "metric", kr.Metric);
                Add(k, "unit", kr.Unit);
                Add(k, "baseline", PlanValues.FormatNumber(kr.Baseline));
                Add(k, "target", PlanValues.FormatNumber(kr.Target));
                Add(k, "current", kr.Current is { } c ? PlanValues.FormatNumber(c) : null);
                AddList(k, "history", kr.History.Select(ReadingNode));
                return k;
            }));
            return objective;
        }));
        if (program.Forums.Count > 0 || program.EscalationPath.Count > 0)
        {
            var governance = new YamlMappingNode();
            AddList(governance, "forums", program.Forums.Select(ForumNode));
            AddList(governance, "escalation", program.EscalationPath.Select(e =>
            {
                var level = new YamlMappingNode();
                Add(level, "level", e.Level.ToString(CultureInfo.InvariantCulture));
                Add(level, "name", e.Name);
                Add(level, "contact", e.Contact?.Value);
                Add(level, "forum", e.Forum?.Value);
                Add(level, "response", e.ResponseHours.ToString(CultureInfo.InvariantCulture) + "h");
                return level;
            }));
            node.Add("governance", governance);
        }

        return node;
    }

    private static YamlMappingNode ForumNode(Forum forum)
    {
        var node = new YamlMappingNode();
        Add(node, "id", forum.Id.Value);
        Add(node, "name", forum.Name);
        Add(node, "cadence", PlanWords.Word(PlanWords.Cadences, forum.Cadence));
        Add(node, "day", forum.Day.ToString().ToLowerInvariant());
        Add(node, "time", forum.Time.ToString("HH:mm", CultureInfo.InvariantCulture));
        Add(node, "duration", forum.DurationMinutes.ToString(CultureInfo.InvariantCulture) + "m");
        Add(node, "chair", forum.Chair?.Value);
        AddIds(node, "members", forum.Members.Select(m => m.Value));
        Add(node, "purpose", forum.Purpose);
        return node;
    }

    private static YamlMappingNode CalendarNode(WorkingCalendar calendar)
    {
        var node = new YamlMappingNode();
        Add(node, "id", calendar.Id.Value);
        Add(node, "name", calendar.Name);
        Add(node, "base", calendar.BaseCalendar?.Value);
        var week = new YamlMappingNode();
        foreach (var (day, dayOfWeek) in PlanWords.Days.Where(pair => pair.Key.Length == 3).OrderBy(pair => ((int)pair.Value + 6) % 7))
        {
            if (calendar.Week[(int)dayOfWeek].Count > 0)
            {
                Add(week, day, Hours(calendar.Week[(int)dayOfWeek]));
            }
        }

        node.Add("week", week);
        AddList(node, "holidays", calendar.Exceptions.Where(e => e.IsNonWorking).Select(e =>
        {
            var holiday = new YamlMappingNode { Style = YamlDotNet.Core.Events.MappingStyle.Flow };
            Add(holiday, "date", PlanValues.FormatDate(e.From));
            Add(holiday, "to", e.To != e.From ? PlanValues.FormatDate(e.To) : null);
            Add(holiday, "name", e.Name);
            return holiday;
        }));
        AddList(node, "exceptions", calendar.Exceptions.Where(e => !e.IsNonWorking).Select(e =>
        {
            var exception = new YamlMappingNode { Style = YamlDotNet.Core.Events.MappingStyle.Flow };
            Add(exception, "date", PlanValues.FormatDate(e.From));
            Add(exception, "to", e.To != e.From ? PlanValues.FormatDate(e.To) : null);
            Add(exception, "name", e.Name);
            Add(exception, "hours", Hours(e.WorkingTimes));
            return exception;
        }));
        return node;
    }

    private static string Hours(IReadOnlyList<WorkingTimeRange> ranges) => string.Join(", ", ranges.Select(r => r.ToString()));

    private static YamlMappingNode TeamNode(Team team)
    {
        var node = new YamlMappingNode();
        Add(node, "id", team.Id.Value);
        Add(node, "name", team.Name);
        Add(node, "lead", team.Lead?.Value);
        Add(node, "calendar", team.Calendar?.Value);
        Add(node, "capacity", team.Capacity is { } c ? Hours(c) : null);
        Add(node, "ktlo", team.KtloPercent > 0 ? Percent(team.KtloPercent) : null);
        Add(node, "distribution", team.Distribution is { } d ? PlanWords.Word(PlanWords.Distributions, d) : null);
        AddUncertainty(node, "uncertainty", team.Uncertainty);
        return node;
    }

    private static YamlMappingNode PersonNode(Person person)
    {
        var node = new YamlMappingNode();
        Add(node, "id", person.Id.Value);
        Add(node, "name", person.Name);
        Add(node, "role", PlanWords.Word(PlanWords.Roles, person.Role));
        Add(node, "team", person.Team?.Value);
        Add(node, "email", person.Email);
        Add(node, "capacity", person.WeeklyCapacity.Minutes == 40 * 60 ? null : Hours(person.WeeklyCapacity));
        Add(node, "calendar", person.Calendar?.Value);
        if (person.Allocations.Count > 0)
        {
            var allocations = new YamlMappingNode();
            foreach (var allocation in person.Allocations)
            {
                Add(allocations, allocation.Project.Value, Percent(allocation.Percent));
            }

            node.Add("allocations", allocations);
        }

        AddList(node, "leave", person.Leave.Select(l =>
        {
            var leave = new YamlMappingNode { Style = YamlDotNet.Core.Events.MappingStyle.Flow };
            Add(leave, "from", PlanValues.FormatDate(l.From));
            Add(leave, "to", PlanValues.FormatDate(l.To));
            return leave;
        }));
        return node;
    }

    private static YamlMappingNode RotationNode(OnCallRotation rotation)
    {
        var node = new YamlMappingNode();
        Add(node, "id", rotation.Id.Value);
        Add(node, "name", rotation.Name);
        Add(node, "team", rotation.Team.Value);
        AddIds(node, "members", rotation.Members.Select(m => m.Value));
        Add(node, "load", Percent(rotation.LoadPercent));
        Add(node, "shift", rotation.ShiftDays.ToString(CultureInfo.InvariantCulture) + "d");
        return node;
    }

    private static YamlMappingNode ProjectNode(Project project, Program program, Dictionary<WorkItemId, List<WorkItem>> children, ILookup<WorkItemId, Dependency> dependencies)
    {
        var node = new YamlMappingNode();
        Add(node, "id", project.Id.Value);
        Add(node, "name", project.Name);
        Add(node, "description", project.Description);
        Add(node, "team", project.OwningTeam?.Value);
        Add(node, "product-manager", project.ProductManager?.Value);
        Add(node, "engineering-manager", project.EngineeringManager?.Value);
        Add(node, "tpm", project.ProgramManager?.Value);
        AddIds(node, "objectives", project.Objectives.Select(o => o.Value));
        Add(node, "budget", project.Budget is { } b ? Money(b, program.Currency) : null);
        Add(node, "problem", project.Problem);
        Add(node, "prd", project.Prd);
        AddList(node, "items", program.WorkItems.Where(i => i.Project == project.Id && i.Parent is null).Select(i => ItemNode(i, program.Units, children, dependencies)));
        return node;
    }

    /// <summary>A work item's own fields as the writer renders them, without its links and children (what <see cref="PlanFileEditor.Sync"/> compares).</summary>
    internal static YamlMappingNode ItemFields(WorkItem item, WorkTimeUnits units) =>
        ItemNode(item, units, [], Array.Empty<Dependency>().ToLookup(d => d.Successor));

    /// <summary>A new work item as the writer renders it, with its links and children.</summary>
    internal static YamlMappingNode NewItem(WorkItem item, Program program) =>
        ItemNode(
            item,
            program.Units,
            program.WorkItems.Where(i => i.Parent is not null).GroupBy(i => i.Parent!.Value).ToDictionary(g => g.Key, g => g.ToList()),
            program.Dependencies.ToLookup(d => d.Successor));

    /// <summary>A link as the short text (<c>api SS+2d</c>), or as a mapping when it carries a need-by date or a note.</summary>
    internal static YamlNode DependencyNode(Dependency dependency, WorkTimeUnits units)
    {
        if (dependency.NeedBy is null && dependency.Note is null)
        {
            return new YamlScalarNode(DependencyText(dependency, units));
        }

        var node = new YamlMappingNode { Style = YamlDotNet.Core.Events.MappingStyle.Flow };
        Add(node, "item", dependency.Predecessor.Value);
        Add(node, "type", dependency.Type == DependencyType.FinishToStart ? null : PlanWords.Word(PlanWords.DependencyTypes, dependency.Type).ToUpperInvariant());
        Add(node, "lag", dependency.Lag.IsZero ? null : PlanValues.FormatLag(dependency.Lag, units));
        Add(node, "need-by", dependency.NeedBy is { } date ? PlanValues.FormatDate(date) : null);
        Add(node, "note", dependency.Note);
        return node;
    }

    private static YamlMappingNode ItemNode(WorkItem item, WorkTimeUnits units, Dictionary<WorkItemId, List<WorkItem>> children, ILookup<WorkItemId, Dependency> dependencies)
    {
        var node = new YamlMappingNode();
        Add(node, "id", item.Id.Value);
        Add(node, "name", item.Name);
        Add(node, "description", item.Description);
        Add(node, "owner", item.Owner?.Value);
        Add(node, "link", item.Link);
        Add(node, "milestone", item.IsMilestone ? "true" : null);
        AddEstimate(node, "estimate", item.Estimate, units);

        Add(node, "effort", item.Effort?.Format(units));
        var team = item.Assignments.FirstOrDefault(a => a.Team is not null);
        Add(node, "team", team is null ? null : WithUnits(team.Team!.Value.Value, team.Units));
        AddIds(node, "people", item.Assignments.Where(a => a.Person is not null).Select(a => WithUnits(a.Person!.Value.Value, a.Units)));
        Add(node, "status", item.Status == WorkItemStatus.NotStarted ? null : PlanWords.Word(PlanWords.Statuses, item.Status));
        Add(node, "actual-start", item.Progress.ActualStart is { } s ? PlanValues.FormatDateTime(s, endOfDay: false) : null);
        Add(node, "actual-finish", item.Progress.ActualFinish is { } f ? PlanValues.FormatDateTime(f, endOfDay: true) : null);
        Add(node, "percent-complete", item.Progress.PercentComplete > 0 ? Percent(item.Progress.PercentComplete) : null);
        Add(node, "remaining", item.Progress.Remaining?.Format(units));
        Add(node, "committed", item.Committed is { } c ? PlanValues.FormatDate(c) : null);
        if (item.Constraint.Type != ConstraintType.AsSoonAsPossible)
        {
            var word = PlanWords.Word(PlanWords.Constraints, item.Constraint.Type);
            Add(node, "constraint", item.Constraint.Date is { } date ? $"{word} {PlanValues.FormatDateTime(date, PlanWords.FinishesOn(item.Constraint.Type))}" : word);
        }

        Add(node, "deadline", item.Deadline is { } d ? PlanValues.FormatDateTime(d, endOfDay: true) : null);
        Add(node, "calendar", item.Calendar?.Value);
        if (dependencies[item.Id].Any())
        {
            node.Add("depends-on", new YamlSequenceNode(dependencies[item.Id].Select(dep => DependencyNode(dep, units))) { Style = YamlDotNet.Core.Events.SequenceStyle.Flow });
        }

        AddIds(node, "waits-on", item.WaitsOn.Select(w => w.Value));
        AddIds(node, "tags", item.Tags);
        Add(node, "distribution", item.Distribution is { } distribution ? PlanWords.Word(PlanWords.Distributions, distribution) : null);
        AddProduct(node, item);
        AddList(node, "items", (children.GetValueOrDefault(item.Id) ?? []).Select(child => ItemNode(child, units, children, dependencies)));
        return node;
    }

    /// <summary>A link's type and lag as a plan writes them after the id: <c>FS</c>, <c>SS+3d</c>, <c>FS-1d</c>.</summary>
    public static string LinkLabel(Dependency dependency, WorkTimeUnits units)
    {
        ArgumentNullException.ThrowIfNull(dependency);
        var type = PlanWords.Word(PlanWords.DependencyTypes, dependency.Type).ToUpperInvariant();
        return dependency.Lag.IsZero ? type : type + PlanValues.FormatLag(dependency.Lag, units);
    }

    private static string DependencyText(Dependency dependency, WorkTimeUnits units)
    {
        var type = PlanWords.Word(PlanWords.DependencyTypes, dependency.Type).ToUpperInvariant();
        if (dependency.Lag.IsZero)
        {
            return dependency.Type == DependencyType.FinishToStart ? dependency.Predecessor.Value : $"{dependency.Predecessor} {type}";
        }

        return $"{dependency.Predecessor} {type}{PlanValues.FormatLag(dependency.Lag, units)}";
    }

    private static YamlMappingNode RiskNode(Risk risk, Program program)
    {
        var node = new YamlMappingNode();
        Add(node, "id", risk.Id.Value);
        Add(node, "title", risk.Title);
        Add(node, "description", risk.Description);
        Add(node, "probability", PlanValues.FormatNumber(risk.Probability.Value * 100) + "%");
        Add(node, "impact", risk.ScheduleImpact.Format(program.Units));
        Add(node, "cost-impact", risk.CostImpact is { } c ? Money(c, program.Currency) : null);
        Add(node, "owner", risk.Owner?.Value);
        Add(node, "status", PlanWords.Word(PlanWords.RiskStatuses, risk.Status));
        Add(node, "response", PlanWords.Word(PlanWords.Responses, risk.Response));
        Add(node, "mitigation", risk.Mitigation);
        Add(node, "mitigation-due", risk.MitigationDue is { } m ? PlanValues.FormatDate(m) : null);
        Add(node, "trigger", risk.Trigger);
        AddIds(node, "items", risk.LinkedItems.Select(i => i.Value));
        Add(node, "raised", risk.Raised is { } r ? PlanValues.FormatDate(r) : null);
        return node;
    }

    private static YamlMappingNode DecisionNode(Decision decision)
    {
        var node = new YamlMappingNode();
        Add(node, "id", decision.Id.Value);
        Add(node, "question", decision.Question);
        AddIds(node, "options", decision.Options);
        Add(node, "recommendation", decision.Recommendation);
        Add(node, "decider", decision.Decider?.Value);
        Add(node, "forum", decision.Forum?.Value);
        Add(node, "due", decision.Due is { } d ? PlanValues.FormatDate(d) : null);
        Add(node, "status", PlanWords.Word(PlanWords.DecisionStatuses, decision.Status));
        Add(node, "outcome", decision.Outcome);
        Add(node, "rationale", decision.Rationale);
        Add(node, "decided-on", decision.DecidedOn is { } o ? PlanValues.FormatDate(o) : null);
        AddIds(node, "blocks", decision.Blocks.Select(b => b.Value));
        return node;
    }

    private static YamlMappingNode BudgetNode(BudgetLine line, string currency)
    {
        var node = new YamlMappingNode();
        Add(node, "project", line.Project.Value);
        var period = PlanValues.FormatPeriod(line.Period);
        if (period.Length > 0)
        {
            Add(node, "period", period);
        }
        else
        {
            var range = new YamlMappingNode { Style = YamlDotNet.Core.Events.MappingStyle.Flow };
            Add(range, "from", PlanValues.FormatDate(line.Period.From));
            Add(range, "to", PlanValues.FormatDate(line.Period.To));
            node.Add("period", range);
        }

        Add(node, "category", line.Category);
        Add(node, "planned", Money(line.Planned, currency));
        Add(node, "actual", line.Actual is { } a ? Money(a, currency) : null);
        return node;
    }

    private static string Money(Money money, string currency) =>
        money.Amount.ToString("0.##", CultureInfo.InvariantCulture) + (money.Currency == currency ? string.Empty : " " + money.Currency);

    private static string Percent(double value) => PlanValues.FormatNumber(value) + "%";

    private static string Hours(WorkDuration duration) => duration.Minutes % 60 == 0 ? $"{duration.Minutes / 60}h" : $"{duration.Minutes}m";

    private static string WithUnits(string id, double units) => Math.Abs(units - 100) < 1e-9 ? id : $"{id} {PlanValues.FormatNumber(units)}%";

    private static void Add(YamlMappingNode node, string key, string? value)
    {
        if (value is not null)
        {
            node.Add(key, new YamlScalarNode(value));
        }
    }

    private static void AddIds(YamlMappingNode node, string key, IEnumerable<string> ids)
    {
        var list = ids.ToList();
        if (list.Count > 0)
        {
            node.Add(key, new YamlSequenceNode(list.Select(i => new YamlScalarNode(i))) { Style = YamlDotNet.Core.Events.SequenceStyle.Flow });
        }
    }

    private static void AddList(YamlMappingNode node, string key, IEnumerable<YamlNode> items)
    {
        var list = items.ToList();
        if (list.Count > 0)
        {
            node.Add(key, new YamlSequenceNode(list));
        }
    }

    /// <summary>A duration ("5d"), or a three-point estimate as a flow mapping; nothing when null.</summary>
    private static void AddEstimate(YamlMappingNode node, string key, Estimate? estimate, WorkTimeUnits units)
    {
        if (estimate is null)
        {
            return;
        }

        if (estimate.IsThreePoint)
        {
            var points = new YamlMappingNode { Style = YamlDotNet.Core.Events.MappingStyle.Flow };
            Add(points, "optimistic", estimate.Optimistic.Format(units));
            Add(points, "likely", estimate.MostLikely.Format(units));
            Add(points, "pessimistic", estimate.Pessimistic.Format(units));
            node.Add(key, points);
        }
        else
        {
            Add(node, key, estimate.MostLikely.Format(units));
        }
    }

    private static YamlMappingNode ForecastNode(ForecastSettings forecast, WorkTimeUnits units)
    {
        var node = new YamlMappingNode();
        Add(node, "distribution", forecast.Distribution is { } d ? PlanWords.Word(PlanWords.Distributions, d) : null);
        AddUncertainty(node, "uncertainty", forecast.Uncertainty);
        Add(node, "correlation", forecast.Correlation is { } c ? PlanValues.FormatNumber(c) : null);
        if (forecast.Categories.Count > 0)
        {
            var categories = new YamlMappingNode();
            foreach (var (tag, spread) in forecast.Categories)
            {
                AddUncertainty(categories, tag, spread);
            }

            node.Add("categories", categories);
        }

        AddIds(node, "correlate", forecast.Correlate);
        AddEstimate(node, "decision-lag", forecast.DecisionLag, units);
        return node;
    }

    private static void AddUncertainty(YamlMappingNode node, string key, Uncertainty? spread)
    {
        if (spread is not null)
        {
            var value = new YamlMappingNode { Style = YamlDotNet.Core.Events.MappingStyle.Flow };
            Add(value, "optimistic", Percent(spread.Optimistic * 100));
            Add(value, "pessimistic", Percent(spread.Pessimistic * 100));
            node.Add(key, value);
        }
    }
}
