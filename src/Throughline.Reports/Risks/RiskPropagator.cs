using Throughline.Domain;
using Throughline.Scheduling;

namespace Throughline.Reports.Risks;

/// <summary>
/// Propagates a risk through the dependency network with the scheduling engine: the risk's schedule impact is added
/// to its linked items, the program is scheduled again, and the result is compared with the plan's schedule.
/// </summary>
/// <remarks>
/// As in the forecast (docs/forecasting.md), the impact is added once, to the linked items that no other linked item
/// precedes through the links; the links carry it on to the rest. A summary stands for its unfinished leaf tasks.
/// A task gets the impact as extra duration (and extra remaining work when it has started); a milestone becomes a
/// task of that duration, so that it finishes that much after whatever drives it. Finished items cannot be delayed.
/// </remarks>
public static class RiskPropagator
{
    public static RiskPropagation Propagate(Program program, ProgramSchedule schedule, Risk risk, ProgramScheduleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(risk);
        var lookup = new ProgramLookup(program);
        var impact = risk.ScheduleImpact;
        if (impact.Minutes <= 0)
        {
            return RiskPropagation.None(risk.Id);
        }

        var entries = Entries(lookup, risk.LinkedItems);
        if (entries.Count == 0)
        {
            return RiskPropagation.None(risk.Id);
        }

        var delayed = program with { WorkItems = [.. program.WorkItems.Select(i => entries.Contains(i.Id) ? Delay(i, impact) : i)] };
        var after = ProgramScheduler.Schedule(delayed, options);
        var comparison = ScheduleComparison.Compare(program, schedule, delayed, after);
        var minutesPerDay = (double)program.Units.MinutesPerDay;

        var moved = comparison.ItemsMoved.Where(m => m.WorkingMinutesMoved > 0).ToDictionary(m => m.Id);
        var milestones = new List<MilestoneImpact>();
        foreach (var item in program.WorkItems)
        {
            if (!(item.IsMilestone || item.Committed is not null) || !ReferenceEquals(lookup.Items[item.Id], item)
                || !schedule.Items.TryGetValue(item.Id, out var before) || !after.Items.TryGetValue(item.Id, out var now))
            {
                continue;
            }

            var later = moved.TryGetValue(item.Id, out var move) ? move.WorkingDaysMoved : 0;
            var slackLost = Math.Max(0, (before.TotalSlackMinutes - now.TotalSlackMinutes) / minutesPerDay);

            // Slack measured to the program end shrinks for everything the risk does not touch once the end moves; only
            // a committed date (a deadline) gives slack a meaning of its own.
            slackLost = item.Committed is null ? 0 : slackLost;
            if (later <= 0 && slackLost <= 0)
            {
                continue;
            }

            var late = item.Committed is { } committed && (DateOnly.FromDateTime(now.Finish) > committed || now.TotalSlackMinutes < 0);
            var wasLate = item.Committed is { } c && (DateOnly.FromDateTime(before.Finish) > c || before.TotalSlackMinutes < 0);
            milestones.Add(new MilestoneImpact(item.Id, item.Name, item.Project, item.Committed, later, slackLost, late && !wasLate));
        }

        var movedItems = moved.Keys.Select(id => lookup.Items[id]).Where(i => !lookup.Summaries.Contains(i.Id)).ToList();
        var teamOrder = program.Teams.Select((t, i) => (t.Id, i)).GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.First().i);
        var projectOrder = program.Projects.Select((p, i) => (p.Id, i)).GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.First().i);
        return new RiskPropagation(
            risk.Id,
            [.. milestones.OrderByDescending(m => m.Days).ThenBy(m => m.Id.Value, StringComparer.Ordinal)],
            [.. movedItems.Select(lookup.TeamOf).OfType<TeamId>().Distinct().OrderBy(t => teamOrder.GetValueOrDefault(t, int.MaxValue)).ThenBy(t => t.Value, StringComparer.Ordinal)],
            [.. movedItems.Select(i => i.Project).Distinct().OrderBy(p => projectOrder.GetValueOrDefault(p, int.MaxValue)).ThenBy(p => p.Value, StringComparer.Ordinal)],
            Math.Max(0, comparison.ProgramFinish.WorkingDaysMoved),
            movedItems.Count);
    }

    /// <summary>
    /// The unfinished leaf items among those linked (a summary standing for its leaves) that no other of them precedes
    /// through dependency links.
    /// </summary>
    internal static HashSet<WorkItemId> Entries(ProgramLookup lookup, IEnumerable<WorkItemId> linked)
    {
        var children = lookup.Program.WorkItems.Where(i => i.Parent is not null).ToLookup(i => i.Parent!.Value, i => i.Id);
        var leaves = new HashSet<WorkItemId>();
        var stack = new Stack<WorkItemId>(linked.Where(lookup.Items.ContainsKey));
        var expanded = new HashSet<WorkItemId>();
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (!expanded.Add(id))
            {
                continue;
            }

            if (lookup.Summaries.Contains(id))
            {
                foreach (var child in children[id])
                {
                    stack.Push(child);
                }
            }
            else if (!ProgramLookup.IsFinished(lookup.Items[id]))
            {
                leaves.Add(id);
            }
        }

        var successors = lookup.Program.Dependencies.ToLookup(d => d.Predecessor, d => d.Successor);
        var reached = new HashSet<WorkItemId>();
        foreach (var leaf in leaves)
        {
            var seen = new HashSet<WorkItemId>();
            var pending = new Stack<WorkItemId>();
            pending.Push(leaf);
            while (pending.Count > 0)
            {
                foreach (var next in successors[pending.Pop()])
                {
                    if (seen.Add(next))
                    {
                        pending.Push(next);
                    }
                }
            }

            reached.UnionWith(seen);
        }

        leaves.ExceptWith(reached);
        return leaves;
    }

    private static WorkItem Delay(WorkItem item, WorkDuration impact)
    {
        if (item.IsMilestone)
        {
            return item with { Kind = WorkItemKind.Task, Estimate = Estimate.Single(impact) };
        }

        var estimate = item.Estimate is { } e
            ? new Estimate(e.Optimistic + impact, e.MostLikely + impact, e.Pessimistic + impact) { IsElapsed = e.IsElapsed }
            : Estimate.Single(impact);
        var progress = item.Progress;
        if (progress.Remaining is { } remaining)
        {
            progress = progress with { Remaining = remaining + impact };
        }
        else if (progress.ActualStart is not null || progress.PercentComplete > 0)
        {
            var left = (item.Estimate?.MostLikely ?? WorkDuration.Zero) * (1 - (Math.Clamp(progress.PercentComplete, 0, 100) / 100));
            progress = progress with { Remaining = left + impact };
        }

        return item with { Estimate = estimate, Progress = progress };
    }
}
