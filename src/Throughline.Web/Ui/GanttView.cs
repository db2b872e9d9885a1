using Throughline.Domain;
using Throughline.Reports.Charts;
using Throughline.Scheduling;
using Plan = Throughline.Domain.Program;

namespace Throughline.Web.Ui;

/// <summary>What the Gantt page asks for: a scale, the summaries to fold, and whether to show only the critical path.</summary>
public sealed record GanttRequest(GanttScale Scale, IReadOnlySet<string> Collapsed, bool CriticalOnly)
{
    /// <summary>The row id of a project's own summary row (projects and items may share ids in a plan).</summary>
    public static string ProjectRow(ProjectId id) => "project:" + id.Value;
}

/// <summary>
/// Turns a program and its schedule into the rows and links <see cref="GanttSvg"/> draws: each project as a summary
/// row with its items nested under it by parent, folded where asked, with baseline dates when a baseline is given and
/// every dependency whose two ends are shown.
/// </summary>
public static class GanttView
{
    public static GanttChart Build(Plan program, ProgramSchedule schedule, GanttRequest request, Baseline? baseline, DateOnly today, Func<string, string> toggleHref, Func<WorkItemId, string> itemHref)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(toggleHref);
        ArgumentNullException.ThrowIfNull(itemHref);
        var items = program.WorkItems.DistinctBy(i => i.Id).Where(i => schedule.Items.ContainsKey(i.Id)).ToList();
        var children = items.Where(i => i.Parent is not null).ToLookup(i => i.Parent!.Value);
        var byProject = items.Where(i => i.Parent is null).ToLookup(i => i.Project);
        var rows = new List<GanttRow>();
        var rowOf = new Dictionary<WorkItemId, int>();

        void Add(WorkItem item, int level)
        {
            var s = schedule.Items[item.Id];
            var isSummary = children[item.Id].Any();
            if (request.CriticalOnly && !s.IsCritical && !isSummary)
            {
                return;
            }

            var collapsed = isSummary && request.Collapsed.Contains(item.Id.Value);
            var was = baseline?.Schedule.Items.GetValueOrDefault(item.Id);
            rowOf[item.Id] = rows.Count;
            rows.Add(new GanttRow(item.Id.Value, item.Name, s.Start, s.Finish, item.IsMilestone, s.IsCritical && !isSummary)
            {
                Level = level,
                IsSummary = isSummary,
                IsCollapsed = collapsed,
                ToggleHref = isSummary ? toggleHref(item.Id.Value) : null,
                Href = itemHref(item.Id),
                Committed = item.Committed,
                Done = item.Status is WorkItemStatus.Done || item.Progress.ActualFinish is not null ? 1 : item.Progress.PercentComplete / 100,
                BaselineStart = was?.Start,
                BaselineFinish = was?.Finish,
            });
            if (!collapsed)
            {
                foreach (var child in children[item.Id])
                {
                    Add(child, level + 1);
                }
            }
        }

        foreach (var project in program.Projects.DistinctBy(p => p.Id))
        {
            var top = byProject[project.Id].ToList();
            if (top.Count == 0)
            {
                continue;
            }

            var own = items.Where(i => i.Project == project.Id).Select(i => schedule.Items[i.Id]).ToList();
            var id = GanttRequest.ProjectRow(project.Id);
            var collapsed = request.Collapsed.Contains(id);
            rows.Add(new GanttRow(id, project.Name, own.Min(s => s.Start), own.Max(s => s.Finish), false, false)
            {
                IsSummary = true,
                IsCollapsed = collapsed,
                ToggleHref = toggleHref(id),
            });
            if (!collapsed)
            {
                foreach (var item in top)
                {
                    Add(item, 1);
                }
            }
        }

        var teamOf = items.ToDictionary(i => i.Id, i => WorkItemTeam.Of(program, i));
        var links = new List<GanttLink>();
        foreach (var d in program.Dependencies)
        {
            if (rowOf.TryGetValue(d.Predecessor, out var from) && rowOf.TryGetValue(d.Successor, out var to))
            {
                links.Add(new GanttLink(from, to)
                {
                    Type = d.Type,
                    IsCritical = schedule.Items[d.Predecessor].IsCritical && schedule.Items[d.Successor].IsCritical,
                    IsCrossTeam = teamOf[d.Predecessor] is { } a && teamOf[d.Successor] is { } b && a != b,
                });
            }
        }

        var title = request.CriticalOnly ? $"{program.Name}: critical path" : program.Name;
        return new GanttChart(title, rows, links) { Today = today, Scale = request.Scale };
    }
}
