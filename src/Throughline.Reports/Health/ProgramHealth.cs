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
/// judged on its own commitments and those its work drives, its own earned value, the risks linked to its items and the decisions that block
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
                ScheduleOf(rules.Schedule, project.Id, commitments),
                rules.Budget.Assess(budget.Projects.FirstOrDefault(b => b.Project == project.Id)?.Value),
                rules.Risk.Assess(program.Risks.Where(r => Touches(r.LinkedItems, project.Id)), today, program.Units),
                rules.Governance.Assess([.. decisions.Where(d => Touches(d.Blocks, project.Id))], program.StatusDate, today));
        }

        return new ProgramHealth(whole, projects);
    }

    /// <summary>The least share of a commitment's driving chain a project must own to be judged on that commitment.</summary>
    public const double FeedingShare = 0.25;

    /// <summary>
    /// A project's schedule verdict: its own commitments, and the commitments of other projects whose driving chain
    /// it owns at least <see cref="FeedingShare"/> of (by unfinished working time), so a team whose work drives
    /// another team's date is judged on it.
    /// </summary>
    private static HealthVerdict ScheduleOf(ScheduleHealth rule, ProjectId project, IReadOnlyList<CommitmentOutlook> commitments)
    {
        var own = commitments.Where(c => c.Project == project).ToList();
        var fed = commitments
            .Where(c => c.Project != project)
            .Select(c => (Commitment: c, Share: c.DrivingProjects.FirstOrDefault(d => d.Project == project).Share))
            .Where(x => x.Share >= FeedingShare)
            .ToList();
        if (fed.Count == 0)
        {
            return rule.Assess(own);
        }

        var reasons = own.Count > 0 ? [.. rule.Assess(own).Reasons] : new List<HealthReason>();
        foreach (var (c, share) in fed)
        {
            var judged = rule.Judge(c);
            reasons.Add(judged with { Text = $"Owns {(share * 100).ToString("0", System.Globalization.CultureInfo.InvariantCulture)}% of the driving path to {c.Name}: {judged.Text}" });
        }

        return new HealthVerdict(reasons);
    }
}
