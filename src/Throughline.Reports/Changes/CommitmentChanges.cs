using Throughline.Domain;
using Throughline.Reports.Outlook;
using Throughline.Scheduling;

namespace Throughline.Reports.Changes;

/// <summary>A change to the plan's inputs (an estimate, a link, a decision's date), with the work items it touches.</summary>
public sealed record InputChange(string Text, IReadOnlyList<WorkItemId> Items);

/// <summary>
/// How one commitment moved between two revisions of a plan: its scheduled finish and buffer, its P80 and chance on
/// time (with forecasts), the input changes on its driving chain (old or new) that moved it, and the teams driving it.
/// </summary>
public sealed record CommitmentChange(
    WorkItemId Id,
    string Name,
    DateOnly Committed,
    DateOnly ScheduledBefore,
    DateOnly ScheduledAfter,
    double BufferBefore,
    double BufferAfter,
    DateOnly? P80Before,
    DateOnly? P80After,
    double? ChanceBefore,
    double? ChanceAfter,
    IReadOnlyList<string> Causes,
    IReadOnlyList<TeamId> Teams)
{
    /// <summary>Later, or less likely to hold, than before.</summary>
    public bool Slipped => ScheduledAfter > ScheduledBefore || P80After > P80Before || ChanceAfter < ChanceBefore;
}

/// <summary>
/// The outlook's changes between two revisions of a plan (<c>tl diff</c>, <c>tl report --since</c>): each moved
/// commitment with the input changes that moved it, the teams whose commitments slipped, and whether the two files
/// are the same program at all.
/// </summary>
public sealed record CommitmentChanges(bool DifferentPrograms, string OldProgram, string NewProgram, IReadOnlyList<CommitmentChange> Moved, IReadOnlyList<InputChange> Inputs)
{
    /// <summary>Teams that drive a commitment that slipped, in order of first appearance.</summary>
    public IReadOnlyList<TeamId> TeamsHurt => [.. Moved.Where(m => m.Slipped).SelectMany(m => m.Teams).Distinct()];

    public static CommitmentChanges Compare(Program old, ProgramSchedule oldSchedule, ProgramOutlook oldOutlook, Program @new, ProgramSchedule newSchedule, ProgramOutlook newOutlook)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        ArgumentNullException.ThrowIfNull(oldOutlook);
        ArgumentNullException.ThrowIfNull(newOutlook);
        var inputs = InputChanges.Between(old, @new);
        var before = oldOutlook.Commitments.ToDictionary(c => c.Id);
        var moved = new List<CommitmentChange>();
        foreach (var after in newOutlook.Commitments)
        {
            if (!before.TryGetValue(after.Id, out var was))
            {
                continue;
            }

            // A forecast figure counts as moved only when both sides were forecast: a baseline shown without its own
            // forecast (the dashboard's) has no P80 to compare, and that is not a change.
            var forecastsAgree = was.ForecastP80 is null || after.ForecastP80 is null
                || (was.ForecastP80 == after.ForecastP80 && was.ProbabilityOnTime == after.ProbabilityOnTime);
            if (was.ScheduledFinish == after.ScheduledFinish && forecastsAgree && was.Committed == after.Committed)
            {
                continue;
            }

            var chain = DrivingChain.Into(@new, newSchedule, after.Id).Concat(DrivingChain.Into(old, oldSchedule, after.Id)).ToHashSet();
            var causes = inputs.Where(i => i.Items.Any(chain.Contains)).Select(i => i.Text).ToList();
            moved.Add(new CommitmentChange(
                after.Id, after.Name, after.Committed, was.ScheduledFinish, after.ScheduledFinish, was.BufferDays, after.BufferDays,
                was.ForecastP80, after.ForecastP80, was.ProbabilityOnTime, after.ProbabilityOnTime,
                causes.Count > 0 ? causes : ["no input change on its driving path: moved by the forecast or by changes elsewhere"],
                after.DrivingTeams));
        }

        return new CommitmentChanges(old.Id != @new.Id, old.Id.Value, @new.Id.Value, moved, inputs);
    }
}
