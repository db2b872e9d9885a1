using Throughline.Domain;
using Throughline.Domain.Calendars;
using Throughline.Scheduling;
using Throughline.Scheduling.Calendars;

namespace Throughline.Reports.Impact;

/// <summary>One item whose finish a slip moves: old and new finish, working days moved, and whether its promise breaks.</summary>
public sealed record AffectedItem(
    WorkItemId Id,
    string Name,
    ProjectId Project,
    TeamId? Team,
    bool IsMilestone,
    DateOnly? Committed,
    DateTime OldFinish,
    DateTime NewFinish,
    double DaysMoved)
{
    /// <summary>On time against its committed date before the slip, late after it.</summary>
    public bool BreaksCommitment { get; init; }

    /// <summary>Already late before the slip, and later now.</summary>
    public bool WasAlreadyLate { get; init; }
}

/// <summary>A team with work the slip moves: how many items and the largest move.</summary>
public sealed record AffectedTeam(TeamId Team, string Name, int Items, double MaxDaysMoved);

/// <summary>Someone who should hear about the slip, and why (each reason once).</summary>
public sealed record PersonToTell(PersonId Person, string Name, IReadOnlyList<string> Reasons);

/// <summary>
/// "Who is hurt if this slips?": what slipping one work item's finish by some working days does to the rest of the
/// program, computed by rescheduling the plan with the slip. <see cref="Problem"/> is set (and the lists empty) when the
/// slip cannot be applied (an unknown item, a summary, a non-positive number of days).
/// </summary>
public sealed record SlipImpact(WorkItemId Item, int Days)
{
    public string? Problem { get; init; }

    /// <summary>The slipped item itself, when it could be scheduled.</summary>
    public AffectedItem? Slipped { get; init; }

    /// <summary>Every other item whose finish moves later, largest move first.</summary>
    public IReadOnlyList<AffectedItem> Items { get; init; } = [];

    /// <summary>Milestones and committed items among <see cref="Items"/> (and the slipped item when it is one).</summary>
    public IReadOnlyList<AffectedItem> Milestones { get; init; } = [];

    /// <summary>Committed items on time before the slip and late after it.</summary>
    public IReadOnlyList<AffectedItem> BrokenCommitments { get; init; } = [];

    public IReadOnlyList<AffectedTeam> Teams { get; init; } = [];

    public IReadOnlyList<PersonToTell> People { get; init; } = [];

    /// <summary>Working days the program's finish moves.</summary>
    public double ProgramFinishDaysMoved { get; init; }

    public DateTime? NewProgramFinish { get; init; }
}

/// <summary>
/// Computes a <see cref="SlipImpact"/>. The slip is modelled as a finish-no-earlier-than constraint on the item at its
/// scheduled finish plus the given working days on the program calendar: the item keeps its duration and finishes that
/// much later, whether it is a task or a milestone, and everything downstream is rescheduled by the engine with its
/// link types, lags and calendars.
/// </summary>
public static class SlipImpactAnalyzer
{
    /// <summary>The longest slip analysed: about eight years of working days, well inside the calendar's horizon.</summary>
    public const int MaxDays = 2000;

