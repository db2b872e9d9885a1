using System.Globalization;

namespace Throughline.Domain.Engineering;

/// <summary>
/// Team health signals: load over capacity, people on too many projects at once, on-call that comes round too often,
/// allocations that leave no room for KTLO and on-call.
/// </summary>
/// <remarks>
/// Demand is the units of the work in progress now (an item given to "sre 200%" asks for two people while it runs),
/// set against the team's capacity after KTLO and on-call. It needs no schedule, so it is a signal about today, not
/// a forecast; leveling answers the forecast question.
/// </remarks>
public static class TeamHealthAnalyzer
{
    /// <summary>Working on this many projects at once is flagged.</summary>
    public const int ContextSwitchingAt = 3;

    /// <summary>On duty more often than once in this many weeks is flagged (a rotation needs six or more people).</summary>
    public const double OnCallTooOftenWeeks = 6;

    /// <summary>A team whose people work on this many projects is flagged as shared.</summary>
    public const int SharedTeamAt = 3;

    public static IReadOnlyList<TeamHealth> Analyze(Program program)
    {
        ArgumentNullException.ThrowIfNull(program);
        var people = CapacityCalculator.People(program).ToDictionary(p => p.Person);
        var names = program.People.GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First().Name);
        var week = (double)program.Units.MinutesPerWeek;
        var result = new List<TeamHealth>();
        foreach (var capacity in CapacityCalculator.Teams(program))
        {
            var team = capacity.Team;
            var members = program.People.Where(p => p.Team == team).Select(p => people[p.Id]).ToList();
            var memberIds = members.Select(m => m.Person).ToHashSet();
            var demand = program.WorkItems
                .Where(i => i.Status == WorkItemStatus.InProgress)
                .SelectMany(i => i.Assignments)
                .Where(a => a.Team == team || (a.Person is { } p && memberIds.Contains(p)))
                .Sum(a => a.Units / 100);
            var supply = capacity.Available.Minutes / week;
            var projects = members.SelectMany(m => m.ConcurrentProjects).Distinct().OrderBy(p => p.Value, StringComparer.Ordinal).ToList();
            var rotations = program.Rotations.Where(r => r.Team == team && r.Members.Count > 0).ToList();
            double? every = rotations.Count == 0 ? null : rotations.Min(r => r.Members.Count * r.ShiftDays / 7.0);
            var signals = new List<HealthSignal>();
            if (demand > supply && demand > 0)
            {
                signals.Add(new(HealthSignalKind.LoadOverCapacity, team, $"work in progress asks for {People(demand)}; the team has {People(supply)} after KTLO and on-call"));
            }

            foreach (var member in members.OrderBy(m => m.Person.Value, StringComparer.Ordinal))
            {
                var name = names[member.Person];
                if (member.IsOverAllocated)
                {
                    signals.Add(new(HealthSignalKind.OverAllocated, team, $"{name} is allocated {F(member.AllocatedPercent)}% across projects") { Person = member.Person });
                }
                else if (member.CommittedPercent > 100.0001 && member.AllocatedPercent > 0)
                {
                    signals.Add(new(HealthSignalKind.CommittedOverCapacity, team, $"{name} is allocated {F(member.AllocatedPercent)}% plus {F(member.CommittedPercent - member.AllocatedPercent)}% KTLO and on-call = {F(member.CommittedPercent)}%") { Person = member.Person });
                }

                if (member.ConcurrentProjects.Count >= ContextSwitchingAt)
                {
                    signals.Add(new(HealthSignalKind.ContextSwitching, team, $"{name} works on {member.ConcurrentProjects.Count} projects at once ({string.Join(", ", member.ConcurrentProjects)})") { Person = member.Person });
                }
            }

            foreach (var rotation in rotations)
            {
                var weeks = rotation.Members.Count * rotation.ShiftDays / 7.0;
                if (weeks < OnCallTooOftenWeeks)
                {
                    signals.Add(new(HealthSignalKind.FrequentOnCall, team, $"{rotation.Name}: {rotation.Members.Count} people, each on duty every {F(weeks)} weeks at {F(rotation.LoadPercent)}% load"));
                }
            }

            if (projects.Count >= SharedTeamAt)
            {
                signals.Add(new(HealthSignalKind.SharedTeam, team, $"shared by {projects.Count} projects ({string.Join(", ", projects)})"));
            }

            result.Add(new TeamHealth(team, capacity, demand, supply)
            {
                MaxConcurrentProjects = members.Count == 0 ? 0 : members.Max(m => m.ConcurrentProjects.Count),
                Projects = projects,
                OnCallEveryWeeks = every,
                Signals = signals,
            });
        }

        return result;
    }

    // Two decimals: "asks for 3 people, has 2.98" must not read as "3 against 3".
    private static string People(double value) => value.ToString("0.##", CultureInfo.InvariantCulture) + (Math.Abs(value - 1) < 1e-9 ? " person" : " people");

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
