namespace Throughline.Domain.Budget;

/// <summary>
/// One piece of a project's work as earned value counts it: its share of the budget (<see cref="Weight"/>, in any unit
/// common to the project's work, such as working minutes of effort) and how much of it is done (0 to 100).
/// </summary>
public sealed record WorkProgress(WorkItemId Id, double Weight, double PercentComplete)
{
    /// <summary>
    /// The earned-value view of a program's leaf tasks: weight is the item's effort, else its most likely estimate
    /// (the budgeted work); done or actually finished counts 100%. Milestones, summaries and cancelled items earn
    /// nothing of their own.
    /// </summary>
    public static IReadOnlyList<WorkProgress> Of(Program program, ProjectId project)
    {
        ArgumentNullException.ThrowIfNull(program);
        var parents = program.WorkItems.Where(i => i.Parent is not null).Select(i => i.Parent!.Value).ToHashSet();
        var work = new List<WorkProgress>();
        foreach (var item in program.WorkItems)
        {
            if (item.Project != project || item.IsMilestone || parents.Contains(item.Id) || item.Status == WorkItemStatus.Cancelled)
            {
                continue;
            }

            var weight = (item.Effort ?? item.Estimate?.MostLikely ?? WorkDuration.Zero).Minutes;
            var done = item.Status == WorkItemStatus.Done || item.Progress.ActualFinish is not null;
            work.Add(new WorkProgress(item.Id, Math.Max(0, weight), done ? 100 : Math.Clamp(item.Progress.PercentComplete, 0, 100)));
        }

        return work;
    }
}
