using Throughline.Storage.Plans;

namespace Throughline.Storage.Tests.Plans;

public sealed class RevisionCacheTests
{
    [Fact]
    public void A_newer_revision_of_a_program_drops_everything_kept_for_older_ones()
    {
        var cache = new RevisionCache(1_000);
        cache.Set(1, 5, "snapshot", "at 5", 100);
        cache.Set(1, 5, "forecast", "forecast at 5", 100);
        cache.Set(2, 9, "snapshot", "other program", 100);

        cache.Set(1, 6, "snapshot", "at 6", 100);

        cache.TryGet(1, 5, "snapshot", out string _).ShouldBeFalse();
        cache.TryGet(1, 5, "forecast", out string _).ShouldBeFalse();
        cache.TryGet(1, 6, "snapshot", out string now).ShouldBeTrue();
        now.ShouldBe("at 6");
        cache.TryGet(2, 9, "snapshot", out string _).ShouldBeTrue();
        cache.Count.ShouldBe(2);
        cache.Bytes.ShouldBe(200);
    }

    [Fact]
    public void A_revision_older_than_the_newest_known_is_not_kept()
    {
        var cache = new RevisionCache(1_000);
        cache.Set(1, 6, "snapshot", "at 6", 100);

        cache.Set(1, 5, "snapshot", "late reader's 5", 100);

        cache.TryGet(1, 5, "snapshot", out string _).ShouldBeFalse();
        cache.TryGet(1, 6, "snapshot", out string _).ShouldBeTrue();
    }

    [Fact]
    public void Past_the_budget_the_least_recently_used_values_go_first()
    {
        var cache = new RevisionCache(300);
        cache.Set(1, 1, "snapshot", "one", 100);
        cache.Set(2, 1, "snapshot", "two", 100);
        cache.Set(3, 1, "snapshot", "three", 100);
        cache.TryGet(1, 1, "snapshot", out string _).ShouldBeTrue();

        cache.Set(4, 1, "snapshot", "four", 150);

        cache.Bytes.ShouldBeLessThanOrEqualTo(300);
        cache.TryGet(1, 1, "snapshot", out string _).ShouldBeTrue();
        cache.TryGet(2, 1, "snapshot", out string _).ShouldBeFalse();
        cache.TryGet(3, 1, "snapshot", out string _).ShouldBeFalse();
        cache.TryGet(4, 1, "snapshot", out string _).ShouldBeTrue();
    }

    [Fact]
    public void A_value_larger_than_the_whole_budget_is_not_kept_and_drops_nothing()
    {
        var cache = new RevisionCache(300);
        cache.Set(1, 1, "snapshot", "one", 100);

        cache.Set(2, 1, "snapshot", "huge", 301);

        cache.TryGet(2, 1, "snapshot", out string _).ShouldBeFalse();
        cache.TryGet(1, 1, "snapshot", out string _).ShouldBeTrue();
        cache.Bytes.ShouldBe(100);
    }

    [Fact]
    public void Many_revisions_of_many_programs_stay_within_the_budget()
    {
        var cache = new RevisionCache(10_000);
        for (var revision = 1; revision <= 500; revision++)
        {
            for (var program = 1; program <= 20; program++)
            {
                cache.Set(program, revision, "snapshot", revision, 700);
                cache.GetOrAdd(program, revision, ("forecast", 2000), () => revision * 2, _ => 300);
                cache.Bytes.ShouldBeLessThanOrEqualTo(10_000);
            }
        }

        cache.Count.ShouldBeLessThanOrEqualTo(20 * 2);
    }
}
