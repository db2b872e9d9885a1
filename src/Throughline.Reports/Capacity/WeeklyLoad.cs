using Throughline.Domain;
using Throughline.Domain.Engineering;
using Throughline.Scheduling;

namespace Throughline.Reports.Capacity;

/// <summary>Whether a row of the capacity table is a team's pool or one person.</summary>
public enum LoadOwnerKind
{
    Team,
    Person,
}

/// <summary>
/// One team or person across the weeks of a <see cref="WeeklyLoad"/>. Hours are working hours per week:
/// <see cref="Gross"/> is the stated week, <see cref="Ktlo"/> and <see cref="OnCall"/> come off it (the band shown
/// apart), <see cref="Available"/> is what is left for the program, and <see cref="Load"/> is what the schedule asks
/// for in each week.
/// </summary>
public sealed record LoadRow(LoadOwnerKind Kind, string Id, string Name, string? Team, double Gross, double Ktlo, double OnCall, double Available, IReadOnlyList<double> Load)
{
    public bool IsOverAllocated(int week) => Load[week] > Available + 0.01;

    public int WeeksOverAllocated => Enumerable.Range(0, Load.Count).Count(IsOverAllocated);

    /// <summary>The highest weekly load as a share of <see cref="Available"/> (0 when nothing is available and nothing asked).</summary>
    public double PeakRatio => Load.Count == 0 ? 0 : Available <= 0 ? (Load.Max() > 0 ? double.PositiveInfinity : 0) : Load.Max() / Available;
}

/// <summary>
/// Load against capacity by week for every team and person of a program, from its schedule.
/// </summary>
/// <remarks>
/// Each leaf work item (not a milestone, not cancelled) asks, on every weekday from its scheduled start day to its
/// finish day, for its assignment's units of a working day (100 = one person's day): a person's units count for the
/// person and for their team, a team's for the team, and an unassigned item asks its project's owning team for one
/// person. Capacity is <see cref="CapacityCalculator"/>'s: KTLO and average on-call come off each week. Weekdays are
/// counted without the calendar's holidays, so a holiday week shows slightly more load than the engine plans.
/// </remarks>
public sealed record WeeklyLoad(IReadOnlyList<DateOnly> Weeks, IReadOnlyList<LoadRow> Teams, IReadOnlyList<LoadRow> People)
{
    /// <summary>The most weeks a table shows; longer programs are cut at the end.</summary>
    public const int MaxWeeks = 78;

    public static WeeklyLoad Compute(Program program, ProgramSchedule schedule, DateOnly? from = null, int maxWeeks = MaxWeeks)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(schedule);
        var lookup = new ProgramLookup(program);
        var first = Monday(from ?? DateOnly.FromDateTime(schedule.ProjectStart));
        var last = Monday(DateOnly.FromDateTime(schedule.ProjectFinish));
        var count = Math.Clamp(((last.DayNumber - first.DayNumber) / 7) + 1, 1, maxWeeks);
        var weeks = Enumerable.Range(0, count).Select(w => first.AddDays(7 * w)).ToList();
        var hoursPerDay = program.Units.MinutesPerDay / 60.0;

        var teamLoad = program.Teams.DistinctBy(t => t.Id).ToDictionary(t => t.Id, _ => new double[count]);
        var personLoad = program.People.DistinctBy(p => p.Id).ToDictionary(p => p.Id, _ => new double[count]);

        void Add(double[] load, DateOnly start, DateOnly finish, double units)
        {
            for (var day = start < first ? first : start; day <= finish; day = day.AddDays(1))
            {
                var week = (day.DayNumber - first.DayNumber) / 7;
                if (week >= count)
                {
                    break;
                }

                if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                {
                    load[week] += units / 100 * hoursPerDay;
                }
            }
        }

        foreach (var item in lookup.Items.Values)
        {
            if (item.IsMilestone || item.Status == WorkItemStatus.Cancelled || lookup.Summaries.Contains(item.Id)
                || !schedule.Items.TryGetValue(item.Id, out var s) || s.DurationMinutes == 0)
            {
                continue;
            }

            var (start, finish) = (DateOnly.FromDateTime(s.Start), DateOnly.FromDateTime(s.Finish));
            if (item.Assignments.Count == 0)
            {
                if (lookup.Projects.GetValueOrDefault(item.Project)?.OwningTeam is { } owner && teamLoad.TryGetValue(owner, out var pool))
                {
                    Add(pool, start, finish, 100);
                }

                continue;
            }

            foreach (var assignment in item.Assignments)
            {
                if (assignment.Person is { } person && personLoad.TryGetValue(person, out var own))
                {
                    Add(own, start, finish, assignment.Units);
                    if (lookup.People[person].Team is { } team && teamLoad.TryGetValue(team, out var pool))
                    {
                        Add(pool, start, finish, assignment.Units);
                    }
                }
                else if (assignment.Team is { } team && teamLoad.TryGetValue(team, out var pool))
                {
                    Add(pool, start, finish, assignment.Units);
                }
            }
        }

        static double Hours(WorkDuration d) => d.Minutes / 60.0;
        var teamCapacity = CapacityCalculator.Teams(program).DistinctBy(t => t.Team).ToDictionary(t => t.Team);
        var teams = program.Teams.DistinctBy(t => t.Id).Select(t =>
        {
            var c = teamCapacity[t.Id];
            return new LoadRow(LoadOwnerKind.Team, t.Id.Value, t.Name, null, Hours(c.Gross), Hours(c.Ktlo), Hours(c.OnCall), Hours(c.Available), [.. teamLoad[t.Id].Select(Round)]);
        }).ToList();
        var personCapacity = CapacityCalculator.People(program).DistinctBy(p => p.Person).ToDictionary(p => p.Person);
        var people = program.People.DistinctBy(p => p.Id).Select(p =>
        {
            var c = personCapacity[p.Id];
            return new LoadRow(LoadOwnerKind.Person, p.Id.Value, p.Name, p.Team is { } team ? lookup.TeamName(team) : null, Hours(c.Gross), Hours(c.Ktlo), Hours(c.OnCall), Hours(c.Available), [.. personLoad[p.Id].Select(Round)]);
        }).ToList();
        return new WeeklyLoad(weeks, teams, people);
    }

    private static double Round(double hours) => Math.Round(hours, 2);

    private static DateOnly Monday(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
}
