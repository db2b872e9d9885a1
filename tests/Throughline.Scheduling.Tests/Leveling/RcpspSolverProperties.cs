using FsCheck;
using FsCheck.Fluent;
using Throughline.Scheduling.Leveling;

namespace Throughline.Scheduling.Tests.Leveling;

/// <summary>
/// Invariants of leveling on random instances: whatever the instance, the solver's schedule breaks no link and
/// no capacity, and its makespan is never below the bounds it reports.
/// </summary>
public class RcpspSolverProperties
{
    private static readonly Arbitrary<(int Seed, int Jobs, int Resources, bool Lags, bool Profiles)> Specs =
        (from seed in Gen.Choose(0, int.MaxValue)
         from jobs in Gen.Choose(1, 40)
         from resources in Gen.Choose(1, 4)
         from lags in Gen.Elements(false, true)
         from profiles in Gen.Elements(false, true)
         select (seed, jobs, resources, lags, profiles)).ToArbitrary();

    private static RcpspResult Solve(RcpspInstance instance) =>
        RcpspSolver.Solve(instance, new RcpspSolverOptions { MaxSchedules = 200, Seed = 1, Threads = 1 });

    [Fact]
    public void No_schedule_breaks_a_link_or_a_capacity() =>
        Prop.ForAll(Specs, spec =>
        {
            var instance = RandomInstances.Create(spec.Seed, spec.Jobs, spec.Resources, spec.Lags, spec.Profiles);
            return RcpspFeasibility.Violations(instance, Solve(instance).Starts).Count == 0;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void The_makespan_is_never_below_the_bounds_and_matches_the_starts() =>
        Prop.ForAll(Specs, spec =>
        {
            var instance = RandomInstances.Create(spec.Seed, spec.Jobs, spec.Resources, spec.Lags, spec.Profiles);
            var result = Solve(instance);
            return result.Makespan >= result.LowerBound
                && result.LowerBound >= result.CriticalPathBound
                && result.Makespan == RcpspFeasibility.Makespan(instance, result.Starts);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void A_schedule_with_all_demands_dropped_is_the_critical_path() =>
        Prop.ForAll(Specs, spec =>
        {
            var loaded = RandomInstances.Create(spec.Seed, spec.Jobs, spec.Resources, spec.Lags);
            var links = Enumerable.Range(0, loaded.JobCount)
                .SelectMany(j => Enumerable.Range(loaded.SuccessorStart[j], loaded.SuccessorStart[j + 1] - loaded.SuccessorStart[j])
                    .Select(k => (j, loaded.Successors[k], loaded.SuccessorLags[k])))
                .ToList();
            var free = new RcpspInstance("free", loaded.Durations.ToArray(), Enumerable.Repeat(1, loaded.ResourceCount).ToArray(), new int[loaded.JobCount * loaded.ResourceCount], links);
            var result = Solve(free);
            return result.Makespan == result.CriticalPathBound && result.ProvenOptimal;
        }).QuickCheckThrowOnFailure();
}
