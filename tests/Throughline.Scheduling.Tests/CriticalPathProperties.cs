using FsCheck;
using FsCheck.Fluent;
using Throughline.Domain;
using Throughline.Scheduling.Calendars;

namespace Throughline.Scheduling.Tests;

/// <summary>
/// Invariants of the engine on random acyclic networks (mixed link types; working, elapsed and percent lags;
/// holidays; two calendars; summaries). These found two real bugs: a summary's finish rolled up across calendars
/// could land before its gate's floor, and a summary's late bounds were not the inverse of its gate's links.
/// </summary>
public class CriticalPathProperties
{
    private static readonly CompiledCalendar[] Calendars =
    [
        TestCalendars.Standard(new DateOnly(2024, 3, 6), new DateOnly(2024, 3, 15), new DateOnly(2024, 4, 1)),
        TestCalendars.TwentyFourSeven(),
    ];

    private static readonly Arbitrary<(int Seed, int Size, bool Mixed)> Networks =
        (from seed in Gen.Choose(0, int.MaxValue)
         from size in Gen.Choose(1, 60)
         from mixed in Gen.Elements(false, true)
         select (seed, size, mixed)).ToArbitrary();

    [Fact]
    public void No_successor_starts_or_finishes_before_its_link_allows() =>
        Prop.ForAll(Networks, spec =>
        {
            var (network, links) = Random(spec);
            var result = CriticalPath.Schedule(network);
            foreach (var (from, to, type, lag) in links)
            {
                var source = Calendars[network.CalendarOf(from)];
                var target = Calendars[network.CalendarOf(to)];
                var fromStart = type is DependencyType.StartToStart or DependencyType.StartToFinish;
                var sourceDate = fromStart ? source.ToStartDate(result.EarlyStart(from)) : source.ToFinishDate(result.EarlyFinish(from));
                var minutes = lag.Kind == LagKind.PercentOfPredecessor
                    ? (long)Math.Round(lag.Amount * (result.EarlyFinish(from) - result.EarlyStart(from)) / 100.0, MidpointRounding.AwayFromZero)
                    : lag.Amount;
                var required = lag.Kind == LagKind.Elapsed ? target.PositionOf(sourceDate.AddMinutes(minutes)) : target.PositionOf(sourceDate) + minutes;
                var actual = type is DependencyType.FinishToFinish or DependencyType.StartToFinish ? result.EarlyFinish(to) : result.EarlyStart(to);
                if (actual < required)
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Total_slack_is_never_negative_without_constraints_and_free_slack_never_exceeds_it() =>
        Prop.ForAll(Networks, spec =>
        {
            var (network, _) = Random(spec);
            var result = CriticalPath.Schedule(network);
            return network.Cycles.Count == 0 && Enumerable.Range(0, network.TaskCount).All(t => result.TotalSlack(t) >= 0 && result.FreeSlack(t) <= result.TotalSlack(t) && result.FreeSlack(t) >= 0);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void The_critical_path_spans_the_project_from_start_to_finish() =>
        Prop.ForAll(Networks, spec =>
        {
            var (network, _) = Random(spec with { Mixed = false });
            var result = CriticalPath.Schedule(network);
            var path = result.CriticalPath;
            var calendar = Calendars[0];
            var projectStart = calendar.PositionOf(TestCalendars.At(4, 8));
            var chained = path.Zip(path.Skip(1)).All(p => result.DrivingPredecessor(p.Second) == p.First);
            return path.Count > 0
                && result.EarlyStart(path[0]) == projectStart
                && result.Driver(path[0]) == StartDriver.ProjectStart
                && calendar.FinishInstant(result.EarlyFinish(path[^1])) == result.ProjectFinishInstant
                && chained
                && path.All(t => result.TotalSlack(t) == 0);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Rerunning_with_other_durations_leaves_the_network_and_earlier_results_unchanged()
    {
        var (network, _) = Random((7, 40, true));
        var first = CriticalPath.Schedule(network);
        var finish = first.ProjectFinishInstant;
        var longer = Enumerable.Range(0, network.TaskCount).Select(t => network.DurationOf(t) * 2).ToArray();

        var second = CriticalPath.Schedule(network, longer);
        var buffers = new ForwardBuffers(network);
        var forwardOnly = CriticalPath.ForwardPass(network, longer, buffers);

        second.ProjectFinishInstant.ShouldBeGreaterThan(finish);
        forwardOnly.ShouldBe(second.ProjectFinishInstant);
        first.ProjectFinishInstant.ShouldBe(finish);
        CriticalPath.Schedule(network).ProjectFinishInstant.ShouldBe(finish);
    }

    /// <summary>Tasks in index order; each may link to a few earlier ones, so the network is acyclic. "Mixed" puts some tasks on the round-the-clock calendar and uses every link and lag kind.</summary>
    private static (ScheduleNetwork Network, List<(int From, int To, DependencyType Type, Lag Lag)> Links) Random((int Seed, int Size, bool Mixed) spec)
    {
        var random = new Random(spec.Seed);
        var builder = new ScheduleNetworkBuilder(Calendars, TestCalendars.At(4, 8));
        var links = new List<(int, int, DependencyType, Lag)>();
        var parents = new List<int>();
        var blockParent = -1;
        var blockLeft = 0;
        for (var t = 0; t < spec.Size; t++)
        {
            var duration = random.Next(4) == 0 ? 0 : random.Next(1, 5 * 480);
            builder.AddTask(duration, spec.Mixed && random.Next(4) == 0 ? 1 : 0);

            // Mixed networks also have summaries, each with the next one to three tasks as children. Keeping a
            // summary's children right after it means a link out of it (always to a later task) cannot come back
            // into one of its children, which would be a cycle.
            if (blockLeft > 0)
            {
                parents.Add(blockParent);
                builder.SetParent(t, blockParent);
                blockLeft--;
            }
            else
            {
                parents.Add(-1);
                if (spec.Mixed && random.Next(6) == 0)
                {
                    blockParent = t;
                    blockLeft = random.Next(1, 4);
                }
            }

            var count = t == 0 ? 0 : random.Next(4);
            for (var k = 0; k < count; k++)
            {
                var from = random.Next(t);
                if (IsAncestor(parents, from, t))
                {
                    continue;
                }

                var type = spec.Mixed ? (DependencyType)random.Next(4) : DependencyType.FinishToStart;
                var lag = !spec.Mixed ? Lag.None : random.Next(5) switch
                {
                    0 => new Lag(random.Next(-960, 960), LagKind.Working),
                    1 => Lag.Elapsed(random.Next(-2880, 2880)),
                    2 => Lag.Percent(random.Next(-100, 150)),
                    _ => Lag.None,
                };
                builder.AddLink(from, t, type, lag);
                links.Add((from, t, type, lag));
            }
        }

        return (builder.Build(), links);
    }

    private static bool IsAncestor(List<int> parents, int ancestor, int task)
    {
        for (var p = parents[task]; p >= 0; p = parents[p])
        {
            if (p == ancestor)
            {
                return true;
            }
        }

        return false;
    }
}
