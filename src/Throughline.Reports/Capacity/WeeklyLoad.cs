using Throughline.Domain;
using Throughline.Domain.Engineering;
using Throughline.Scheduling;
using Throughline.Scheduling.Calendars;

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
/// apart), <see cref="Available"/> is what is left for the program in a normal week, and <see cref="Load"/> is what
/// the schedule asks for in each week. <see cref="WeekShares"/> is each week's working time as a share of a normal
/// week (0.8 with a weekday holiday), which every figure of the week is scaled by (<see cref="AvailableIn"/>), and
/// <see cref="TimeOff"/> names what took the time off (holidays, changed days, leave; empty for a normal week).
/// </summary>
public sealed record LoadRow(LoadOwnerKind Kind, string Id, string Name, string? Team, double Gross, double Ktlo, double OnCall, double Available, IReadOnlyList<double> Load, IReadOnlyList<double> WeekShares, IReadOnlyList<IReadOnlyList<string>> TimeOff)
{
    /// <summary>Hours left for the program in week <paramref name="week"/>: <see cref="Available"/> times the week's share.</summary>
    public double AvailableIn(int week) => Math.Round(Available * WeekShares[week], 2);

    /// <summary>KTLO and on-call hours in week <paramref name="week"/>: shares of the working time, so they shrink with it.</summary>
    public double KtloAndOnCallIn(int week) => Math.Round((Ktlo + OnCall) * WeekShares[week], 2);

    /// <summary>Whether week <paramref name="week"/> has other than a normal week's working time.</summary>
    public bool IsUnusualWeek(int week) => Math.Abs(WeekShares[week] - 1) > 0.0001;

    public bool IsOverAllocated(int week) => Load[week] > AvailableIn(week) + 0.01;

    public int WeeksOverAllocated => Enumerable.Range(0, Load.Count).Count(IsOverAllocated);

    /// <summary>The highest weekly load as a share of that week's <see cref="AvailableIn"/> (0 when nothing is asked; infinite when asked of a week with nothing available).</summary>
    public double PeakRatio => Enumerable.Range(0, Load.Count)
        .Select(w => Load[w] <= 0 ? 0 : AvailableIn(w) <= 0 ? double.PositiveInfinity : Load[w] / AvailableIn(w))
        .DefaultIfEmpty(0)
        .Max();
}

