using System.Globalization;
using System.Text;
using Throughline.Domain;
using Throughline.Domain.Health;
using Throughline.Reports.Charts;
using Throughline.Reports.Risks;
using static Throughline.Reports.ReportFormat;

namespace Throughline.Reports.Markdown;

/// <summary>
/// Writes a <see cref="StatusReport"/> as GitHub-flavoured Markdown: the executive summary first, then one section per
/// project; the critical path as a Mermaid gantt, which GitHub and common wikis draw.
/// </summary>
public static class MarkdownStatusReport
{
    public static string Write(StatusReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        var program = report.Program;
        md.Line($"# {program.Name}: status report");
        md.Line();
        var status = program.StatusDate is { } s ? $"progress as of {Date(s)}" : "no status date in the plan";
        md.Line($"Report date {Date(report.Today)} · {status} · sponsor {report.PersonName(program.Sponsor)}");
        md.Line();

        md.Line("## Executive summary");
        md.Line();
        Health(md, report.Health.Program.Overall, report.Health.Program.Areas, "Overall health");
        Commitment(md, report);
        Upcoming(md, report);
        Changes(md, report);
        TopRisks(md, report);
        Decisions(md, report);
        Blocked(md, report);
        Budget(md, report);

        md.Line("### Critical path");
        md.Line();
        md.Append(MermaidGantt.Render(report.CriticalPath));
        md.Line();

        md.Line("## Projects");
        md.Line();
        foreach (var project in report.Projects)
        {
            Project(md, report, project);
        }

        return md.ToString();
    }

    private static void Health(StringBuilder md, HealthVerdict overall, IEnumerable<(HealthArea Area, HealthVerdict Verdict)> areas, string title)
    {
        md.Line($"**{title}: {Dot(overall.Colour)} {Word(overall.Colour)}**");
        md.Line();
        md.Line("| Area | Health | Why |");
        md.Line("|---|---|---|");
        foreach (var (area, verdict) in areas)
        {
            md.Line($"| {Area(area)} | {Dot(verdict.Colour)} {Word(verdict.Colour)} | {Cell(string.Join(" ", verdict.Deciding.Select(r => r.Text)))} |");
        }

        md.Line();
    }

    private static void Commitment(StringBuilder md, StatusReport report)
    {
        md.Line("### Committed dates and forecast");
        md.Line();
        md.Line($"**{Headline(report.Outlook)}**");
        if (report.FinalCommitment is { } final && final.Id != report.WorstCommitment?.Id)
        {
            md.Line();
            md.Line($"Final commitment **{final.Name}**: committed {Date(final.Committed)}, scheduled {Date(final.ScheduledFinish)} (buffer {Slack(final.BufferDays)}){(final.ForecastP80 is { } p80 ? $", P80 {Date(p80)}, {Chance(final)} chance on time" : string.Empty)}.");
        }

        md.Line();
        md.Line(report.Forecast is { } f
            ? $"Program end: scheduled {Date(report.ScheduledFinish)}, forecast P50 {Date(f.ProgramEnd.P50)}, P80 {Date(f.ProgramEnd.P80)} ({f.Iterations.ToString("#,0", CultureInfo.InvariantCulture)} simulations)."
            : "No forecast was run: commitments are judged on their buffer.");
        md.Line();
        if (report.Commitments.Count > 0)
        {
            md.Line("| Commitment | Project | Committed | Scheduled | Buffer | Total slack | P50 | P80 | P95 | On time |");
            md.Line("|---|---|---|---|---|---|---|---|---|---|");
            foreach (var c in report.Commitments)
            {
                md.Line($"| {Cell(c.Name)} | {Cell(report.ProjectName(c.Project))} | {Date(c.Committed)} | {Date(c.ScheduledFinish)} | {Slack(c.BufferDays)} | {TotalSlack(c.TotalSlackDays)} | {Date(c.ForecastP50)} | {Date(c.ForecastP80)} | {Date(c.ForecastP95)} | {Chance(c)} |");
            }

            md.Line();
            md.Line("Buffer: working days from the scheduled finish to the committed date. Total slack: how far it can slip without moving the program end or breaking a constraint (Microsoft Project's measure). A pinned date is forecast by the work that drives it.");
            md.Line();
        }
    }

