using Throughline.Domain;
using Throughline.Domain.Budget;
using Throughline.Scheduling;

namespace Throughline.Reports.Budget;

/// <summary>
/// Earned value, run costs and burn of one project; <see cref="Cost"/> is empty when the project has no budget lines.
/// </summary>
public sealed record ProjectBudget(ProjectId Project, CostOutlook Cost, IReadOnlyList<BurnPoint> Burn, Money? Approved, DateOnly? ScheduledFinish)
{
    /// <summary>Earned value over the project's work lines; null when it has none.</summary>
    public EarnedValue? Value => Cost.Work;

    /// <summary>The project's run costs; null when every line is work.</summary>
    public RunCost? RunCosts => Cost.Run;
}

/// <summary>
/// Earned value over the work lines per project and rolled up to the program, the run costs beside it (lines outside
/// the plan's <c>earned-value.work-categories</c>), and burn chart data over both, from the budget lines, the work's
/// progress and the schedule (whose finish dates end the forecast line). Only lines in the program's currency count.
/// </summary>
public sealed record ProgramBudget(CostOutlook Cost, IReadOnlyList<BurnPoint> Burn, IReadOnlyList<ProjectBudget> Projects)
{
    /// <summary>The program's earned value over the work lines; null when it has none.</summary>
    public EarnedValue? Total => Cost.Work;

    /// <summary>The program's run costs; null when every line is work.</summary>
    public RunCost? RunCosts => Cost.Run;

    /// <summary>The categories of the run-cost lines, in plan order ("uncategorised" for lines without one); empty when every line is work.</summary>
    public IReadOnlyList<string> RunCategories { get; init; } = [];

    public static ProgramBudget Compute(Program program, ProgramSchedule schedule, DateOnly statusDate)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(schedule);
        var currency = program.Currency;
        var projects = new List<ProjectBudget>();
        foreach (var project in program.Projects)
        {
            var lines = program.Budget.Where(l => l.Project == project.Id).ToList();
            var finishes = program.WorkItems.Where(i => i.Project == project.Id && schedule.Items.ContainsKey(i.Id)).Select(i => schedule.Items[i.Id].Finish).ToList();
            DateOnly? finish = finishes.Count > 0 ? DateOnly.FromDateTime(finishes.Max()) : null;
            var cost = CostOutlook.Compute(currency, lines, WorkProgress.Of(program, project.Id), program.EarnedValue, statusDate);
            projects.Add(new ProjectBudget(project.Id, cost, cost.IsEmpty ? [] : EarnedValueCalculator.Burn(lines, cost, finish), project.Budget, finish));
        }

        var total = CostOutlook.RollUp(currency, statusDate, projects.Select(p => p.Cost));
        if (total.IsEmpty)
        {
            return new ProgramBudget(total, [], projects);
        }

        var budgeted = projects.Where(p => !p.Cost.IsEmpty).Select(p => p.Project).ToHashSet();
        var counted = program.Budget.Where(l => budgeted.Contains(l.Project)).ToList();
        var burn = EarnedValueCalculator.Burn(counted, total, DateOnly.FromDateTime(schedule.ProjectFinish));
        return new ProgramBudget(total, burn, projects)
        {
            RunCategories = [.. counted.Where(l => l.Planned.Currency == currency && !program.EarnedValue.IsWork(l)).Select(l => l.Category?.Trim() ?? "uncategorised").Distinct(StringComparer.OrdinalIgnoreCase)],
        };
    }
}
