using Spectre.Console;

namespace Throughline.Cli;

/// <summary>A Spectre console over the command's own writer: colour on a terminal, plain text when redirected.</summary>
internal static class Terminal
{
    public static IAnsiConsole For(TextWriter writer)
    {
        var interactive = ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!interactive)
        {
            // Redirected output has no terminal width; 80 columns would wrap every table row.
            console.Profile.Width = 160;
        }

        return console;
    }

    /// <summary>Reads a plan, printing its diagnostics; returns null (and sets the exit code) when it has errors.</summary>
    public static Throughline.Interop.Plan.PlanReadResult? ReadPlan(string path, TextWriter error)
    {
        var result = Throughline.Interop.Plan.PlanReader.ReadFile(path);
        foreach (var diagnostic in result.Diagnostics)
        {
            error.WriteLine(diagnostic.ToString());
        }

        return result.HasErrors || result.Program is null ? null : result;
    }
}