    public static SlipImpact Analyze(Program program, ProgramSchedule schedule, WorkItemId item, int days, ProgramScheduleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(schedule);
        var lookup = new ProgramLookup(program);
        if (days is <= 0 or > MaxDays)
        {
            return new SlipImpact(item, days) { Problem = $"a slip is a whole number of working days from 1 to {MaxDays}" };
        }

        if (!lookup.Items.TryGetValue(item, out var slipped) || !schedule.Items.TryGetValue(item, out var was))
        {
            return new SlipImpact(item, days) { Problem = $"there is no scheduled work item '{item.Value}'" };
        }

        if (lookup.Summaries.Contains(item))
        {
            return new SlipImpact(item, days) { Problem = $"'{slipped.Name}' is a summary: its dates come from its children; slip one of them" };
        }

        var calendar = Calendar(program, schedule);
        var target = calendar.ToFinishDate(checked(calendar.PositionOf(was.Finish) + ((long)days * program.Units.MinutesPerDay)));
        var items = program.WorkItems.ToList();
        var index = items.FindIndex(i => ReferenceEquals(i, slipped));
        items[index] = slipped with { Constraint = new Constraint(ConstraintType.FinishNoEarlierThan, target) };
        var after = program with { WorkItems = items };
        var afterSchedule = ProgramScheduler.Schedule(after, options);
        var comparison = ScheduleComparison.Compare(program, schedule, after, afterSchedule);

        AffectedItem Affected(ItemMove move)
        {
            var it = lookup.Items[move.Id];
            return new AffectedItem(move.Id, it.Name, it.Project, lookup.TeamOf(it), it.IsMilestone, it.Committed, move.OldFinish, move.NewFinish, move.WorkingDaysMoved)
            {
                BreaksCommitment = move.BecameLate,
                WasAlreadyLate = move.WasLate && move.IsLate,
            };
        }

        var moved = comparison.ItemsMoved.Where(m => m.WorkingMinutesMoved > 0 && lookup.Items.ContainsKey(m.Id)).Select(Affected).ToList();
        var self = moved.FirstOrDefault(m => m.Id == item);
        var others = moved.Where(m => m.Id != item).ToList();
        var milestones = moved.Where(m => m.IsMilestone || m.Committed is not null).ToList();
        var broken = moved.Where(m => m.BreaksCommitment).ToList();

        var teams = others.Append(self).OfType<AffectedItem>()
            .Where(m => m.Team is not null)
            .GroupBy(m => m.Team!.Value)
            .Select(g => new AffectedTeam(g.Key, lookup.TeamName(g.Key), g.Count(), g.Max(m => m.DaysMoved)))
            .OrderByDescending(t => t.MaxDaysMoved)
            .ThenBy(t => t.Team.Value, StringComparer.Ordinal)
            .ToList();

        return new SlipImpact(item, days)
        {
            Slipped = self,
            Items = others,
            Milestones = milestones,
            BrokenCommitments = broken,
            Teams = teams,
            People = People(program, lookup, self, others, broken, teams),
            ProgramFinishDaysMoved = comparison.ProgramFinish.WorkingDaysMoved,
            NewProgramFinish = afterSchedule.ProjectFinish,
        };
    }

    /// <summary>
    /// The people to tell: for each broken commitment, its project's TPM, product manager and engineering manager; the
    /// lead of each affected team; and whoever is assigned by name to the moved items. In plan order of people.
    /// </summary>
    private static List<PersonToTell> People(Program program, ProgramLookup lookup, AffectedItem? self, List<AffectedItem> others, List<AffectedItem> broken, List<AffectedTeam> teams)
    {
        var reasons = new Dictionary<PersonId, List<string>>();
        void Tell(PersonId? person, string reason)
        {
            if (person is not { } p || !lookup.People.ContainsKey(p))
            {
                return;
            }

            if (!reasons.TryGetValue(p, out var list))
            {
                reasons[p] = list = [];
            }

            if (!list.Contains(reason))
            {
                list.Add(reason);
            }
        }

        foreach (var commitment in broken)
        {
            var project = lookup.Projects.GetValueOrDefault(commitment.Project);
            var what = $"commitment '{commitment.Name}' ({commitment.Committed:yyyy-MM-dd}) would be missed";
            Tell(project?.ProgramManager, $"TPM of {project?.Name}: {what}");
            Tell(project?.ProductManager, $"product manager of {project?.Name}: {what}");
            Tell(project?.EngineeringManager, $"engineering manager of {project?.Name}: {what}");
        }

        foreach (var team in teams)
        {
            Tell(lookup.Teams[team.Team].Lead, $"lead of {team.Name}: {team.Items} item(s) move, up to {team.MaxDaysMoved:0.#} working days");
        }

        foreach (var moved in others.Prepend(self).OfType<AffectedItem>())
        {
            foreach (var person in lookup.Items[moved.Id].Assignments.Select(a => a.Person).OfType<PersonId>())
            {
                Tell(person, $"works on '{moved.Name}', which moves {moved.DaysMoved:0.#} working days");
            }
        }

        return [.. program.People.DistinctBy(p => p.Id).Where(p => reasons.ContainsKey(p.Id)).Select(p => new PersonToTell(p.Id, p.Name, reasons[p.Id]))];
    }

    private static CompiledCalendar Calendar(Program program, ProgramSchedule schedule)
    {
        var definition = (program.Calendar is { } id ? program.Calendars.FirstOrDefault(c => c.Id == id) : null)
            ?? WorkingCalendar.Standard(new CalendarId("standard"));
        var first = DateOnly.FromDateTime(schedule.ProjectStart).AddDays(-1);
        var last = DateOnly.FromDateTime(schedule.ProjectFinish);
        return CompiledCalendar.Compile(definition, program.Calendars, first, last.DayNumber - first.DayNumber + 3660);
    }
}