    private static void Upcoming(StringBuilder md, StatusReport report)
    {
        md.Line($"### Milestones in the next {report.LookAheadDays} days");
        md.Line();
        if (report.NextMilestones.Count == 0)
        {
            md.Line($"None due before {Date(report.Today.AddDays(report.LookAheadDays))}.");
            md.Line();
            return;
        }

        md.Line("| Date | Milestone | Project | Committed | Buffer |");
        md.Line("|---|---|---|---|---|");
        foreach (var m in report.NextMilestones)
        {
            var flag = m.IsLate ? " ⚠️ late" : m.IsCritical ? " (critical)" : string.Empty;
            md.Line($"| {Date(m.Finish)} | {Cell(m.Name)}{flag} | {Cell(report.ProjectName(m.Project))} | {Date(m.Committed)} | {Buffer(m.BufferDays)} |");
        }

        md.Line();
    }

    private static void Changes(StringBuilder md, StatusReport report)
    {
        md.Line(report.BaselineName is { } name ? $"### What changed since {Cell(name)}" : "### What changed");
        md.Line();
        if (report.Changes is not { } changes)
        {
            md.Line("No baseline given (`tl report FILE --since LAST_REPORT.tl.yaml` lists slips, new and closed risks and decisions made).");
            md.Line();
            return;
        }

        if (changes.IsEmpty)
        {
            md.Line("Nothing changed: no milestone moved, no risk raised or closed, no decision made.");
            md.Line();
            return;
        }

        var finish = changes.ProgramFinish;
        md.Line($"- Program finish: {Date(DateOnly.FromDateTime(finish.OldFinish))} → {Date(DateOnly.FromDateTime(finish.NewFinish))} ({SignedDays(finish.WorkingDaysMoved)} working days)");
        foreach (var move in changes.MilestonesMoved)
        {
            var verb = move.WorkingMinutesMoved > 0 ? "slipped" : "pulled in";
            var late = move.BecameLate ? $", now misses its committed date {Date(move.Committed)}" : string.Empty;
            md.Line($"- {Cell(move.Name)} {verb} {Days(Math.Abs(move.WorkingDaysMoved))} working days ({Date(DateOnly.FromDateTime(move.OldFinish))} → {Date(DateOnly.FromDateTime(move.NewFinish))}){late}");
        }

        foreach (var line in changes.CommitmentLines)
        {
            md.Line($"- {Cell(line)}");
        }

        foreach (var risk in changes.NewRisks)
        {
            md.Line($"- New risk: {Cell(risk.Title)} ({risk.Probability}, {risk.ScheduleImpact.Format(report.Program.Units)})");
        }

        foreach (var risk in changes.ClosedRisks)
        {
            md.Line($"- Closed risk: {Cell(risk.Title)}");
        }

        foreach (var decision in changes.DecisionsMade)
        {
            var outcome = decision.Outcome is { } o ? $": {o}" : string.Empty;
            md.Line($"- Decided: {Cell(decision.Question)}{Cell(outcome)}");
        }

        md.Line();
    }

    private static void TopRisks(StringBuilder md, StatusReport report)
    {
        md.Line("### Top risks");
        md.Line();
        if (report.TopRisks.Count == 0)
        {
            md.Line("No open risks.");
            md.Line();
            return;
        }

        md.Line("| # | Risk | Owner | Exposure | Reaches | If it occurs | Escalation |");
        md.Line("|---|---|---|---|---|---|---|");
        var n = 0;
        foreach (var r in report.TopRisks)
        {
            md.Line($"| {++n} | {Cell(r.Risk.Title)}{(r.IsSystemic ? " **(systemic)**" : string.Empty)} | {Cell(report.PersonName(r.Risk.Owner))} | {Exposure(report, r)} | {Cell(Reaches(report, r))} | {Cell(Effect(report, r))} | {Cell(Escalation(r))} |");
        }

        md.Line();
    }

