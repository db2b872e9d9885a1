using Throughline.Domain;
using Throughline.Domain.Diagnostics;
using Throughline.Domain.Roles;
using Throughline.Interop.Roles;
using Throughline.Testing;

namespace Throughline.Interop.Tests.Roles;

public class SelfCheckFilesTests
{
    [Fact]
    public void The_built_in_lexicon_is_the_documented_file_and_reads_without_problems()
    {
        var file = Path.Combine(RepoPaths.Root, SelfCheckFiles.DefaultLexiconPath);
        var read = SelfCheckFiles.ReadLexicon(File.ReadAllText(file), file);

        read.Diagnostics.ShouldBeEmpty(string.Join(Environment.NewLine, read.Diagnostics));
        var lexicon = SelfCheckFiles.DefaultLexicon();
        lexicon.Statements.Count.ShouldBe(read.Value!.Statements.Count);
        lexicon.Statements.Select(s => s.Text).ShouldContain("How do I grow these engineers?");
        lexicon.Statements.Select(s => s.Text).ShouldContain("How will all these teams work together?");
        foreach (var role in Responsibilities.OwningRoles)
        {
            lexicon.Statements.ShouldContain(s => s.Weights.ContainsKey(role));
            lexicon.Activities.ShouldContain(a => a.Weights.ContainsKey(role));
        }
    }

    [Fact]
    public void The_example_answers_give_the_profile_they_were_written_for()
    {
        var lexicon = SelfCheckFiles.DefaultLexicon();
        var read = SelfCheckFiles.ReadAnswersFile(Path.Combine(RepoPaths.Examples, "role-answers.yaml"), lexicon);

        read.Diagnostics.ShouldBeEmpty(string.Join(Environment.NewLine, read.Diagnostics));
        var profile = SelfCheckScorer.Score(lexicon, read.Value!);

        profile.Strongest.ShouldBe(FunctionalRole.ProgramManager);
        profile.Scores.Select(s => s.Points).ShouldBe([1.75, 5, 7.75]);
        profile.UnrecognisedActivities.ShouldBe(["Organised the team offsite"]);
    }

    [Fact]
    public void Written_answers_read_back_to_the_same_answers()
    {
        var lexicon = SelfCheckFiles.DefaultLexicon();
        var original = SelfCheckFiles.ReadAnswersFile(Path.Combine(RepoPaths.Examples, "role-answers.yaml"), lexicon).Value!;

        var reread = SelfCheckFiles.ReadAnswers(SelfCheckFiles.WriteAnswers(original), "saved.yaml", lexicon);

        reread.Diagnostics.ShouldBeEmpty();
        reread.Value!.Name.ShouldBe(original.Name);
        reread.Value.Ratings.ShouldBe(original.Ratings);
        reread.Value.Activities.ShouldBe(original.Activities);
    }

    [Fact]
    public void An_unknown_statement_is_reported_where_it_is_written_with_the_closest_id()
    {
        var read = SelfCheckFiles.ReadAnswers("statements:\n  grow-engineer: 4\n", "answers.yaml", SelfCheckFiles.DefaultLexicon());

        var diagnostic = read.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe(DiagnosticCodes.UndefinedReference);
        diagnostic.Location.ShouldBe(new SourceLocation("answers.yaml", 2, 3));
        diagnostic.Message.ShouldContain("did you mean 'grow-engineers'?");
    }

    [Theory]
    [InlineData("6")]
    [InlineData("0")]
    [InlineData("3.5")]
    [InlineData("a lot")]
    public void A_rating_outside_1_to_5_is_refused(string rating)
    {
        var read = SelfCheckFiles.ReadAnswers($"statements:\n  grow-engineers: {rating}\n", "answers.yaml", SelfCheckFiles.DefaultLexicon());

        read.HasErrors.ShouldBeTrue();
        read.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe(DiagnosticCodes.InvalidValue);
    }

    [Fact]
    public void A_lexicon_entry_without_weights_or_with_a_negative_weight_is_refused()
    {
        var read = SelfCheckFiles.ReadLexicon("statements:\n  - { id: a, text: A }\n  - { id: b, text: B, weights: { pm: -1 } }\n", "lexicon.yaml");

        read.Diagnostics.Select(d => d.Code).ShouldBe([DiagnosticCodes.MissingField, DiagnosticCodes.InvalidValue]);
    }
}
