using Throughline.Domain.Roles;

namespace Throughline.Domain.Tests.Roles;

/// <summary>The self-check on scripted answers whose profile can be worked out by hand.</summary>
public class SelfCheckScorerTests
{
    private static readonly SelfCheckLexicon Lexicon = new(
        [
            new("problem", "What problem are we solving?", Weights(pm: 1)),
            new("grow", "How do I grow these engineers?", Weights(em: 1)),
            new("together", "How will all these teams work together?", Weights(tpm: 1)),
            new("ship", "How do we ship on time?", Weights(em: 0.5, tpm: 0.5)),
        ],
        [
            new("prd", "Wrote a PRD", ["prd", "requirements"], Weights(pm: 1)),
            new("coaching", "Coached engineers", ["1:1", "coach"], Weights(em: 1)),
            new("deps", "Chased dependencies", ["dependenc", "cross-team"], Weights(tpm: 1)),
        ]);

    [Fact]
    public void A_tpm_shaped_set_of_answers_gives_the_profile_worked_out_by_hand()
    {
        var answers = new SelfCheckAnswers(
            new Dictionary<string, int> { ["problem"] = 1, ["grow"] = 3, ["together"] = 5, ["ship"] = 5 },
            [new("Ran the cross-team dependency review", Energising: true), new("coaching", Energising: false), new("Planned the offsite", Energising: true)]);

        var profile = SelfCheckScorer.Score(Lexicon, answers);

        // PM: problem rated 1 = 0.
        // EM: grow 3 -> 1 x 2/4 = 0.5; ship 5 -> 0.5 x 1 = 0.5; coaching done -> 1 x 0.5 = 0.5. Total 1.5.
        // TPM: together 5 -> 1; ship -> 0.5; dependencies energising -> 1. Total 2.5.
        profile.Scores.Select(s => (s.Role, s.Points)).ShouldBe(
        [
            (FunctionalRole.ProductManager, 0),
            (FunctionalRole.EngineeringManager, 1.5),
            (FunctionalRole.ProgramManager, 2.5),
        ]);
        profile.Scores.Select(s => s.Share).ShouldBe([0, 37.5, 62.5]);
        profile.Strongest.ShouldBe(FunctionalRole.ProgramManager);
        profile.UnrecognisedActivities.ShouldBe(["Planned the offsite"]);
        profile.Evidence.Single(e => e.Source == "\"Coached engineers\"").Why.ShouldBe("done, weight 1 x 0.5");
    }

    [Fact]
    public void Every_point_has_evidence_that_says_where_it_came_from()
    {
        var answers = new SelfCheckAnswers(new Dictionary<string, int> { ["together"] = 4 }, [new("Wrote the requirements and the PRD", Energising: true)]);

        var profile = SelfCheckScorer.Score(Lexicon, answers);

        profile.Evidence.Sum(e => e.Points).ShouldBe(profile.Scores.Sum(s => s.Points));
        var pm = profile.Evidence.Single(e => e.Role == FunctionalRole.ProductManager);
        pm.Points.ShouldBe(1);
        pm.Why.ShouldBe("Wrote a PRD (matched 'prd'): energising, weight 1 x 1");
        profile.Evidence.Single(e => e.Role == FunctionalRole.ProgramManager).Why.ShouldBe("rated 4/5 x weight 1");
    }

    [Fact]
    public void Free_text_goes_to_the_activity_with_the_most_keywords_and_an_id_wins_outright()
    {
        var lexicon = Lexicon with { Activities = [.. Lexicon.Activities, new("both", "Cross-team coaching", ["cross-team", "coach"], Weights(em: 1, tpm: 1))] };

        SelfCheckScorer.Match(lexicon, "cross-team coaching circle").Activity!.Id.ShouldBe("both");
        SelfCheckScorer.Match(lexicon, "cross-team sync").Activity!.Id.ShouldBe("deps");
        SelfCheckScorer.Match(lexicon, "PRD").Activity!.Id.ShouldBe("prd");
        SelfCheckScorer.Match(lexicon, "gardening").Activity.ShouldBeNull();
    }

    [Fact]
    public void No_answers_give_no_strongest_role()
    {
        var profile = SelfCheckScorer.Score(Lexicon, new SelfCheckAnswers(new Dictionary<string, int>(), []));

        profile.Strongest.ShouldBeNull();
        profile.Scores.ShouldAllBe(s => s.Share == 0);
    }

    private static Dictionary<FunctionalRole, double> Weights(double pm = 0, double em = 0, double tpm = 0)
    {
        var weights = new Dictionary<FunctionalRole, double>();
        if (pm > 0)
        {
            weights[FunctionalRole.ProductManager] = pm;
        }

        if (em > 0)
        {
            weights[FunctionalRole.EngineeringManager] = em;
        }

        if (tpm > 0)
        {
            weights[FunctionalRole.ProgramManager] = tpm;
        }

        return weights;
    }
}
