using Throughline.Domain;
using Throughline.Domain.Governance;
using Throughline.Domain.Health;
using Throughline.Reports.Budget;
using Throughline.Reports.Changes;
using Throughline.Reports.Charts;
using Throughline.Reports.Health;
using Throughline.Reports.Outlook;
using Throughline.Reports.Risks;
using Throughline.Scheduling;
using Throughline.Scheduling.Forecasting;

namespace Throughline.Reports;

/// <summary>
/// What a status report is built from: the program and its schedule, the date the report is for (passed in, never
/// read from the clock), and optionally a forecast and a baseline plan to report changes against.
/// </summary>
public sealed record StatusReportInput(Program Program, ProgramSchedule Schedule, DateOnly Today)
{
    public ProgramForecast? Forecast { get; init; }

    /// <summary>The outlook already computed for this program, schedule, forecast and date (a page's cached one); null computes it.</summary>
    public ProgramOutlook? Outlook { get; init; }

    public Program? Baseline { get; init; }

    public ProgramSchedule? BaselineSchedule { get; init; }

    /// <summary>The baseline's forecast (same iterations and seed as <see cref="Forecast"/>), for P80 and chance on time before and after.</summary>
    public ProgramForecast? BaselineForecast { get; init; }

    /// <summary>How the report names the baseline (its file name).</summary>
    public string? BaselineName { get; init; }

    /// <summary>The options the schedule was computed with, reused when risks are propagated.</summary>
    public ProgramScheduleOptions? ScheduleOptions { get; init; }

    /// <summary>How far ahead "upcoming milestones" look, in calendar days.</summary>
    public int LookAheadDays { get; init; } = 30;

    /// <summary>Whether each live risk's effect on the milestones is computed (one reschedule per risk); a page that does not show it can skip it.</summary>
    public bool PropagateRisks { get; init; } = true;

    /// <summary>The most rows the critical-path Gantt excerpt shows.</summary>
    public int GanttRows { get; init; } = 18;
}

