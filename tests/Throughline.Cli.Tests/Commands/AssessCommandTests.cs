using Throughline.Testing;

namespace Throughline.Cli.Tests.Commands;

public sealed class AssessCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("tl-assess-").FullName;

    [Fact]
    public void The_example_answers_show_the_distribution_and_the_evidence_behind_each_score()
    {
        var (exitCode, output, error) = TlRunner.Run("roles", "assess", "--answers", Path.Combine(RepoPaths.Examples, "role-answers.yaml"));

        exitCode.ShouldBe(0, error);
        output.ShouldContain("Role profile: Marta Kowalski");
        output.ShouldContain("Strongest pattern: TPM");
        output.ShouldContain("│ TPM                 │ 7.75   │ 53%   │");
        output.ShouldContain("Evidence for Engineering manager");
        output.ShouldContain("+1 \"How will all these teams work together?\" rated 5/5 x weight 1");
        output.ShouldContain("Not recognised");
        output.ShouldContain("Organised the team offsite");
    }

    [Fact]
    public void Without_a_terminal_or_answers_it_says_how_to_give_answers_and_exits_1()
    {
        var (exitCode, _, error) = TlRunner.Run("roles", "assess");

        exitCode.ShouldBe(1);
        error.ShouldContain("--answers FILE");
    }

    [Fact]
    public void Bad_answers_are_reported_with_their_location_and_exit_2()
    {
        var file = Write("answers.yaml", "statements:\n  grow-engineers: 9\n");

        var (exitCode, _, error) = TlRunner.Run("roles", "assess", "--answers", file);

        exitCode.ShouldBe(2);
        error.ShouldContain($"{file}:2:19: error TL1004");
    }

    [Fact]
    public void An_edited_lexicon_replaces_the_built_in_one()
    {
        var lexicon = Write("lexicon.yaml", "statements:\n  - { id: build, text: I love building things, weights: { em: 1 } }\nactivities: []\n");
        var answers = Write("answers.yaml", "statements:\n  build: 5\n");

        var (exitCode, output, error) = TlRunner.Run("roles", "assess", "--answers", answers, "--lexicon", lexicon);

        exitCode.ShouldBe(0, error);
        output.ShouldContain("Strongest pattern: Engineering manager");
        output.ShouldContain("I love building things");
    }

    [Fact]
    public void Asked_interactively_the_answers_are_what_was_typed_and_marked()
    {
        var lexicon = Throughline.Interop.Roles.SelfCheckFiles.DefaultLexicon();
        using var output = new StringWriter();
        var console = new ScriptedConsole(output);
        console.Line("5");                                   // the first statement: 5
        for (var i = 1; i < lexicon.Statements.Count; i++)
        {
            console.Line();                                  // the rest: the default, 3
        }

        console.Press(ConsoleKey.Spacebar).Press(ConsoleKey.DownArrow).Press(ConsoleKey.Spacebar).Press(ConsoleKey.Enter);   // did the first two activities
        console.Press(ConsoleKey.DownArrow).Press(ConsoleKey.Spacebar).Press(ConsoleKey.Enter);                             // the second gave energy
        console.Line("Ran the cutover rehearsal").Line("y");  // one more in my own words, energising
        console.Line();                                      // done

        var answers = Throughline.Cli.Commands.AssessCommand.Ask(console, lexicon);

        answers.Ratings[lexicon.Statements[0].Id].ShouldBe(5);
        answers.Ratings.Values.Skip(1).ShouldAllBe(r => r == 3);
        answers.Activities.ShouldBe(
        [
            new Throughline.Domain.Roles.ActivityAnswer(lexicon.Activities[0].Id, false),
            new Throughline.Domain.Roles.ActivityAnswer(lexicon.Activities[1].Id, true),
            new Throughline.Domain.Roles.ActivityAnswer("Ran the cutover rehearsal", true),
        ]);
        output.ToString().ShouldContain(lexicon.Statements[0].Text);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, string text)
    {
        var file = Path.Combine(folder, name);
        File.WriteAllText(file, text);
        return file;
    }
}
