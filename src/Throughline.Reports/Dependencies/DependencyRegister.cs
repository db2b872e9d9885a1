using Throughline.Domain;
using Throughline.Scheduling;
using Throughline.Scheduling.Calendars;

namespace Throughline.Reports.Dependencies;

/// <summary>Where a cross-team dependency stands: its provider done, on track, at risk (under a week of float) or late.</summary>
public enum DependencyStatus
{
    OnTrack,
    AtRisk,
    Late,
    Done,
}

/// <summary>
/// One cross-team dependency in the register: who provides what to whom, what the consumer needs it by, and the float
/// on the link: working days between the date the link releases the consumer (the provider's scheduled finish, or
/// start for SS/SF, plus the lag) and the need-by date (an explicit <c>need-by:</c>, else the consumer's latest start,
/// or latest finish for FF/SF).
/// </summary>
public sealed record DependencyEntry(
    Dependency Link,
    WorkItem Provider,
    TeamId? ProviderTeam,
    WorkItem Consumer,
    TeamId? ConsumerTeam,
    DateTime ReleasedAt,
    DateOnly NeedBy,
    bool NeedByAgreed,
    double FloatDays,
    DependencyStatus Status);

/// <summary>
/// The register of cross-team dependencies (provider and consumer items in different teams), the audit a TPM runs
/// before a planning review: <c>tl deps</c> and a section of the status report read it.
/// </summary>
public static class DependencyRegister
{
    /// <summary>Less float than this (working days) is at risk: one working week is what a slip usually takes to surface.</summary>
    public const double AtRiskBelowDays = 5;

    public static IReadOnlyList<DependencyEntry> Build(Program program, ProgramSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(schedule);
        var items = program.WorkItems.GroupBy(i => i.Id).ToDictionary(g => g.Key, g => g.First());
        var calendar = CompiledCalendar.Compile(
            program.Calendar is { } id && program.Calendars.FirstOrDefault(c => c.Id == id) is { } own ? own : Domain.Calendars.WorkingCalendar.Standard(new CalendarId("standard")),
            program.Calendars,
            program.Start);
        var minutesPerDay = (double)program.Units.MinutesPerDay;
        var register = new List<DependencyEntry>();
        foreach (var link in program.Dependencies)
        {
            if (!items.TryGetValue(link.Predecessor, out var provider) || !items.TryGetValue(link.Successor, out var consumer)
                || !schedule.Items.TryGetValue(provider.Id, out var from) || !schedule.Items.TryGetValue(consumer.Id, out var to))
            {
                continue;
            }

            var providerTeam = WorkItemTeam.Of(program, provider);
            var consumerTeam = WorkItemTeam.Of(program, consumer);
            if (providerTeam == consumerTeam)
            {
                continue;
            }

            var fromStart = link.Type is DependencyType.StartToStart or DependencyType.StartToFinish;
            var toFinish = link.Type is DependencyType.FinishToFinish or DependencyType.StartToFinish;
            var gate = fromStart ? from.Start : from.Finish;
            var gatePosition = link.Lag.Kind switch
            {
                LagKind.Working => calendar.PositionOf(gate) + link.Lag.Amount,
                LagKind.Elapsed => calendar.PositionOf(gate.AddMinutes(link.Lag.Amount)),
                LagKind.PercentOfPredecessor => calendar.PositionOf(gate) + (long)Math.Round(link.Lag.Amount * from.DurationMinutes / 100.0),
            };
            var needBy = link.NeedBy ?? DateOnly.FromDateTime(toFinish ? to.LateFinish : to.LateStart);
            var needPosition = link.NeedBy is { } agreed
                ? calendar.PositionOf(agreed.ToDateTime(TimeOnly.MinValue))
                : calendar.PositionOf(toFinish ? to.LateFinish : to.LateStart);
            var floatDays = Math.Round((needPosition - gatePosition) / minutesPerDay, 1);
            var status = provider.Status == WorkItemStatus.Done ? DependencyStatus.Done
                : floatDays < 0 ? DependencyStatus.Late
                : floatDays < AtRiskBelowDays ? DependencyStatus.AtRisk
                : DependencyStatus.OnTrack;
            register.Add(new DependencyEntry(link, provider, providerTeam, consumer, consumerTeam, calendar.ToStartDate(gatePosition), needBy, link.NeedBy is not null, floatDays, status));
        }

        return register.OrderBy(e => e.Status == DependencyStatus.Done).ThenBy(e => e.FloatDays).ThenBy(e => e.Provider.Id.Value, StringComparer.Ordinal).ThenBy(e => e.Consumer.Id.Value, StringComparer.Ordinal).ToList();
    }
}
