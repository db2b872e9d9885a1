using Throughline.Domain;
using Throughline.Domain.Governance;
using Throughline.Reports.Health;
using Throughline.Scheduling;

namespace Throughline.Reports.Outlook;

/// <summary>
/// Decide-by dates: for each open decision, the latest start of the work it gates that keeps every commitment's buffer
/// at zero or more. Committed dates are deadlines in the network, so the late pass of a schedule whose program end is
/// moved out of the way (a year past the last commitment) gives exactly that: each item's late start against the
/// commitments it feeds and nothing else.
/// </summary>
internal static class DecideBy
{
    public static IReadOnlyList<DecisionOutlook> Of(Program program, ProgramSchedule schedule, IReadOnlyList<DecisionFinding> findings, ProgramScheduleOptions? options)
    {
        var open = findings.Where(f => f.IsOpen).ToList();
        if (open.Count == 0)
        {
            return [];
        }

        var lookup = new ProgramLookup(program);
        var committed = program.WorkItems.Where(i => i.Committed is not null).Select(i => i.Committed!.Value).DefaultIfEmpty().Max();
        ProgramSchedule? late = null;
        if (committed != default)
        {
            var horizon = DateOnly.FromDateTime(schedule.ProjectFinish) > committed ? DateOnly.FromDateTime(schedule.ProjectFinish) : committed;
            late = ProgramScheduler.Schedule(program, (options ?? ProgramScheduleOptions.Default) with { ProjectFinish = horizon.AddDays(366).ToDateTime(TimeOnly.MinValue) });
        }

        var result = new List<DecisionOutlook>();
        foreach (var finding in open)
        {
            var gates = finding.Blocks
                .Where(id => lookup.Items.TryGetValue(id, out var item) && !ProgramLookup.IsFinished(item) && item.Progress.ActualStart is null && schedule.Items.ContainsKey(id))
                .ToList();
            DateOnly? decideBy = null;
            if (late is not null && gates.Count > 0)
            {
                var latest = gates.Where(late.Items.ContainsKey).Select(id => DateOnly.FromDateTime(late.Items[id].LateStart)).DefaultIfEmpty(DateOnly.MaxValue).Min();
                decideBy = latest <= committed ? latest : null;
            }

            result.Add(new DecisionOutlook(finding.Decision.Id, finding.Decision.Question, finding.Decision.Due, decideBy, gates) { DaysOverdue = finding.DaysOverdue });
        }

        return [.. result.OrderBy(d => d.Due ?? DateOnly.MaxValue).ThenBy(d => d.Id.Value, StringComparer.Ordinal)];
    }
}
