using Throughline.Scheduling.Leveling;

namespace Throughline.Scheduling.Tests.Leveling;

public class RcpspSolverTests
{
    private static readonly RcpspSolverOptions Small = new() { MaxSchedules = 500, Seed = 3, Threads = 1 };

    [Fact]
    public void Finds_the_optimum_of_a_small_instance_and_proves_it_with_the_energy_bound()
    {
        var instance = Instances.TightFive();

        var result = RcpspSolver.Solve(instance, Small);

        result.Makespan.ShouldBe(8);
        result.LowerBound.ShouldBe(8);
        result.ProvenOptimal.ShouldBeTrue();
        result.GapPercent.ShouldBe(0);
        RcpspFeasibility.Violations(instance, result.Starts).ShouldBeEmpty();
    }

    [Fact]
    public void Stops_as_soon_as_the_lower_bound_is_met()
    {
        var result = RcpspSolver.Solve(Instances.TightFive(), Small with { MaxSchedules = 1_000_000 });

        result.SchedulesGenerated.ShouldBeLessThan(1_000);
    }

    [Fact]
    public void The_critical_path_bound_is_reported_apart_from_the_best_bound()
    {
        var result = RcpspSolver.Solve(Instances.TightFive(), Small);

        // Longest chain: 2 then 5, 4 periods; the energy bound (8) is stronger.
        result.CriticalPathBound.ShouldBe(4);
    }

    [Fact]
    public void The_same_seed_gives_the_same_schedule_and_another_thread_count_still_a_feasible_one()
    {
        var instance = RandomInstances.Create(seed: 42, jobs: 30, resources: 3);

        var first = RcpspSolver.Solve(instance, Small with { MaxSchedules = 2_000 });
        var second = RcpspSolver.Solve(instance, Small with { MaxSchedules = 2_000 });
        var twoThreads = RcpspSolver.Solve(instance, Small with { MaxSchedules = 2_000, Threads = 2 });
        var twoThreadsAgain = RcpspSolver.Solve(instance, Small with { MaxSchedules = 2_000, Threads = 2 });

        second.Starts.ShouldBe(first.Starts);
        twoThreadsAgain.Starts.ShouldBe(twoThreads.Starts);
        RcpspFeasibility.Violations(instance, twoThreads.Starts).ShouldBeEmpty();
    }

    [Fact]
    public void Spends_exactly_the_schedule_budget_unless_it_proves_optimality_first()
    {
        // Some of these meet their lower bound early and stop; the others spend the whole budget.
        var results = Enumerable.Range(1, 8)
            .Select(seed => RcpspSolver.Solve(RandomInstances.Create(seed, jobs: 40, resources: 4), Small with { MaxSchedules = 1_000 }))
            .ToList();

        // The literature compares at equal schedule counts, so the last child's justification is cut to fit.
        results.ShouldAllBe(r => r.SchedulesGenerated <= 1_000);
        results.ShouldContain(r => !r.ProvenOptimal);
        results.Where(r => !r.ProvenOptimal).ShouldAllBe(r => r.SchedulesGenerated == 1_000);
    }

    [Fact]
    public void A_time_limit_alone_is_a_budget()
    {
        var instance = RandomInstances.Create(seed: 9, jobs: 20, resources: 2);

        var result = RcpspSolver.Solve(instance, new RcpspSolverOptions { MaxSchedules = null, TimeLimit = TimeSpan.FromMilliseconds(50), Threads = 1 });

        RcpspFeasibility.Violations(instance, result.Starts).ShouldBeEmpty();
    }

    [Fact]
    public void Without_any_budget_the_solver_refuses_to_start()
    {
        Should.Throw<ArgumentException>(() => RcpspSolver.Solve(Instances.TightFive(), new RcpspSolverOptions { MaxSchedules = null }));
    }

    [Fact]
    public void A_precedence_cycle_is_refused_with_the_instance_name()
    {
        var cyclic = new RcpspInstance("loop", [1, 1], [1], [1, 1], [(0, 1, 1), (1, 0, 1)]);

        Should.Throw<ArgumentException>(() => RcpspSolver.Solve(cyclic, Small)).Message.ShouldContain("loop");
    }

    [Fact]
    public void Negative_lags_and_capacity_profiles_still_give_feasible_schedules()
    {
        // Job 2 may start up to 2 periods before job 1 finishes (finish-to-start with a 2-period lead), and
        // the resource is down to 1 unit in periods 2-5.
        var instance = new RcpspInstance(
            "lead",
            [0, 4, 3, 2, 0],
            [2],
            [0, 1, 1, 2, 0],
            [(0, 1, 0), (0, 3, 0), (1, 2, 2), (2, 4, 3), (3, 4, 2)],
            [[2, 2, 1, 1, 1, 1]]);

        var result = RcpspSolver.Solve(instance, Small);

        RcpspFeasibility.Violations(instance, result.Starts).ShouldBeEmpty();
        result.Makespan.ShouldBeGreaterThanOrEqualTo(result.LowerBound);
    }
}
