using System.Text.RegularExpressions;
using Throughline.Domain;
using Throughline.Interop.Plan;
using Throughline.Testing;

namespace Throughline.Cli.Tests.Commands;

/// <summary>
/// <c>tl validate</c> on the examples, and on broken copies of the main example: each break must exit 2 with the
/// right code at the right line and column, and never print a stack trace.
/// </summary>
public sealed partial class ValidateCommandTests : IDisposable
{
    private static readonly string MainExample = Path.Combine(RepoPaths.Examples, "cloud-migration.tl.yaml");
    private readonly string folder = Directory.CreateTempSubdirectory("tl-validate-").FullName;

    [Fact]
    public void Every_example_is_valid()
    {
        var files = Directory.GetFiles(RepoPaths.Examples, "*.tl.yaml");
        files.ShouldNotBeEmpty();

        var (exitCode, output, _) = TlRunner.Run(["validate", .. files]);

        exitCode.ShouldBe(0, output);
        output.ShouldContain("valid (");
    }

    [Fact]
    public void A_misspelt_field_exits_2_at_the_field()
    {
        var (text, line, column) = Edit(Canonical(), FirstEstimate(), m => (m.Groups[1].Value + "estimat: " + m.Groups[2].Value, m.Groups[1].Length + 1));

        ExpectFailure(text, "TL1002", line, column, "did you mean 'estimate'?");
    }

    [Fact]
    public void A_negative_duration_exits_2_at_the_value()
    {
        var (text, line, column) = Edit(Canonical(), FirstEstimate(), m => (m.Groups[1].Value + "estimate: -3d", m.Groups[1].Length + "estimate: ".Length + 1));

        ExpectFailure(text, "TL1005", line, column, "negative");
    }

    [Fact]
    public void A_dangling_reference_exits_2_at_the_reference()
    {
        var (text, line, column) = Edit(
            Canonical(),
            FirstDependsOn(),
            m => (m.Groups[1].Value + "depends-on: [no-such-item, " + m.Groups[2].Value, m.Groups[1].Length + "depends-on: [".Length + 1));

        ExpectFailure(text, "TL2002", line, column, "undefined work item 'no-such-item'");
    }

    [Fact]
    public void A_cycle_across_two_projects_exits_2_naming_the_cycle()
    {
        var program = PlanReader.ReadFile(MainExample).Program!;
        var projectOf = program.WorkItems.ToDictionary(i => i.Id, i => i.Project);
        var cross = program.Dependencies.First(d => projectOf[d.Predecessor] != projectOf[d.Successor]);
        var broken = program with { Dependencies = [.. program.Dependencies, Dependency.FinishToStart(cross.Successor, cross.Predecessor)] };
        var file = Write(PlanWriter.Write(broken));

        var (exitCode, output, _) = TlRunner.Run("validate", file);

        exitCode.ShouldBe(2);
        var cycle = output.Split('\n').Where(l => l.Contains("error TL2003", StringComparison.Ordinal)).ShouldHaveSingleItem();
        cycle.ShouldContain(cross.Predecessor.Value);
        cycle.ShouldContain(cross.Successor.Value);
        cycle.ShouldMatch(@"^.+:\d+:\d+: error TL2003: dependency cycle: \S+ -> \S+ -> \S+$");
        output.ShouldNotContain("   at ");
    }

    [Fact]
    public void A_file_that_is_not_yaml_exits_2_without_a_stack_trace()
    {
        var file = Write("program: [\n  {unclosed\n");

        var (exitCode, output, error) = TlRunner.Run("validate", file);

        exitCode.ShouldBe(2);
        output.ShouldContain("error TL1001");
        (output + error).ShouldNotContain("   at ");
    }

    [Fact]
    public void A_missing_file_exits_2_with_a_message()
    {
        var (exitCode, output, _) = TlRunner.Run("validate", Path.Combine(folder, "absent.tl.yaml"));

        exitCode.ShouldBe(2);
        output.ShouldContain("file not found");
    }

    [Fact]
    public void Help_is_available_on_every_command()
    {
        // Every command the root help lists, and every subcommand theirs list, down the tree.
        var pending = new Queue<string[]>([[]]);
        var seen = new List<string>();
        while (pending.TryDequeue(out var path))
        {
            var (exitCode, output, error) = TlRunner.Run([.. path, "--help"]);
            var name = string.Join(' ', ["tl", .. path]);
            exitCode.ShouldBe(0, name + ": " + error);
            // In-process the root is named after the test host, so the usage line is checked from the command on
            // (its words in order; a parent's arguments may stand between them: "roles <file> assess").
            var usage = output.Split(Environment.NewLine).SkipWhile(l => l != "Usage:").Skip(1).FirstOrDefault();
            usage.ShouldNotBeNull(name);
            usage.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Where(w => !w.StartsWith('<') && !w.StartsWith('[')).ShouldBe(path, name);
            seen.Add(name);
            foreach (var command in Subcommands(output))
            {
                pending.Enqueue([.. path, command]);
            }
        }

        // The root's own list, so the walk cannot pass by finding nothing.
        seen.ShouldContain("tl validate");
        seen.ShouldContain("tl roles assess");
        seen.Count.ShouldBeGreaterThanOrEqualTo(12);
    }

    /// <summary>The names in a help text's "Commands:" section ("  name &lt;arg&gt;  description").</summary>
    private static IEnumerable<string> Subcommands(string help)
    {
        var lines = help.Split(Environment.NewLine);
        return lines
            .SkipWhile(l => l != "Commands:")
            .Skip(1)
            .TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal))
            .Select(l => l.TrimStart().Split(' ')[0])
            .ToList();
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    // The main example as PlanWriter writes it: a known layout to break in known places.
    private static string Canonical() => PlanWriter.Write(PlanReader.ReadFile(MainExample).Program!);

    private void ExpectFailure(string text, string code, int line, int column, string messagePart)
    {
        var file = Write(text);

        var (exitCode, output, error) = TlRunner.Run("validate", file);

        exitCode.ShouldBe(2, output);
        output.ShouldContain($"{file}:{line}:{column}: error {code}: ");
        output.Split('\n').First(l => l.Contains(code, StringComparison.Ordinal)).ShouldContain(messagePart);
        (output + error).ShouldNotContain("   at ");
    }

    private string Write(string text)
    {
        var file = Path.Combine(folder, Guid.NewGuid().ToString("N")[..8] + ".tl.yaml");
        File.WriteAllText(file, text);
        return file;
    }

    /// <summary>Replaces the first line matching <paramref name="pattern"/>; returns the text and where the break is.</summary>
    private static (string Text, int Line, int Column) Edit(string text, Regex pattern, Func<Match, (string Line, int Column)> replace)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var match = pattern.Match(lines[i]);
            if (match.Success)
            {
                var (replacement, column) = replace(match);
                lines[i] = replacement;
                return (string.Join('\n', lines), i + 1, column);
            }
        }

        throw new InvalidOperationException($"no line matches {pattern}");
    }

    [GeneratedRegex(@"^(\s+)estimate: (\d\S*)$")]
    private static partial Regex FirstEstimate();

    [GeneratedRegex(@"^(\s+)depends-on: \[(.*)$")]
    private static partial Regex FirstDependsOn();
}