    private static void Decisions(StringBuilder md, StatusReport report)
    {
        md.Line("### Decisions needed");
        md.Line();
        if (report.DecisionsNeeded.Count == 0)
        {
            md.Line("No open decisions.");
            md.Line();
            return;
        }

        md.Line("| Decision | Decider | Forum | Due | Blocks | Recommendation |");
        md.Line("|---|---|---|---|---|---|");
        foreach (var d in report.DecisionsNeeded)
        {
            var due = d.IsOverdue ? $"{Date(d.Decision.Due)} ⚠️ {d.DaysOverdue} days overdue" : Date(d.Decision.Due);
            var escalated = d.EscalatedTo is { } level ? $"; escalated to {level.Name}" : string.Empty;
            var blocks = d.Blocks.Count == 0 ? "–" : string.Join(", ", d.Blocks.Select(report.ItemName)) + (d.BlocksCritical.Count > 0 ? " (critical path)" : string.Empty);
            var forum = d.Decision.Forum is { } f ? report.Program.Forums.FirstOrDefault(x => x.Id == f)?.Name ?? f.Value : "–";
            md.Line($"| {Cell(d.Decision.Question)} | {Cell(report.PersonName(d.Decision.Decider))} | {Cell(forum)} | {due}{Cell(escalated)} | {Cell(blocks)} | {Cell(d.Decision.Recommendation ?? "–")} |");
        }

        md.Line();
    }

    private static void Blocked(StringBuilder md, StatusReport report)
    {
        md.Line("### Blocked work");
        md.Line();
        if (report.Blocked.Count == 0)
        {
            md.Line("Nothing is blocked.");
            md.Line();
            return;
        }

        md.Line("| Work | Project | Blocked by |");
        md.Line("|---|---|---|");
        foreach (var b in report.Blocked)
        {
            md.Line($"| {Cell(b.Name)}{(b.IsCritical ? " (critical)" : string.Empty)} | {Cell(report.ProjectName(b.Project))} | {Cell(string.Join("; ", b.Blockers))} |");
        }

        md.Line();
    }

    private static void Budget(StringBuilder md, StatusReport report)
    {
        md.Line("### Budget and earned value");
        md.Line();
        var budget = report.Budget;
        if (budget.Cost.IsEmpty)
        {
            md.Line("The plan has no budget lines.");
            md.Line();
            return;
        }

        foreach (var note in report.Outlook.BudgetNotes)
        {
            md.Line($"- ⚠️ {note}");
        }

        if (report.Outlook.BudgetNotes.Count > 0)
        {
            md.Line();
        }

        var total = budget.Total;
        if (budget.RunCosts is not { } run)
        {
            md.Line($"As of {Date(total!.StatusDate)}, in {total.Currency}. {Accrual(total)}");
            md.Line();
            ValueTable(md, report, total);
            return;
        }

        md.Line($"As of {Date(budget.Cost.StatusDate)}, in {budget.Cost.Currency}. {SplitRule(report)} {(total is null ? string.Empty : Accrual(total))}{RunAccrual(run)}".TrimEnd());
        md.Line();
        if (total is null)
        {
            md.Line("No budget line is in the work categories: there is no earned value to measure.");
            md.Line();
        }
        else
        {
            ValueTable(md, report, total);
        }

        md.Line("| Run costs | Budget | Planned to date | Actual | Forecast at completion | Variance |");
        md.Line("|---|---|---|---|---|---|");
        foreach (var p in budget.Projects.Where(p => p.RunCosts is not null))
        {
            md.Line(RunRow(report.ProjectName(p.Project), p.RunCosts!));
        }

        md.Line(RunRow("**Program**", run));
        md.Line();
        md.Line("| At completion | Budget | Forecast | Variance |");
        md.Line("|---|---|---|---|");
        if (total is not null)
        {
            md.Line($"| Work (EAC) | {Money(total.BudgetAtCompletion)} | {Money(total.EstimateAtCompletion)} | {Money(total.VarianceAtCompletion)} |");
        }

        md.Line($"| Run costs | {Money(run.Budget)} | {Money(run.ForecastAtCompletion)} | {Money(run.VarianceAtCompletion)} |");
        md.Line($"| **Total** | {Money(budget.Cost.Budget)} | {Money(budget.Cost.ForecastAtCompletion)} | {Money(budget.Cost.VarianceAtCompletion)} |");
        md.Line();
    }

