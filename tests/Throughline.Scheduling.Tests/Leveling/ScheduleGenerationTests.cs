using Throughline.Scheduling.Leveling;

namespace Throughline.Scheduling.Tests.Leveling;

public class ScheduleGenerationTests
{
    [Fact]
    public void The_serial_scheme_starts_each_job_at_the_first_period_with_room_for_its_whole_duration()
    {
        // Capacity 2: job 0 (demand 2, 2 periods), job 1 (demand 1, 3 periods), job 2 (demand 1, 1 period).
        var instance = Instances.FinishToStart(2, [(2, 2), (3, 1), (1, 1)]);
        var sgs = new SerialScheduleGenerator(new LevelingNetwork(instance));
        var starts = new int[3];

        var makespan = sgs.Forward([0, 1, 2], starts);

        starts.ShouldBe([0, 2, 2]);
        makespan.ShouldBe(5);
        sgs.Generated.ShouldBe(1);
    }

    [Fact]
    public void The_serial_scheme_honours_start_to_start_lags_and_capacity_profiles()
    {
        // Job 1 may start 1 period after job 0 starts (a start-to-start lag); capacity is 0 in periods 1 and 2.
        var instance = new RcpspInstance("lags", [1, 2], [1], [0, 1], [(0, 1, 1)], [[1, 0, 0]]);
        var sgs = new SerialScheduleGenerator(new LevelingNetwork(instance));
        var starts = new int[2];

        sgs.Forward([0, 1], starts);

        starts.ShouldBe([0, 3]);
        RcpspFeasibility.Violations(instance, starts).ShouldBeEmpty();
    }

    [Fact]
    public void The_backward_pass_right_justifies_jobs_against_the_makespan()
    {
        // 0 -> 1 and 0 -> 2; job 2 is short, so backward it ends flush with the makespan.
        var instance = Instances.FinishToStart(2, [(2, 1), (3, 1), (1, 1)], (0, 1), (0, 2));
        var network = new LevelingNetwork(instance);
        var sgs = new SerialScheduleGenerator(network);
        var reversed = new int[3];

        var length = sgs.Backward([1, 2, 0], reversed, makespan: 5);

        length.ShouldBe(5);

        // Forward start = makespan - (reversed start + duration): job 2 runs in period 4, job 1 in 2..4.
        (5 - (reversed[2] + 1)).ShouldBe(4);
        (5 - (reversed[1] + 3)).ShouldBe(2);
        (5 - (reversed[0] + 2)).ShouldBe(0);
    }

    [Fact]
    public void The_parallel_scheme_builds_a_non_delay_schedule()
    {
        // Capacity 2, three unit-demand jobs; priorities put job 2 first. Non-delay: two start at 0, one when room frees.
        var instance = Instances.FinishToStart(2, [(3, 1), (1, 1), (2, 1)]);
        var psgs = new ParallelScheduleGenerator(new LevelingNetwork(instance));
        var starts = new int[3];

        var makespan = psgs.Generate([2, 1, 0], starts);

        starts.ShouldBe([1, 0, 0]);
        makespan.ShouldBe(4);
    }

    [Fact]
    public void Justification_never_lengthens_a_schedule_and_shortens_this_one()
    {
        // A bad list leaves job 4 waiting behind job 1 (makespan 10); the optimum is 8, the energy bound
        // (15 units of work on capacity 2).
        var instance = Instances.TightFive();
        var network = new LevelingNetwork(instance);
        var sgs = new SerialScheduleGenerator(network);
        var justification = new Justification(network, sgs);
        var starts = new int[instance.JobCount];
        var order = new int[instance.JobCount];
        int[] list = [0, 2, 5, 1, 3, 4, 6];

        var before = sgs.Forward(list, starts);
        var after = justification.Improve(starts, before, order, maxRounds: 5);

        before.ShouldBe(10);
        after.ShouldBe(8);
        RcpspFeasibility.Violations(instance, starts).ShouldBeEmpty();
        var decoded = new int[instance.JobCount];
        sgs.Forward(order, decoded).ShouldBe(after);
    }
}
