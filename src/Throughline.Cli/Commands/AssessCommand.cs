using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Throughline.Domain;
using Throughline.Domain.Roles;
using Throughline.Interop.Roles;

namespace Throughline.Cli.Commands;

/// <summary>
/// <c>tl roles assess</c>: the role self-check. Interactive on a terminal (Spectre prompts), or from an answers file
/// with <c>--answers FILE</c>; either way the answers are scored by <see cref="SelfCheckScorer"/> against the lexicon
/// (built in, or <c>--lexicon FILE</c>) and shown with the evidence behind each score.
/// </summary>
internal static class AssessCommand
{
    public static Command Create()
    {
        var answers = new Option<FileInfo?>("--answers") { Description = "Read the answers from a YAML file (see examples/role-answers.yaml) instead of asking" };
        var lexicon = new Option<FileInfo?>("--lexicon") { Description = $"Use an edited statements and activity lexicon file (default: the built-in {SelfCheckFiles.DefaultLexiconPath})" };
        var save = new Option<FileInfo?>("--save") { Description = "Write the answers given interactively to a file, to run them again with --answers" };
        var command = new Command("assess", "Self-check: rate what energises you and list what you did; see how it maps to product manager, engineering manager and TPM")
        {
            answers,
            lexicon,
            save,
        };
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            var console = Terminal.For(parse.InvocationConfiguration.Output);
            var words = LoadLexicon(parse.GetValue(lexicon), error);
            if (words is null)
            {
                return ExitCodes.InvalidInput;
            }

            SelfCheckAnswers? given;
            if (parse.GetValue(answers) is { } file)
            {
                var read = SelfCheckFiles.ReadAnswersFile(file.ToString(), words);
                foreach (var diagnostic in read.Diagnostics)
                {
                    error.WriteLine(diagnostic.ToString());
                }

                given = read.HasErrors ? null : read.Value;
                if (given is null)
                {
                    return ExitCodes.InvalidInput;
                }
            }
            else if (console.Profile.Capabilities.Interactive)
            {
                given = Ask(console, words);
                if (parse.GetValue(save) is { } keep)
                {
                    File.WriteAllText(keep.FullName, SelfCheckFiles.WriteAnswers(given));
                    console.MarkupLine($"[grey]Answers saved to {Markup.Escape(keep.ToString())}; run them again with --answers.[/]");
                }
            }
            else
            {
                error.WriteLine("tl roles assess: not a terminal, so nothing can be asked; give the answers with --answers FILE (see examples/role-answers.yaml)");
                return ExitCodes.Usage;
            }

            Render(console, SelfCheckScorer.Score(words, given), given.Name);
            return ExitCodes.Success;
        });
        return command;
    }

    private static SelfCheckLexicon? LoadLexicon(FileInfo? file, TextWriter error)
    {
        if (file is null)
        {
            return SelfCheckFiles.DefaultLexicon();
        }

        if (!file.Exists)
        {
            error.WriteLine($"{file}:1:1: error TL1001: file not found: {file}");
            return null;
        }

        var read = SelfCheckFiles.ReadLexicon(File.ReadAllText(file.FullName), file.ToString());
        foreach (var diagnostic in read.Diagnostics)
        {
            error.WriteLine(diagnostic.ToString());
        }

        return read.HasErrors ? null : read.Value;
    }

    internal static SelfCheckAnswers Ask(IAnsiConsole console, SelfCheckLexicon lexicon)
    {
        console.Write(new Rule("[bold]Role self-check[/]").LeftJustified());
        console.MarkupLine("Rate each question by how much thinking about it [bold]energises[/] you: 1 drains me, 3 neutral, 5 energises me.");
        var ratings = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var statement in lexicon.Statements)
        {
            ratings[statement.Id] = console.Prompt(new TextPrompt<int>(Markup.Escape(statement.Text))
                .DefaultValue(3)
                .Validate(r => r is >= 1 and <= 5 ? ValidationResult.Success() : ValidationResult.Error("[red]1 to 5[/]")));
        }

        var done = console.Prompt(new MultiSelectionPrompt<LexiconActivity>()
            .Title("Which of these did you do in the last 12 to 24 months? ([grey]space to mark, enter to go on[/])")
            .NotRequired()
            .PageSize(20)
            .UseConverter(a => Markup.Escape(a.Text))
            .AddChoices(lexicon.Activities));
        var energising = done.Count == 0 ? [] : console.Prompt(new MultiSelectionPrompt<LexiconActivity>()
            .Title("And which of those gave you [bold]energy[/]?")
            .NotRequired()
            .PageSize(20)
            .UseConverter(a => Markup.Escape(a.Text))
            .AddChoices(done));
        var activities = done.Select(a => new ActivityAnswer(a.Id, energising.Contains(a))).ToList();
        while (true)
        {
            var text = console.Prompt(new TextPrompt<string>("Anything else you did, in your own words ([grey]enter to finish[/])").AllowEmpty());
            if (string.IsNullOrWhiteSpace(text))
            {
                break;
            }

            activities.Add(new ActivityAnswer(text.Trim(), console.Confirm("Did it give you energy?", defaultValue: false)));
        }

        return new SelfCheckAnswers(ratings, activities);
    }

    internal static void Render(IAnsiConsole console, RoleProfile profile, string? name)
    {
        console.Write(new Rule($"[bold]Role profile{(name is null ? string.Empty : ": " + Markup.Escape(name))}[/]").LeftJustified());
        var chart = new BarChart().Width(60);
        var colours = new[] { Color.Green, Color.Blue, Color.Yellow };
        for (var i = 0; i < profile.Scores.Count; i++)
        {
            var score = profile.Scores[i];
            chart.AddItem(Label(score.Role), Math.Round(score.Share, 1), colours[i % colours.Length]);
        }

        console.Write(chart);
        var table = new Table().AddColumns("Role", "Points", "Share");
        foreach (var score in profile.Scores)
        {
            table.AddRow(Label(score.Role), score.Points.ToString("0.##", CultureInfo.InvariantCulture), $"{score.Share.ToString("0", CultureInfo.InvariantCulture)}%");
        }

        console.Write(table);
        if (profile.Strongest is { } strongest)
        {
            console.MarkupLine($"Strongest pattern: [bold]{Label(strongest)}[/]. This is a conversation starter about what energises you, not a verdict.");
        }

        foreach (var role in Responsibilities.OwningRoles)
        {
            var evidence = profile.Evidence.Where(e => e.Role == role).ToList();
            if (evidence.Count == 0)
            {
                continue;
            }

            console.WriteLine();
            console.MarkupLine($"[bold]Evidence for {Label(role)}[/]");
            foreach (var item in evidence)
            {
                console.MarkupLine($"  +{item.Points.ToString("0.##", CultureInfo.InvariantCulture)} {Markup.Escape(item.Source)} [grey]{Markup.Escape(item.Why)}[/]");
            }
        }

        if (profile.UnrecognisedActivities.Count > 0)
        {
            console.WriteLine();
            console.MarkupLine("[bold]Not recognised[/] (no keyword in the lexicon matched; they count for nothing):");
            foreach (var text in profile.UnrecognisedActivities)
            {
                console.MarkupLine($"  - {Markup.Escape(text)}");
            }
        }

        console.WriteLine();
        console.MarkupLine($"[grey]How the scores are made: a statement rated r gives weight x (r - 1) / 4; an activity done gives weight x {SelfCheckScorer.DonePoints.ToString(CultureInfo.InvariantCulture)}, one that gave energy weight x {SelfCheckScorer.EnergisingPoints.ToString(CultureInfo.InvariantCulture)}; each share is the role's points over all points. Weights and keywords: {SelfCheckFiles.DefaultLexiconPath}.[/]");
    }

    private static string Label(FunctionalRole role) => role switch
    {
        FunctionalRole.ProductManager => "Product manager",
        FunctionalRole.EngineeringManager => "Engineering manager",
        FunctionalRole.ProgramManager => "TPM",
        _ => Responsibilities.RoleName(role),
    };
}
