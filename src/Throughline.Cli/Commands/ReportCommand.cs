using System.CommandLine;
using System.Globalization;
using Throughline.Reports;
using Throughline.Reports.Html;
using Throughline.Reports.Markdown;
using Throughline.Reports.Outlook;

namespace Throughline.Cli.Commands;

/// <summary>
/// <c>tl report FILE [--format md|html] [--since BASELINE] [--out F] [--status-date DATE]</c>: the status report, an
/// executive page first, then one section per project (docs/reports.md). The report's date is passed in: the
/// <c>--status-date</c> option, else the plan's status date, else today's date, read here and nowhere deeper.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A plan (*.tl.yaml), Microsoft Project XML (*.xml) or Primavera P6 (*.xer) file" };
        var format = new Option<string>("--format", "-f") { Description = "md (default) or html", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "html");
        var since = new Option<FileInfo?>("--since") { Description = "The plan as of the last report: lists slips, new and closed risks, and decisions made since" };
        var outFile = new Option<FileInfo?>("--out", "-o") { Description = "Write the report to this file instead of standard output" };
        var statusDate = new Option<string?>("--status-date") { Description = "The date the report is for (YYYY-MM-DD); default: the plan's status date, else today" };
        var iterations = new Option<int>("--iterations", "-n") { Description = "Forecast iterations; 0 reports without a forecast (schedule health then uses slack)", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<ulong>("--seed", "-s") { Description = "Forecast random seed: the same seed gives the same report", DefaultValueFactory = _ => 1 };
        var command = new Command("report", "The status report: overall health with reasons, commitments against forecast, top risks, decisions needed, blocked work, budget, then each project")
        {
            file,
            format,
            since,
            outFile,
            statusDate,
            iterations,
            seed,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            DateOnly? date = null;
            if (parse.GetValue(statusDate) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    error.WriteLine($"tl report: --status-date '{text}' is not a date; write YYYY-MM-DD.");
                    return ExitCodes.Usage;
                }

                date = parsed;
            }

            if (parse.GetValue(iterations) < 0)
            {
                error.WriteLine("tl report: --iterations must be 0 (no forecast) or more.");
                return ExitCodes.Usage;
            }

            var target = parse.GetValue(outFile) is { } outPath ? OutputFile.Check(outPath, "report", error) : null;
            if (parse.GetValue(outFile) is not null && target is null)
            {
                return ExitCodes.InvalidInput;
            }

            var current = ScheduledFile.Load(parse.GetValue(file)!.ToString(), error);
            var baseline = parse.GetValue(since) is { } sinceFile ? ScheduledFile.Load(sinceFile.ToString(), error) : null;
            if (current is null || (parse.GetValue(since) is not null && baseline is null))
            {
                return ExitCodes.InvalidInput;
            }

            ScheduledFile.Write(current.Diagnostics.Concat(baseline?.Diagnostics ?? []), error);
            if (current.HasErrors || baseline?.HasErrors == true)
            {
                return ExitCodes.InvalidInput;
            }

            var program = current.Program;
            var options = new OutlookOptions { Iterations = parse.GetValue(iterations), Seed = parse.GetValue(seed) };
            var forecast = options.Iterations > 0 ? OutlookForecast.Run(program, options) : null;
            var report = StatusReportBuilder.Build(new StatusReportInput(program, current.Schedule, date ?? program.StatusDate ?? DateOnly.FromDateTime(DateTime.Now))
            {
                Forecast = forecast,
                Baseline = baseline?.Program,
                BaselineSchedule = baseline?.Schedule,
                BaselineForecast = baseline is not null && options.Iterations > 0 ? OutlookForecast.Run(baseline.Program, options) : null,
                BaselineName = parse.GetValue(since)?.Name,
                ScheduleOptions = current.File.ScheduleOptions,
            });
            var document = parse.GetValue(format) == "html" ? HtmlStatusReport.Write(report) : MarkdownStatusReport.Write(report);
            if (target is not null)
            {
                target.Write(document);
            }
            else
            {
                output.Write(document);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
