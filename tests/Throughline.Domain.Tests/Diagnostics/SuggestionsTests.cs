using Throughline.Domain.Diagnostics;

namespace Throughline.Domain.Tests.Diagnostics;

public class SuggestionsTests
{
    [Theory]
    [InlineData("estimat", "estimate")]
    [InlineData("dpeends-on", "depends-on")]
    [InlineData("Name", "name")]
    public void A_likely_typo_gets_the_intended_name(string typo, string intended) =>
        Suggestions.Closest(typo, ["estimate", "depends-on", "name", "effort"]).ShouldBe(intended);

    [Fact]
    public void A_word_unlike_any_candidate_gets_no_suggestion() =>
        Suggestions.Closest("budget", ["estimate", "depends-on", "name"]).ShouldBeNull();
}
