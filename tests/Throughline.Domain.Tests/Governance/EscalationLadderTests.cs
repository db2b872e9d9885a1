using Throughline.Domain.Governance;

namespace Throughline.Domain.Tests.Governance;

public class EscalationLadderTests
{
    // Level 1 has a day to act, level 2 two days, level 3 five.
    private static readonly EscalationLevel[] Path =
    [
        new(2, "VP Engineering") { ResponseHours = 48 },
        new(1, "Program TPM") { ResponseHours = 24 },
        new(3, "Steering committee") { ResponseHours = 120 },
    ];

    [Theory]
    [InlineData(0, "Program TPM")]
    [InlineData(23, "Program TPM")]
    [InlineData(24, "VP Engineering")]
    [InlineData(71, "VP Engineering")]
    [InlineData(72, "Steering committee")]
    [InlineData(1000, "Steering committee")]
    public void An_issue_climbs_a_level_each_time_a_level_s_response_time_runs_out(int hoursOverdue, string expected)
    {
        EscalationLadder.LevelAfter(Path, TimeSpan.FromHours(hoursOverdue))!.Name.ShouldBe(expected);
    }

    [Fact]
    public void Days_overdue_are_counted_from_the_due_date()
    {
        EscalationLadder.LevelAfter(Path, new DateOnly(2027, 3, 5), new DateOnly(2027, 3, 7))!.Name.ShouldBe("VP Engineering");
    }

    [Fact]
    public void No_escalation_path_gives_no_level()
    {
        EscalationLadder.LevelAfter([], TimeSpan.FromDays(3)).ShouldBeNull();
    }
}
