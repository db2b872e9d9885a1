using Throughline.Domain;
using Throughline.Domain.Health;
using Throughline.Scheduling;
using Throughline.Scheduling.Forecasting;

namespace Throughline.Reports.Health;

/// <summary>Every committed item of a program as the schedule rule sees it (<see cref="CommitmentOutlook"/>), in committed-date order.</summary>
public static class Commitments
{
    public static IReadOnlyList<CommitmentOutlook> Of(Program program, ProgramSchedule schedule, ProgramForecast? forecast)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(schedule);
        var forecasts = new Dictionary<WorkItemId, MilestoneForecast>();
        foreach (var m in forecast?.Milestones ?? [])
        {
            if (m.Id is { } id)
            {
                forecasts.TryAdd(id, m);
            }
        }

        var lookup = new ProgramLookup(program);
        var days = new WorkingDays(program, schedule);
        var minutesPerDay = (double)program.Units.MinutesPerDay;
        var result = new List<CommitmentOutlook>();
        foreach (var item in program.WorkItems)
        {
            if (item.Committed is not { } committed || !ReferenceEquals(lookup.Items[item.Id], item) || !schedule.Items.TryGetValue(item.Id, out var s))
            {
                continue;
            }

            var f = forecasts.GetValueOrDefault(item.Id);
            result.Add(new CommitmentOutlook(item.Id, item.Name, item.Project, committed, DateOnly.FromDateTime(s.Finish), SlackDays(s, committed, days, minutesPerDay))
            {
                ForecastP80 = f?.P80,
                ProbabilityOnTime = f?.ProbabilityOnTime,
                Pinned = f?.PinnedBy is not null,
            });
        }

        return [.. result.OrderBy(c => c.Committed).ThenBy(c => c.Id.Value, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The slack that matters for a promise: the working days between the scheduled finish and the end of the committed
    /// date, or the item's total slack when that is negative and tighter (a constraint the plan cannot keep). Total
    /// slack alone measures to the program end, which says nothing about an early commitment's buffer.
    /// </summary>
    internal static double SlackDays(ItemSchedule schedule, DateOnly committed, WorkingDays days, double minutesPerDay)
    {
        var buffer = days.BufferBefore(schedule.Finish, committed);
        var total = schedule.TotalSlackMinutes / minutesPerDay;
        return total < 0 ? Math.Min(buffer, total) : buffer;
    }
}
