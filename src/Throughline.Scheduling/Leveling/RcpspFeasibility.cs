namespace Throughline.Scheduling.Leveling;

/// <summary>
/// An independent check of a schedule: every precedence lag met and no resource over its capacity in any period.
/// It shares no code with the solver, so a solver bug cannot hide behind it.
/// </summary>
public static class RcpspFeasibility
{
    /// <summary>Returns every violation as a sentence; empty when the schedule is feasible.</summary>
    public static IReadOnlyList<string> Violations(RcpspInstance instance, IReadOnlyList<int> starts)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(starts);
        var problems = new List<string>();
        if (starts.Count != instance.JobCount)
        {
            problems.Add($"expected {instance.JobCount} start times, got {starts.Count}");
            return problems;
        }

        var horizon = 0;
        for (var j = 0; j < instance.JobCount; j++)
        {
            if (starts[j] < 0)
            {
                problems.Add($"job {j} starts at {starts[j]}, before time 0");
            }

            horizon = Math.Max(horizon, starts[j] + instance.Duration(j));
            for (var k = instance.SuccessorStart[j]; k < instance.SuccessorStart[j + 1]; k++)
            {
                var s = instance.Successors[k];
                if (starts[s] < starts[j] + instance.SuccessorLags[k])
                {
                    problems.Add($"job {s} starts at {starts[s]} but must start at least {instance.SuccessorLags[k]} after job {j} (at {starts[j]})");
                }
            }
        }

        for (var r = 0; r < instance.ResourceCount; r++)
        {
            var use = new long[horizon + 1];
            for (var j = 0; j < instance.JobCount; j++)
            {
                var demand = instance.Demand(j, r);
                if (demand == 0 || starts[j] < 0)
                {
                    continue;
                }

                for (var t = starts[j]; t < starts[j] + instance.Duration(j); t++)
                {
                    use[t] += demand;
                }
            }

            for (var t = 0; t < horizon; t++)
            {
                if (use[t] > instance.CapacityAt(r, t))
                {
                    problems.Add($"resource {r} uses {use[t]} in period {t}, capacity {instance.CapacityAt(r, t)}");
                }
            }
        }

        return problems;
    }

    /// <summary>The makespan of a schedule: the latest finish of any job.</summary>
    public static int Makespan(RcpspInstance instance, IReadOnlyList<int> starts)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(starts);
        var makespan = 0;
        for (var j = 0; j < instance.JobCount; j++)
        {
            makespan = Math.Max(makespan, starts[j] + instance.Duration(j));
        }

        return makespan;
    }
}
