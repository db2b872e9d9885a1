using Throughline.Testing;

namespace Throughline.Cli.Tests.Commands;

/// <summary>Every file and path a user can get wrong ends in one line and exit 2, never a stack trace.</summary>
public sealed class FileHandlingTests : IDisposable
{
    private static readonly string Example = Path.Combine(RepoPaths.Examples, "product-launch.tl.yaml");
    private readonly string _folder = Directory.CreateTempSubdirectory("tl-files-").FullName;

    public void Dispose()
    {
        foreach (var sub in Directory.GetDirectories(_folder).Where(_ => !OperatingSystem.IsWindows()))
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(sub, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        Directory.Delete(_folder, recursive: true);
    }

    public static TheoryData<string> CommandsWithOut() => new() { "report", "level", "calendar" };

    [Theory]
    [MemberData(nameof(CommandsWithOut))]
    public void Out_in_a_missing_folder_is_one_line_and_exit_2_before_any_work(string command)
    {
        var target = Path.Combine(_folder, "missing", "r.out");

        var (exitCode, output, error) = TlRunner.Run(command, Example, "--out", target);

        exitCode.ShouldBe(2);
        output.ShouldBeEmpty();
        error.Trim().ShouldBe($"tl {command}: --out {target}: the folder {Path.GetDirectoryName(target)} does not exist");
    }

    [Theory]
    [MemberData(nameof(CommandsWithOut))]
    public void Out_naming_a_directory_is_one_line_and_exit_2(string command)
    {
        var (exitCode, _, error) = TlRunner.Run(command, Example, "--out", _folder);

        exitCode.ShouldBe(2);
        error.Trim().ShouldBe($"tl {command}: --out {_folder}: is a directory; name a file in it");
    }

    [Theory]
    [MemberData(nameof(CommandsWithOut))]
    public void Out_in_a_folder_without_write_permission_is_one_line_and_exit_2(string command)
    {
        var locked = Directory.CreateDirectory(Path.Combine(_folder, "locked")).FullName;
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix permissions: the Windows case is an ACL, not set up here");
        }
        else
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }

        if (CanWrite(locked))
        {
            Assert.Skip("this user can write to a read-only folder (root): the permission case cannot be made here");
        }

        var target = Path.Combine(locked, "r.out");
        var (exitCode, _, error) = TlRunner.Run(command, Example, "--out", target);

        exitCode.ShouldBe(2);
        error.ShouldStartWith($"tl {command}: --out {target}: cannot write");
        error.Trim().ShouldNotContain("\n");
    }

    [Fact]
    public void A_directory_given_as_the_plan_says_so()
    {
        var (exitCode, output, _) = TlRunner.Run("validate", _folder);

        exitCode.ShouldBe(2);
        output.ShouldContain($"{_folder} is a directory; name a plan file (*.tl.yaml) in it");
    }

    [Fact]
    public void A_latin1_plan_is_refused_with_the_line_of_its_first_bad_byte()
    {
        var plan = Path.Combine(_folder, "latin1.tl.yaml");
        File.WriteAllBytes(plan, System.Text.Encoding.Latin1.GetBytes("program:\n  id: x\n  name: Ren\u00e9e\n  start: 2027-01-04\n"));

        var (exitCode, output, _) = TlRunner.Run("validate", plan);

        exitCode.ShouldBe(2);
        output.ShouldStartWith($"{plan}:3:12: error TL1000: the file is not UTF-8");
    }

    [Fact]
    public void A_utf8_plan_with_a_byte_order_mark_reads()
    {
        var plan = Path.Combine(_folder, "bom.tl.yaml");
        File.WriteAllText(plan, "program:\n  id: x\n  name: Ren\u00e9e M\u00fcller\n  start: 2027-01-04\n", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var (exitCode, output, _) = TlRunner.Run("show", plan);

        exitCode.ShouldBe(0);
        output.ShouldContain("Ren\u00e9e M\u00fcller");
    }

    [Fact]
    public void A_tab_in_the_indentation_points_at_the_tab()
    {
        var plan = Path.Combine(_folder, "tab.tl.yaml");
        File.WriteAllText(plan, "program:\n  id: x\n  name: X\n\tstart: 2027-01-04\n");

        var (exitCode, output, _) = TlRunner.Run("validate", plan);

        exitCode.ShouldBe(2);
        output.ShouldStartWith($"{plan}:4:1: error TL1001: YAML: a tab character");
    }

    [Fact]
    public void A_done_item_without_actual_dates_is_a_warning_and_its_slack_is_left_out_of_the_csv()
    {
        var plan = Path.Combine(_folder, "done.tl.yaml");
        File.WriteAllText(plan, "program: { id: x, name: X, start: 2027-01-04 }\nprojects:\n  - id: p\n    name: P\n    items:\n      - { id: a, name: A, estimate: 2d, status: done }\n      - { id: b, name: B, estimate: 2d }\n");

        var (exitCode, csv, error) = TlRunner.Run("schedule", plan, "--format", "csv");

        exitCode.ShouldBe(0);
        error.ShouldContain("warning TL2021");
        var row = csv.Split('\n').Single(l => l.Contains(",a,", StringComparison.Ordinal)).Split(',');
        var header = csv.Split('\n')[0].Split(',');
        row[Array.IndexOf(header, "total_slack_minutes")].ShouldBeEmpty();
    }

    private static bool CanWrite(string folder)
    {
        try
        {
            File.WriteAllText(Path.Combine(folder, "probe"), string.Empty);
            File.Delete(Path.Combine(folder, "probe"));
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
