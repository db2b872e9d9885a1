using Throughline.Domain;
using static Throughline.Scheduling.Tests.TestCalendars;

namespace Throughline.Scheduling.Tests;

public partial class CriticalPathTests
{
    [Fact]
    public void A_forward_pass_with_other_durations_reuses_the_network_and_the_buffers()
    {
        var net = new Net();
        var a = net.Task(1);
        var b = net.Task(1);
        net.Link(a, b);
        var network = net.Builder.Build();
        var buffers = new ForwardBuffers(network);

        var finish = CriticalPath.ForwardPass(network, [2 * Net.Day, 3 * Net.Day], buffers);

        buffers.EarlyFinishDateOf(b).ShouldBe(At(8, 17));
        network.Calendars[0].DateOf(finish).ShouldBe(At(8, 17));
        CriticalPath.ForwardPass(network, [Net.Day, Net.Day], buffers);
        buffers.EarlyFinishDateOf(b).ShouldBe(At(5, 17));
        CriticalPath.Schedule(network).EarlyFinishDate(b).ShouldBe(At(5, 17));
    }

    [Fact]
    public void Durations_of_the_wrong_length_are_refused()
    {
        var net = new Net();
        net.Task(1);
        var network = net.Builder.Build();

        Should.Throw<ArgumentException>(() => CriticalPath.Schedule(network, [1, 2]));
    }

    [Fact]
    public void Slack_across_calendars_is_counted_on_each_task_calendar()
    {
        // a (standard, 1d) -> b (round the clock, 10h); c (standard, 3d) sets the finish, Wednesday 17:00.
        var net = new Net(Standard(), TwentyFourSeven());
        var a = net.Task(1);
        var b = net.Builder.AddTask(600, calendar: 1);
        var c = net.Task(3);
        net.Link(a, b);

        var result = net.Schedule();

        result.EarlyFinishDate(b).ShouldBe(At(5, 3));
        result.LateFinishDate(b).ShouldBe(At(6, 17));
        result.TotalSlack(b).ShouldBe((2 * 24 * 60) - (10 * 60));
        // b must start by Wednesday 07:00, which on the standard calendar means a finishes by Tuesday 17:00.
        result.LateFinishDate(a).ShouldBe(At(5, 17));
        result.TotalSlack(a).ShouldBe(Net.Day);
        result.TotalSlack(c).ShouldBe(0);
    }
}

public class ForwardPassAllocationTests
{
    [Fact]
    public void A_forward_pass_into_reused_buffers_allocates_nothing()
    {
        // The example has four calendars, summaries, constraints, progress and a status date: every branch a Monte
        // Carlo iteration takes, including the per-calendar project finish and the finish-date convention.
        var program = Throughline.Interop.Plan.PlanReader.ReadFile(Path.Combine(Throughline.Testing.RepoPaths.Examples, "cloud-migration.tl.yaml")).Program!;
        var network = ProgramNetwork.Build(program).Network;
        network.Calendars.Count.ShouldBeGreaterThan(1);
        var durations = new long[network.TaskCount];
        for (var t = 0; t < durations.Length; t++)
        {
            durations[t] = network.DurationOf(t) * 3 / 2;
        }

        var buffers = new ForwardBuffers(network);
        var expected = CriticalPath.ForwardPass(network, durations, buffers);   // warm up (JIT, statics)
        Sum(network, buffers);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var finish = CriticalPath.ForwardPass(network, durations, buffers);
        var sum = Sum(network, buffers);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.ShouldBe(0);
        finish.ShouldBe(expected);
        sum.ShouldBeGreaterThan(0);
    }

    private static long Sum(ScheduleNetwork network, ForwardBuffers buffers)
    {
        var sum = 0L;
        for (var t = 0; t < network.TaskCount; t++)
        {
            sum += ScheduleResult.EarlyFinishInstant(network, buffers.EarlyStart, buffers.EarlyFinish, buffers.Driver, buffers.Why, t);
        }

        return sum;
    }
}