/// <summary>
/// Load against capacity by week for every team and person of a program, from its schedule.
/// </summary>
/// <remarks>
/// Each leaf work item (not a milestone, not cancelled) asks, on every working day from its scheduled start day to
/// its finish day, for its assignment's units of a working day (100 = one person's day, scaled by the share of a
/// normal day that the date has on the calendar, so nothing on a holiday and half on a half day, but in full on leave,
/// which the scheduler does not plan around and which therefore shows as overload): a person's units count for the
/// person on their calendar and for their team, a team's for the team on the team's calendar, and an unassigned item
/// asks its project's owning team for one person. Capacity is <see cref="CapacityCalculator"/>'s (KTLO and average
/// on-call come off each week) times each week's working time on the <see cref="ResourceCalendar"/> as a share of a
/// normal week: holidays and changed days of the person's calendar (else their team's, else the program's), and
/// their leave, come off. A team's week is the sum of its members' weeks, or its stated capacity on the team's calendar.
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

        var teamCalendars = program.Teams.DistinctBy(t => t.Id).ToDictionary(t => t.Id, t => ResourceCalendar.ForTeam(program, t, first));
        var personCalendars = program.People.DistinctBy(p => p.Id).ToDictionary(p => p.Id, p => ResourceCalendar.ForPerson(program, p, first));
        var teamLoad = teamCalendars.Keys.ToDictionary(t => t, _ => new double[count]);
        var personLoad = personCalendars.Keys.ToDictionary(p => p, _ => new double[count]);

        void Add(double[] load, ResourceCalendar calendar, DateOnly start, DateOnly finish, double units)
        {
            for (var day = start < first ? first : start; day <= finish; day = day.AddDays(1))
            {
                var week = (day.DayNumber - first.DayNumber) / 7;
                if (week >= count)
                {
                    break;
                }

                load[week] += units / 100 * hoursPerDay * calendar.DayShare(day);
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
                    Add(pool, teamCalendars[owner], start, finish, 100);
                }

                continue;
            }

            foreach (var assignment in item.Assignments)
            {
                if (assignment.Person is { } person && personLoad.TryGetValue(person, out var own))
                {
                    // The person's hours, on the days the person works, are their team's hours too.
                    Add(own, personCalendars[person], start, finish, assignment.Units);
                    if (lookup.People[person].Team is { } team && teamLoad.TryGetValue(team, out var pool))
                    {
                        Add(pool, personCalendars[person], start, finish, assignment.Units);
                    }
                }
                else if (assignment.Team is { } team && teamLoad.TryGetValue(team, out var pool))
                {
                    Add(pool, teamCalendars[team], start, finish, assignment.Units);
                }
            }
        }

        static double Hours(WorkDuration d) => d.Minutes / 60.0;
        var personShares = personCalendars.ToDictionary(c => c.Key, c => weeks.Select(c.Value.WeekShare).ToArray());
        var personCapacity = CapacityCalculator.People(program).DistinctBy(p => p.Person).ToDictionary(p => p.Person);
        var people = program.People.DistinctBy(p => p.Id).Select(p =>
        {
            var c = personCapacity[p.Id];
            var calendar = personCalendars[p.Id];
            return new LoadRow(LoadOwnerKind.Person, p.Id.Value, p.Name, p.Team is { } team ? lookup.TeamName(team) : null, Hours(c.Gross), Hours(c.Ktlo), Hours(c.OnCall), Hours(c.Available), [.. personLoad[p.Id].Select(Round)],
                personShares[p.Id],
                [.. weeks.Select(w => calendar.TimeOff(w, w.AddDays(6)))]);
        }).ToList();

        var teamCapacity = CapacityCalculator.Teams(program).DistinctBy(t => t.Team).ToDictionary(t => t.Team);
        var teams = program.Teams.DistinctBy(t => t.Id).Select(t =>
        {
            var c = teamCapacity[t.Id];
            var members = program.People.DistinctBy(p => p.Id).Where(p => p.Team == t.Id).ToList();

            // The share of the team's normal week it has in each week: its members' weeks (their own calendars and
            // leave), or its stated capacity on the team's calendar when it states one or lists nobody.
            var gross = members.Sum(m => (double)m.WeeklyCapacity.Minutes);
            var shares = t.Capacity is null && gross > 0
                ? weeks.Select((_, w) => members.Sum(m => m.WeeklyCapacity.Minutes * personShares[m.Id][w]) / gross).ToArray()
                : [.. weeks.Select(teamCalendars[t.Id].WeekShare)];
            var timeOff = weeks.Select(w => (IReadOnlyList<string>)(t.Capacity is null && members.Count > 0
                ? members.SelectMany(m => personCalendars[m.Id].TimeOff(w, w.AddDays(6)).Select(n => n == ResourceCalendar.Leave ? $"{m.Name} on leave" : n)).Distinct().ToList()
                : teamCalendars[t.Id].TimeOff(w, w.AddDays(6)))).ToList();
            return new LoadRow(LoadOwnerKind.Team, t.Id.Value, t.Name, null, Hours(c.Gross), Hours(c.Ktlo), Hours(c.OnCall), Hours(c.Available), [.. teamLoad[t.Id].Select(Round)],
                shares, timeOff);
        }).ToList();
        return new WeeklyLoad(weeks, teams, people);
    }

    private static double Round(double hours) => Math.Round(hours, 2);

    private static DateOnly Monday(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
}
