using Throughline.Domain;
using Throughline.Domain.Risks;
using Throughline.Scheduling;

namespace Throughline.Reports.Risks;

/// <summary>
/// One entry of the risk register as the report shows it: the risk, its exposure, the projects whose commitments it
/// can reach (systemic when more than one), what it would do if it occurred, and its escalation, if any.
/// </summary>
public sealed record RiskAssessment(Risk Risk, RiskExposure Exposure, IReadOnlyList<ProjectId> ProjectsReached, RiskPropagation Propagation, RiskEscalation? Escalation)
{
    public bool IsSystemic => ProjectsReached.Count > 1;

    public bool IsLive => RiskExposure.IsLive(Risk);
}

/// <summary>Assesses a program's whole risk register (<see cref="RiskAssessment"/>), live risks first by exposure.</summary>
public static class RiskRegister
{
    /// <param name="propagate">Whether to reschedule with each live risk occurring (<see cref="RiskAssessment.Propagation"/>); without it every propagation is empty, which saves one schedule per risk.</param>
    public static IReadOnlyList<RiskAssessment> Assess(Program program, ProgramSchedule schedule, DateOnly statusDate, ProgramScheduleOptions? options = null, bool propagate = true)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(schedule);
        var reached = CrossProjectRisks.ProjectsReached(program);
        var policy = program.Health.Risk.Escalation;
        var assessments = new List<RiskAssessment>();
        foreach (var risk in program.Risks)
        {
            var live = RiskExposure.IsLive(risk);
            assessments.Add(new RiskAssessment(
                risk,
                RiskExposure.Of(risk),
                reached.GetValueOrDefault(risk.Id) ?? [],
                live && propagate ? RiskPropagator.Propagate(program, schedule, risk, options) : RiskPropagation.None(risk.Id),
                policy.Assess(risk, statusDate, program.EscalationPath, program.Units)));
        }

        return [.. assessments
            .OrderByDescending(a => a.IsLive)
            .ThenByDescending(a => a.Exposure.Schedule)
            .ThenByDescending(a => a.Exposure.Cost?.Amount ?? 0)
            .ThenBy(a => a.Risk.Id.Value, StringComparer.Ordinal)];
    }
}
