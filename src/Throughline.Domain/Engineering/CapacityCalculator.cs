namespace Throughline.Domain.Engineering;

/// <summary>
/// Works out the weekly capacity of every person and team once keep-the-lights-on work and on-call are taken off.
/// </summary>
/// <remarks>
/// KTLO is the team's <see cref="Team.KtloPercent"/> of each member's gross week. On-call is averaged over the
/// rotation: a rotation of N members with load L% costs each member L/N % of their week (on duty one week in N,
/// losing L% of that week), and costs the team L% of one member's week every week. Leave is not taken off here: it
/// is dated, and the calendar-aware scheduler handles it.
/// </remarks>
public static class CapacityCalculator
{
    public static IReadOnlyList<PersonCapacity> People(Program program)
    {
        ArgumentNullException.ThrowIfNull(program);
        var teams = program.Teams.GroupBy(t => t.Id).ToDictionary(g => g.Key, g => g.First());
        var busy = ProjectsInProgress(program);
        var result = new List<PersonCapacity>(program.People.Count);
        foreach (var person in program.People)
        {
            var gross = person.WeeklyCapacity;
            var ktloPercent = person.Team is { } t && teams.TryGetValue(t, out var team) ? team.KtloPercent : 0;
            var rotations = program.Rotations.Where(r => r.Members.Contains(person.Id) && r.Members.Count > 0).ToList();
            var onCall = rotations.Aggregate(WorkDuration.Zero, (sum, r) => sum + (gross * (r.LoadPercent / 100 / r.Members.Count)));
            var projects = person.Allocations.Where(a => a.Percent > 0).Select(a => a.Project)
                .Concat(busy.GetValueOrDefault(person.Id) ?? [])
                .Distinct()
                .OrderBy(p => p.Value, StringComparer.Ordinal)
                .ToList();
            result.Add(new PersonCapacity(person.Id, person.Team, gross, gross * (ktloPercent / 100), onCall)
            {
                Allocations = person.Allocations,
                ConcurrentProjects = projects,
                OnCallEveryWeeks = rotations.Count == 0 ? null : rotations.Min(r => r.Members.Count * r.ShiftDays / 7.0),
            });
        }

        return result;
    }

    public static IReadOnlyList<TeamCapacity> Teams(Program program)
    {
        ArgumentNullException.ThrowIfNull(program);
        var result = new List<TeamCapacity>(program.Teams.Count);
        foreach (var team in program.Teams)
        {
            var members = program.People.Where(p => p.Team == team.Id).ToList();
            var gross = team.Capacity ?? new WorkDuration(members.Sum(m => m.WeeklyCapacity.Minutes));
            var onCall = WorkDuration.Zero;
            foreach (var rotation in program.Rotations.Where(r => r.Team == team.Id))
            {
                var onRota = program.People.Where(p => rotation.Members.Contains(p.Id)).ToList();
                var oneWeek = onRota.Count > 0 ? new WorkDuration((long)onRota.Average(p => p.WeeklyCapacity.Minutes)) : new WorkDuration(program.Units.MinutesPerWeek);
                onCall += oneWeek * (rotation.LoadPercent / 100);
            }

            result.Add(new TeamCapacity(team.Id, gross, gross * (team.KtloPercent / 100), onCall));
        }

        return result;
    }

    /// <summary>For each person, the projects of the in-progress items assigned to them by name.</summary>
    private static Dictionary<PersonId, List<ProjectId>> ProjectsInProgress(Program program)
    {
        var result = new Dictionary<PersonId, List<ProjectId>>();
        foreach (var item in program.WorkItems.Where(i => i.Status == WorkItemStatus.InProgress))
        {
            foreach (var person in item.Assignments.Select(a => a.Person).OfType<PersonId>())
            {
                if (!result.TryGetValue(person, out var list))
                {
                    result[person] = list = [];
                }

                list.Add(item.Project);
            }
        }

        return result;
    }
}
