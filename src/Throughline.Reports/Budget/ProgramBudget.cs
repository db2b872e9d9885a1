using Throughline.Domain;
using Throughline.Domain.Budget;
using Throughline.Scheduling;

namespace Throughline.Reports.Budget;

/// <summary>Earned value and burn of one project; <see cref="Value"/> is null when the project has no budget lines.</summary>
public sealed record ProjectBudget(ProjectId Project, EarnedValue? Value, IReadOnlyList<BurnPoint> Burn, Money? Approved, DateOnly? ScheduledFinish);

/// <summary>
/// Earned value per project and rolled up to the program, with burn chart data, from the budget lines, the work's
/// progress and the schedule (whose finish dates end the forecast line). Only lines in the program's currency count.
/// </summary>
public sealed record ProgramBudget(EarnedValue? Total, IReadOnlyList<BurnPoint> Burn, IReadOnlyList<ProjectBudget> Projects)
{
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
            if (!lines.Any(l => l.Planned.Currency == currency))
            {
                projects.Add(new ProjectBudget(project.Id, null, [], project.Budget, finish));
                continue;
            }

            var value = EarnedValueCalculator.Compute(currency, lines, WorkProgress.Of(program, project.Id), statusDate);
            projects.Add(new ProjectBudget(project.Id, value, EarnedValueCalculator.Burn(lines, value, finish), project.Budget, finish));
        }

        var valued = projects.Where(p => p.Value is not null).ToList();
        if (valued.Count == 0)
        {
            return new ProgramBudget(null, [], projects);
        }

        var total = EarnedValue.RollUp(currency, statusDate, valued.Select(p => p.Value!));
        var budgeted = valued.Select(p => p.Project).ToHashSet();
        var burn = EarnedValueCalculator.Burn([.. program.Budget.Where(l => budgeted.Contains(l.Project))], total, DateOnly.FromDateTime(schedule.ProjectFinish));
        return new ProgramBudget(total, burn, projects);
    }
}
