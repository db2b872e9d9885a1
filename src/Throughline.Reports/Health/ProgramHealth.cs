using Throughline.Domain;
using Throughline.Domain.Governance;
using Throughline.Domain.Health;
using Throughline.Reports.Budget;

namespace Throughline.Reports.Health;

/// <summary>The four rules' verdicts for a program or a project, and the overall one (the worst, with every reason).</summary>
public sealed record AreaHealth(HealthVerdict Schedule, HealthVerdict Budget, HealthVerdict Risk, HealthVerdict Governance)
{
    public HealthVerdict Overall => HealthVerdict.Combine([Schedule, Budget, Risk, Governance]);

    public IEnumerable<(HealthArea Area, HealthVerdict Verdict)> Areas =>
        [(HealthArea.Schedule, Schedule), (HealthArea.Budget, Budget), (HealthArea.Risk, Risk), (HealthArea.Governance, Governance)];
}

/// <summary>
/// The health of the program and of each of its projects under the program's <see cref="HealthRules"/>. A project is
/// judged on its own commitments, its own earned value, the risks linked to its items and the decisions that block
/// them; status staleness is the program's.
/// </summary>
public sealed record ProgramHealth(AreaHealth Program, IReadOnlyDictionary<ProjectId, AreaHealth> Projects)
{
    public static ProgramHealth Assess(Program program, IReadOnlyList<CommitmentOutlook> commitments, ProgramBudget budget, IReadOnlyList<DecisionFinding> decisions, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(commitments);
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(decisions);
        var rules = program.Health;
        var whole = new AreaHealth(
            rules.Schedule.Assess(commitments),
            rules.Budget.Assess(budget.Total),
            rules.Risk.Assess(program.Risks, today, program.Units),
            rules.Governance.Assess(decisions, program.StatusDate, today));

        var projectOf = new Dictionary<WorkItemId, ProjectId>();
        foreach (var item in program.WorkItems)
        {
            projectOf.TryAdd(item.Id, item.Project);
        }

        bool Touches(IEnumerable<WorkItemId> items, ProjectId project) => items.Any(i => projectOf.TryGetValue(i, out var p) && p == project);
        var projects = new Dictionary<ProjectId, AreaHealth>();
        foreach (var project in program.Projects)
        {
            if (projects.ContainsKey(project.Id))
            {
                continue;
            }

            projects[project.Id] = new AreaHealth(
                rules.Schedule.Assess([.. commitments.Where(c => c.Project == project.Id)]),
                rules.Budget.Assess(budget.Projects.FirstOrDefault(b => b.Project == project.Id)?.Value),
                rules.Risk.Assess(program.Risks.Where(r => Touches(r.LinkedItems, project.Id)), today, program.Units),
                rules.Governance.Assess([.. decisions.Where(d => Touches(d.Blocks, project.Id))], program.StatusDate, today));
        }

        return new ProgramHealth(whole, projects);
    }
}
