using Throughline.Domain;

namespace Throughline.Scheduling;

/// <summary>An overdue open decision as a task of the network: it starts at the status date and lasts its expected lag; the work it blocks follows it.</summary>
/// <param name="Task">The gate's task index (set once added to the network).</param>
/// <param name="Gated">Indices in <see cref="Program.WorkItems"/> of the work it blocks.</param>
internal sealed record DecisionGate(DecisionId Decision, Estimate Lag, IReadOnlyList<int> Gated, int Task = -1);

/// <summary>
/// Decisions as gates for the work that waits on them (an item's <c>waits-on</c>, a decision's <c>blocks</c>), so the
/// schedule and the forecast see them the same way. An open decision holds that work until its due date (a
/// start-no-earlier-than); a decided one until its decided-on date. An open decision already overdue at the status
/// date becomes a task starting then and lasting the plan's <see cref="ForecastSettings.DecisionLag"/> (most likely in
/// the schedule, sampled in the forecast). Deferred and cancelled decisions gate nothing; neither does finished or
/// started work, nor a decision without a date.
/// </summary>
internal static class DecisionGates
{
    public sealed record Result(IReadOnlyDictionary<int, DateTime> Floors, IReadOnlyList<DecisionGate> Overdue);

    /// <param name="reported">The last reported day (the status date), or null when the plan has none: nothing is then overdue.</param>
    public static Result Of(Program program, IReadOnlyDictionary<WorkItemId, int> index, bool[] cancelled, DateOnly? reported)
    {
        var floors = new Dictionary<int, DateTime>();
        var overdue = new List<DecisionGate>();
        var waiting = new Dictionary<DecisionId, List<int>>();
        for (var i = 0; i < program.WorkItems.Count; i++)
        {
            foreach (var d in program.WorkItems[i].WaitsOn)
            {
                if (!waiting.TryGetValue(d, out var list))
                {
                    waiting[d] = list = [];
                }

                list.Add(i);
            }
        }

        var seen = new HashSet<DecisionId>();
        foreach (var decision in program.Decisions)
        {
            if (!seen.Add(decision.Id))
            {
                continue;
            }

            DateOnly? date = decision.Status switch
            {
                DecisionStatus.Open => decision.Due,
                DecisionStatus.Decided => decision.DecidedOn,
                DecisionStatus.Deferred or DecisionStatus.Cancelled => null,
            };
            if (date is not { } gate)
            {
                continue;
            }

            var gated = decision.Blocks.Select(b => index.TryGetValue(b, out var i) ? i : -1)
                .Concat(waiting.GetValueOrDefault(decision.Id) ?? [])
                .Where(i => i >= 0 && !cancelled[i] && Open(program.WorkItems[i]))
                .Distinct()
                .Order()
                .ToList();
            if (gated.Count == 0)
            {
                continue;
            }

            if (decision.Status == DecisionStatus.Open && reported is { } status && gate < status)
            {
                overdue.Add(new DecisionGate(decision.Id, program.Forecast.DecisionLag ?? ForecastSettings.DefaultDecisionLag(program.Units), gated));
                continue;
            }

            var start = gate.ToDateTime(TimeOnly.MinValue);
            foreach (var i in gated)
            {
                floors[i] = floors.TryGetValue(i, out var other) && other > start ? other : start;
            }
        }

        return new Result(floors, overdue);
    }

    /// <summary>
    /// <paramref name="constraint"/> with a start-no-earlier-than floor: as soon as possible becomes start no earlier
    /// than the floor, and an earlier start-no-earlier-than rises to it; other constraints are the plan's own choice
    /// and win.
    /// </summary>
    public static Constraint WithFloor(Constraint constraint, DateTime floor) => constraint.Type switch
    {
        ConstraintType.AsSoonAsPossible => new Constraint(ConstraintType.StartNoEarlierThan, floor),
        ConstraintType.StartNoEarlierThan when constraint.Date is not { } d || d < floor => new Constraint(ConstraintType.StartNoEarlierThan, floor),
        _ => constraint,
    };

    /// <summary>Work a decision can still hold: not finished and not started.</summary>
    private static bool Open(WorkItem item) =>
        item.Status is not (WorkItemStatus.Done or WorkItemStatus.Cancelled) && item.Progress.ActualStart is null && item.Progress.ActualFinish is null && item.Progress.PercentComplete <= 0;
}
