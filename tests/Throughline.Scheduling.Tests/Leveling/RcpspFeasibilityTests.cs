using Throughline.Scheduling.Leveling;

namespace Throughline.Scheduling.Tests.Leveling;

public class RcpspFeasibilityTests
{
    private static readonly RcpspInstance TwoJobs = Instances.FinishToStart(1, [(2, 1), (3, 1), (1, 0)], (0, 2));

    [Fact]
    public void A_schedule_that_respects_links_and_capacity_has_no_violations()
    {
        RcpspFeasibility.Violations(TwoJobs, [0, 2, 2]).ShouldBeEmpty();
        RcpspFeasibility.Makespan(TwoJobs, [0, 2, 2]).ShouldBe(5);
    }

    [Fact]
    public void A_successor_starting_before_its_predecessor_finishes_is_a_violation()
    {
        var violations = RcpspFeasibility.Violations(TwoJobs, [0, 2, 1]);

        violations.ShouldHaveSingleItem().ShouldContain("job 2 starts at 1");
    }

    [Fact]
    public void Two_jobs_overlapping_on_a_unit_resource_is_a_violation_per_period()
    {
        var violations = RcpspFeasibility.Violations(TwoJobs, [0, 1, 2]);

        violations.ShouldBe(["resource 0 uses 2 in period 1, capacity 1"]);
    }

    [Fact]
    public void A_capacity_profile_is_checked_period_by_period()
    {
        var instance = new RcpspInstance("dip", [2], [1], [1], [], [[1, 0, 1]]);

        RcpspFeasibility.Violations(instance, [0]).ShouldBe(["resource 0 uses 1 in period 1, capacity 0"]);
        RcpspFeasibility.Violations(instance, [2]).ShouldBeEmpty();
    }

    [Fact]
    public void A_negative_start_or_a_wrong_count_is_reported()
    {
        RcpspFeasibility.Violations(TwoJobs, [0, 2]).ShouldBe(["expected 3 start times, got 2"]);
        RcpspFeasibility.Violations(TwoJobs, [-1, 2, 2]).ShouldContain(v => v.Contains("before time 0"));
    }

    [Fact]
    public void An_instance_asking_more_than_capacity_is_refused_when_built()
    {
        Should.Throw<ArgumentException>(() => Instances.FinishToStart(1, [(1, 2)]))
            .Message.ShouldContain("no schedule exists");
    }
}