/// <summary>Computes a <see cref="StatusReport"/>: health, commitments, risks, decisions, blocked work, budget, projects and chart data.</summary>
public static class StatusReportBuilder
{
    public static StatusReport Build(StatusReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (program, schedule, today) = (input.Program, input.Schedule, input.Today);
        var lookup = new ProgramLookup(program);
        var minutesPerDay = (double)program.Units.MinutesPerDay;
        var workingDays = new WorkingDays(program, schedule);
        double? Buffer(WorkItem item, ItemSchedule s) => item.Committed is { } c ? workingDays.BufferBefore(s.Finish, c) : null;
        var critical = schedule.Items.Values.Where(s => s.IsCritical).Select(s => s.Id).ToHashSet();
        var outlook = input.Outlook ?? ProgramOutlook.Compute(program, schedule, input.Forecast, today, input.ScheduleOptions);
        var (decisions, budget, commitments, health) = (outlook.DecisionFindings, outlook.Budget, outlook.Commitments, outlook.Health);
        var risks = RiskRegister.Assess(program, schedule, today, input.ScheduleOptions, input.PropagateRisks);
        var forecasts = (outlook.Forecast?.Milestones ?? []).Where(m => m.Id is not null).GroupBy(m => m.Id!.Value).ToDictionary(g => g.Key, g => g.First());

        var upcoming = new List<UpcomingMilestone>();
        foreach (var item in Unique(program, lookup))
        {
            if ((item.IsMilestone || item.Committed is not null) && !ProgramLookup.IsFinished(item) && schedule.Items.TryGetValue(item.Id, out var s))
            {
                var finish = DateOnly.FromDateTime(s.Finish);
                if (finish >= today && finish.DayNumber <= today.DayNumber + input.LookAheadDays)
                {
                    upcoming.Add(new UpcomingMilestone(item.Id, item.Name, item.Project, finish, item.Committed, Buffer(item, s), s.TotalSlackMinutes / minutesPerDay, s.IsCritical));
                }
            }
        }

        var changes = input.Baseline is { } baseline && input.BaselineSchedule is { } baselineSchedule
            ? PlanChanges.Compare(baseline, baselineSchedule, program, schedule) with
            {
                Commitments = CommitmentChanges.Compare(baseline, baselineSchedule, ProgramOutlook.Compute(baseline, baselineSchedule, input.BaselineForecast, today), program, schedule, outlook),
            }
            : null;

        var sections = new List<ProjectSection>();
        foreach (var project in program.Projects.DistinctBy(p => p.Id))
        {
            var projectItems = new HashSet<WorkItemId>(program.WorkItems.Where(i => i.Project == project.Id).Select(i => i.Id));
            var milestones = Unique(program, lookup)
                .Where(i => i.Project == project.Id && (i.IsMilestone || i.Committed is not null) && schedule.Items.ContainsKey(i.Id))
                .Select(i =>
                {
                    var s = schedule.Items[i.Id];
                    var f = forecasts.GetValueOrDefault(i.Id);
                    return new ProjectMilestone(i.Id, i.Name, DateOnly.FromDateTime(s.Finish), i.Committed, Buffer(i, s), s.TotalSlackMinutes / minutesPerDay, ProgramLookup.IsFinished(i))
                    {
                        ForecastP80 = f?.P80,
                        ProbabilityOnTime = f?.ProbabilityOnTime,
                        Pinned = f?.PinnedBy is not null,
                    };
                })
                .OrderBy(m => m.Finish)
                .ThenBy(m => m.Id.Value, StringComparer.Ordinal)
                .ToList();
            sections.Add(new ProjectSection(
                project,
                lookup.PersonName(project.ProductManager),
                lookup.PersonName(project.EngineeringManager),
                lookup.PersonName(project.ProgramManager),
                project.OwningTeam is { } team ? lookup.TeamName(team) : null,
                health.Projects[project.Id],
                milestones,
                [.. risks.Where(r => r.Risk.LinkedItems.Any(projectItems.Contains))],
                budget.Projects.FirstOrDefault(b => b.Project == project.Id)));
        }

        var number = 0;
        var heat = risks.Where(r => r.IsLive).Select(r => new HeatMapRisk(++number, r.Risk.Title, r.Risk.Probability.Value, r.Risk.ScheduleImpact.Days(program.Units))).ToList();

        return new StatusReport
        {
            Program = program,
            Today = today,
            Outlook = outlook,
            Health = health,
            Commitments = commitments,
            ScheduledFinish = DateOnly.FromDateTime(schedule.ProjectFinish),
            Forecast = outlook.Forecast,
            LookAheadDays = input.LookAheadDays,
            NextMilestones = [.. upcoming.OrderBy(m => m.Finish).ThenBy(m => m.Id.Value, StringComparer.Ordinal)],
            Changes = changes,
            BaselineName = input.BaselineName,
            Risks = risks,
            DecisionsNeeded = [.. decisions.Where(d => d.IsOpen).OrderByDescending(d => d.DaysOverdue).ThenBy(d => d.Decision.Due ?? DateOnly.MaxValue).ThenBy(d => d.Decision.Id.Value, StringComparer.Ordinal)],
            Blocked = Blocked(program, lookup, decisions, critical),
            Budget = budget,
            Projects = sections,
            CriticalPath = Gantt(program, lookup, schedule, commitments, today, input.GanttRows),
            ForecastCurve = Curve(outlook.Forecast, commitments),
            Burn = budget.Cost.IsEmpty ? null : new BurnChart(budget.RunCosts is null ? "Budget burn (cumulative)" : "Budget burn, work and run costs (cumulative)", budget.Burn, budget.Cost.Budget, budget.Cost.StatusDate, budget.Cost.Currency),
            HeatMap = heat,
        };
    }

    /// <summary>Each item once (the first of two with one id), in plan order.</summary>
    private static IEnumerable<WorkItem> Unique(Program program, ProgramLookup lookup) =>
        program.WorkItems.Where(i => ReferenceEquals(lookup.Items[i.Id], i));

