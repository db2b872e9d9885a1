using Throughline.Domain.Diagnostics;

namespace Throughline.Domain.Tests.Diagnostics;

public class DependencyCyclesTests
{
    [Fact]
    public void Acyclic_graph_has_no_cycles() =>
        DependencyCycles.Find(4, [(0, 1), (1, 2), (0, 2), (2, 3)]).ShouldBeEmpty();

    [Fact]
    public void A_cycle_is_listed_in_edge_order_from_its_smallest_member() =>
        DependencyCycles.Find(5, [(3, 1), (1, 4), (4, 3), (0, 1)]).ShouldHaveSingleItem().ShouldBe([1, 4, 3]);

    [Fact]
    public void A_self_loop_is_a_cycle_of_one() =>
        DependencyCycles.Find(2, [(1, 1)]).ShouldHaveSingleItem().ShouldBe([1]);

    [Fact]
    public void Separate_cycles_are_each_reported() =>
        DependencyCycles.Find(6, [(0, 1), (1, 0), (3, 4), (4, 5), (5, 3)]).Count.ShouldBe(2);

    [Fact]
    public void The_reported_cycle_is_a_real_cycle_in_a_dense_component()
    {
        (int, int)[] edges = [(0, 1), (1, 2), (2, 0), (1, 3), (3, 0), (2, 3)];

        var cycle = DependencyCycles.Find(4, edges).ShouldHaveSingleItem();

        for (var i = 0; i < cycle.Count; i++)
        {
            edges.ShouldContain((cycle[i], cycle[(i + 1) % cycle.Count]));
        }
    }

    [Fact]
    public void A_long_chain_does_not_overflow_the_stack()
    {
        const int n = 200_000;
        var edges = Enumerable.Range(0, n - 1).Select(i => (i, i + 1)).Append((n - 1, 0)).ToList();

        DependencyCycles.Find(n, edges).ShouldHaveSingleItem().Count.ShouldBe(n);
    }
}
