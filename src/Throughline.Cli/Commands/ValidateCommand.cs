using System.CommandLine;
using Throughline.Interop.Plan;

namespace Throughline.Cli.Commands;

/// <summary><c>tl validate FILE...</c>: every problem in every file, compiler style; exit 2 when any is an error.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("files") { Description = "Plan files (*.tl.yaml) to check", Arity = ArgumentArity.OneOrMore };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only the diagnostics, not the per-file summary" };
        var command = new Command("validate", "Check plan files and report every problem as file:line:col: error CODE: message")
        {
            files,
            quiet,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var failed = false;
            foreach (var file in parse.GetValue(files) ?? [])
            {
                var result = PlanReader.ReadFile(file.ToString());
                foreach (var diagnostic in result.Diagnostics)
                {
                    output.WriteLine(diagnostic.ToString());
                }

                var errors = result.Diagnostics.Count(d => d.IsError);
                var warnings = result.Diagnostics.Count - errors;
                failed |= errors > 0;
                if (!parse.GetValue(quiet))
                {
                    var summary = errors == 0
                        ? $"{file}: valid ({PlanSummary.Describe(result.Program!)}){(warnings > 0 ? $", {warnings} warning(s)" : string.Empty)}"
                        : $"{file}: {errors} error(s), {warnings} warning(s)";
                    output.WriteLine(summary);
                }
            }

            return failed ? ExitCodes.InvalidInput : ExitCodes.Success;
        });
        return command;
    }
}