    private static List<BlockedWork> Blocked(Program program, ProgramLookup lookup, IReadOnlyList<DecisionFinding> decisions, HashSet<WorkItemId> critical)
    {
        var waiting = new Dictionary<WorkItemId, List<string>>();
        void Add(WorkItemId id, string blocker)
        {
            if (!waiting.TryGetValue(id, out var list))
            {
                waiting[id] = list = [];
            }

            if (!list.Contains(blocker))
            {
                list.Add(blocker);
            }
        }

        foreach (var finding in decisions.Where(d => d.IsOpen))
        {
            var due = finding.Decision.Due is { } d ? finding.IsOverdue ? $", {finding.DaysOverdue} days overdue" : $", due {d:yyyy-MM-dd}" : string.Empty;
            foreach (var id in finding.Blocks.Where(lookup.Items.ContainsKey))
            {
                if (!ProgramLookup.IsFinished(lookup.Items[id]))
                {
                    Add(id, $"Decision: {finding.Decision.Question} ({lookup.PersonName(finding.Decision.Decider)}{due})");
                }
            }
        }

        foreach (var item in Unique(program, lookup).Where(i => i.Status == WorkItemStatus.Blocked))
        {
            Add(item.Id, "Marked blocked in the plan");
        }

        foreach (var risk in program.Risks.Where(r => r.Status == RiskStatus.Occurred))
        {
            foreach (var id in risk.LinkedItems.Where(waiting.ContainsKey))
            {
                Add(id, $"Risk occurred: {risk.Title}");
            }
        }

        return [.. Unique(program, lookup)
            .Where(i => waiting.ContainsKey(i.Id))
            .Select(i => new BlockedWork(i.Id, i.Name, i.Project, critical.Contains(i.Id), waiting[i.Id]))
            .OrderByDescending(b => b.IsCritical)];
    }

    /// <summary>
    /// The critical path into the final commitment (the program's last committed item; without one, the schedule's
    /// critical path), around today: from the last finished item before the first unfinished one, at most
    /// <paramref name="maxRows"/> items, with each row's driving link.
    /// </summary>
    private static GanttChart Gantt(Program program, ProgramLookup lookup, ProgramSchedule schedule, IReadOnlyList<CommitmentOutlook> commitments, DateOnly today, int maxRows)
    {
        var final = commitments.Count > 0 ? commitments[^1] : null;
        List<WorkItemId> path = final is null ? [.. schedule.CriticalPath.Where(schedule.Items.ContainsKey)] : [.. DrivingChain.Into(program, schedule, final.Id)];
        var firstOpen = path.FindIndex(id => !lookup.Items.TryGetValue(id, out var item) || !ProgramLookup.IsFinished(item));
        var start = firstOpen < 0 ? Math.Max(0, path.Count - maxRows) : Math.Max(0, firstOpen - 1);
        var excerpt = path.Skip(start).Take(maxRows).ToList();
        var rowOf = excerpt.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var rows = excerpt.Select(id =>
        {
            var s = schedule.Items[id];
            var item = lookup.Items[id];
            var done = ProgramLookup.IsFinished(item) ? 1 : item.Progress.PercentComplete / 100;
            return new GanttRow(id.Value, item.Name, s.Start, s.Finish, item.IsMilestone || s.DurationMinutes == 0, s.IsCritical) { Committed = item.Committed, Done = done };
        }).ToList();
        var links = new List<GanttLink>();
        for (var i = 1; i < excerpt.Count; i++)
        {
            links.Add(new GanttLink(i - 1, i));
        }

        var what = final is null ? "Critical path" : $"Driving path to {final.Name}";
        var title = path.Count > excerpt.Count ? $"{what} (steps {start + 1} to {start + excerpt.Count} of {path.Count})" : what;
        return new GanttChart(title, rows, links) { Today = today };
    }

    /// <summary>The S-curve of the final commitment, or of the program end when that is pinned by a constraint or absent.</summary>
    private static SCurve? Curve(ProgramForecast? forecast, IReadOnlyList<CommitmentOutlook> commitments)
    {
        if (forecast is null)
        {
            return null;
        }

        var final = commitments.Count > 0 ? commitments[^1] : null;
        var milestone = final is { Pinned: false } ? forecast.Milestones.FirstOrDefault(m => m.Id == final.Id) : null;
        milestone ??= forecast.ProgramEnd;
        var title = milestone.Id is null ? "Forecast: program end" : $"Forecast: {milestone.Name}";
        return new SCurve(title, [.. milestone.Histogram.Select(b => (b.Date, b.Cumulative))], milestone.P50, milestone.P80)
        {
            Committed = milestone.Committed,
            ProbabilityOnTime = milestone.ProbabilityOnTime,
        };
    }
}
