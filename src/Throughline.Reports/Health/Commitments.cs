using Throughline.Domain;
using Throughline.Domain.Health;
using Throughline.Scheduling;
using Throughline.Scheduling.Forecasting;

namespace Throughline.Reports.Health;

/// <summary>Every committed item of a program as the outlook sees it (<see cref="CommitmentOutlook"/>), in committed-date order.</summary>
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
            var (teams, projects) = Drivers(lookup, schedule, DrivingChain.Into(program, schedule, item.Id));
            result.Add(new CommitmentOutlook(item.Id, item.Name, item.Project, committed, DateOnly.FromDateTime(s.Finish), days.BufferBefore(s.Finish, committed))
            {
                TotalSlackDays = s.TotalSlackMinutes / minutesPerDay,
                ForecastP50 = f?.P50,
                ForecastP80 = f?.P80,
                ForecastP95 = f?.P95,
                ProbabilityOnTime = f?.ProbabilityOnTime,
                Pinned = f?.PinnedBy is not null,
                DrivingTeams = teams,
                DrivingProjects = projects,
            });
        }

        return [.. result.OrderBy(c => c.Committed).ThenBy(c => c.Id.Value, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The teams and projects that own the unfinished work of a driving chain, by their share of its working time
    /// (largest first, then id): who has to deliver for the date to hold.
    /// </summary>
    private static (IReadOnlyList<TeamId> Teams, IReadOnlyList<(ProjectId, double)> Projects) Drivers(ProgramLookup lookup, ProgramSchedule schedule, IReadOnlyList<WorkItemId> chain)
    {
        var teams = new Dictionary<TeamId, long>();
        var projects = new Dictionary<ProjectId, long>();
        long total = 0;
        foreach (var id in chain)
        {
            if (!lookup.Items.TryGetValue(id, out var item) || ProgramLookup.IsFinished(item))
            {
                continue;
            }

            var minutes = Math.Max(0, schedule.Items[id].DurationMinutes);
            total += minutes;
            projects[item.Project] = projects.GetValueOrDefault(item.Project) + minutes;
            if (lookup.TeamOf(item) is { } team)
            {
                teams[team] = teams.GetValueOrDefault(team) + minutes;
            }
        }

        return (
            [.. teams.Where(t => t.Value > 0).OrderByDescending(t => t.Value).ThenBy(t => t.Key.Value, StringComparer.Ordinal).Select(t => t.Key)],
            [.. projects.Where(p => p.Value > 0).OrderByDescending(p => p.Value).ThenBy(p => p.Key.Value, StringComparer.Ordinal).Select(p => (p.Key, p.Value / (double)total))]);
    }
}
