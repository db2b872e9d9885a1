using System.CommandLine;
using Throughline.Cli.Commands;

namespace Throughline.Cli;

/// <summary>The <c>tl</c> command: thin wiring from arguments to the application code; no rules live here.</summary>
internal static class Tl
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs a command line with the given writers, so tests drive exactly what a user runs.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Throughline: technical program management as code. Plans are YAML files (*.tl.yaml); see docs/plan-format.md.")
        {
            ValidateCommand.Create(),
            ShowCommand.Create(),
            StatusCommand.Create(),
            ScheduleCommand.Create(),
            DiffCommand.Create(),
            ForecastCommand.Create(),
            LevelCommand.Create(),
            DepsCommand.Create(),
            RolesCommand.Create(),
            CalendarCommand.Create(),
            ReportCommand.Create(),
            BenchCommand.Create(),
        };
        // Our own handler below, not System.CommandLine's: it prints a stack trace, and no file or path should cause one.
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return root.Parse(args).Invoke(configuration);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"tl: {e.Message}");
            return ExitCodes.IoError;
        }
    }
}