    private static void ValueTable(StringBuilder md, StatusReport report, Domain.Budget.EarnedValue total)
    {
        // The first column is headed "Work" only when run costs are reported beside it.
        md.Line((report.Budget.RunCosts is null ? "|" : "| Work") + " | BAC | PV | EV | AC | SV | CV | SPI | CPI | EAC | ETC | VAC | TCPI |");
        md.Line("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var p in report.Budget.Projects.Where(p => p.Value is not null))
        {
            md.Line(ValueRow(report.ProjectName(p.Project), p.Value!));
        }

        md.Line(ValueRow("**Program**", total));
        md.Line();
    }

    private static string RunAccrual(Domain.Budget.RunCost run) => run.AccruedCost > 0
        ? $" Run-cost actuals include {Money(run.AccruedCost)} accrued at plan."
        : string.Empty;

    private static string RunRow(string name, Domain.Budget.RunCost r) =>
        $"| {Cell(name)} | {Money(r.Budget)} | {Money(r.PlannedToDate)} | {Money(r.Actual)} | {Money(r.ForecastAtCompletion)} | {Money(r.VarianceAtCompletion)} |";

    private static string ValueRow(string name, Domain.Budget.EarnedValue v) =>
        $"| {Cell(name)} | {Money(v.BudgetAtCompletion)} | {Money(v.PlannedValue)} | {Money(v.EarnedValueAmount)} | {Money(v.ActualCost)} | {Money(v.ScheduleVariance)} | {Money(v.CostVariance)} | {Index(v.SchedulePerformanceIndex)} | {Index(v.CostPerformanceIndex)} | {Money(v.EstimateAtCompletion)} | {Money(v.EstimateToComplete)} | {Money(v.VarianceAtCompletion)} | {Index(v.ToCompletePerformanceIndex)} |";

    private static void Project(StringBuilder md, StatusReport report, ProjectSection section)
    {
        var overall = section.Health.Overall;
        md.Line($"### {section.Project.Name}");
        md.Line();
        md.Line($"Product manager {Cell(section.ProductManager)} · engineering manager {Cell(section.EngineeringManager)} · TPM {Cell(section.Tpm)}{(section.Team is { } t ? $" · team {Cell(t)}" : string.Empty)}");
        md.Line();
        md.Line($"**Health: {Dot(overall.Colour)} {Word(overall.Colour)}**");
        md.Line();
        foreach (var (area, verdict) in section.Health.Areas)
        {
            md.Line($"- {Area(area)}: {Dot(verdict.Colour)} {Word(verdict.Colour)}. {Cell(string.Join(" ", verdict.Deciding.Select(r => r.Text)))}");
        }

        md.Line();
        if (section.Milestones.Count > 0)
        {
            md.Line("| Milestone | Scheduled | Committed | Buffer | P80 | On time |");
            md.Line("|---|---|---|---|---|---|");
            foreach (var m in section.Milestones)
            {
                md.Line($"| {Cell(m.Name)}{(m.IsDone ? " ✅" : string.Empty)} | {Date(m.Finish)} | {Date(m.Committed)} | {(m.IsDone ? "done" : Buffer(m.BufferDays))} | {Date(m.ForecastP80)} | {Percent(m.ProbabilityOnTime)}{(m.Pinned ? " (pinned)" : string.Empty)} |");
            }

            md.Line();
        }

        if (section.Risks.Count > 0)
        {
            md.Line("| Risk | Status | Owner | Exposure | If it occurs |");
            md.Line("|---|---|---|---|---|");
            foreach (var r in section.Risks)
            {
                md.Line($"| {Cell(r.Risk.Title)}{(r.IsSystemic ? " **(systemic)**" : string.Empty)} | {r.Risk.Status.ToString().ToLowerInvariant()} | {Cell(report.PersonName(r.Risk.Owner))} | {(r.IsLive ? Exposure(report, r) : "–")} | {Cell(r.IsLive ? Effect(report, r) : "–")} |");
            }

            md.Line();
        }

        if (section.Budget is { RunCosts: null, Value: { } value })
        {
            md.Line($"Budget: {Money(value.BudgetAtCompletion)} {value.Currency} planned, {Money(value.ActualCost)} spent, {Percent(value.PercentComplete)} of the work earned; CPI {Index(value.CostPerformanceIndex)}, SPI {Index(value.SchedulePerformanceIndex)}, forecast at completion {Money(value.EstimateAtCompletion)}.");
            md.Line();
        }
        else if (section.Budget is { RunCosts: { } run } split)
        {
            if (split.Value is { } work)
            {
                md.Line($"Work: {Money(work.BudgetAtCompletion)} {work.Currency} planned, {Money(work.ActualCost)} spent, {Percent(work.PercentComplete)} earned; CPI {Index(work.CostPerformanceIndex)}, SPI {Index(work.SchedulePerformanceIndex)}, forecast at completion {Money(work.EstimateAtCompletion)}.");
                md.Line();
            }

            md.Line($"Run costs: {Money(run.Budget)} {run.Currency} planned, {Money(run.Actual)} spent, forecast at completion {Money(run.ForecastAtCompletion)}. Total forecast at completion {Money(split.Cost.ForecastAtCompletion)} against a budget of {Money(split.Cost.Budget)}.");
            md.Line();
        }
    }

    internal static string Exposure(StatusReport report, RiskAssessment r)
    {
        var days = $"{Days(r.Exposure.ScheduleDays(report.Program.Units))} d";
        return r.Exposure.Cost is { } cost ? $"{days}, {Money(cost.Amount)} {cost.Currency}" : days;
    }

    internal static string Reaches(StatusReport report, RiskAssessment r) =>
        r.ProjectsReached.Count == 0 ? "no commitment" : string.Join(", ", r.ProjectsReached.Select(report.ProjectName));

    internal static string Effect(StatusReport report, RiskAssessment r)
    {
        var p = r.Propagation;
        if (r.Risk.ScheduleImpact.Minutes <= 0)
        {
            return "no schedule impact (cost only)";
        }

        if (p.Milestones.Count == 0 && p.ProgramFinishDays <= 0)
        {
            return "absorbed by slack";
        }

        var worst = p.Milestones.Take(3).Select(m => $"{m.Name} {SignedDays(m.Days)}{(m.BecomesLate ? " (misses commitment)" : string.Empty)}");
        var more = p.Milestones.Count > 3 ? $" and {p.Milestones.Count - 3} more" : string.Empty;
        var teams = p.Teams.Count > 0 ? $"; teams: {string.Join(", ", p.Teams.Select(t => report.Program.Teams.FirstOrDefault(x => x.Id == t)?.Name ?? t.Value))}" : string.Empty;
        var end = p.ProgramFinishDays > 0 ? $"; program end {SignedDays(p.ProgramFinishDays)}" : string.Empty;
        return $"{string.Join(", ", worst)}{more}{end}{teams}";
    }

    internal static string Escalation(RiskAssessment r) =>
        r.Escalation is { } e ? $"{e.Level?.Name ?? "escalate"}: {string.Join("; ", e.Reasons)}" : "–";

    /// <summary>A table cell's text: pipes escaped, on one line.</summary>
    private static string Cell(string text) =>
        text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static void Line(this StringBuilder md, string text = "") => md.Append(text).Append('\n');
}
