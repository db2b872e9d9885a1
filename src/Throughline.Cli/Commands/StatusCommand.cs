using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Throughline.Domain;
using Throughline.Domain.Health;
using Throughline.Reports.Outlook;

namespace Throughline.Cli.Commands;

/// <summary>
/// <c>tl status FILE [--iterations N] [--seed S] [--status-date D] [--unleveled] [--format table|json]</c>: the
/// program's outlook (docs/scheduling.md, "tl status"). The JSON form is a contract shared with
/// <c>GET /api/programs/{program}/status</c>: keep its names and shapes.
/// </summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A plan (*.tl.yaml) or Microsoft Project XML (*.xml) file" };
        var iterations = new Option<int>("--iterations", "-n") { Description = "Forecast iterations; 0 gives the outlook without a forecast (judged on buffer)", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<ulong>("--seed", "-s") { Description = "Random seed: the same seed and iterations give the same figures as tl forecast", DefaultValueFactory = _ => 1 };
        var statusDate = new Option<string?>("--status-date") { Description = "The date the outlook is for (YYYY-MM-DD); default: the plan's status date, else today" };
        var unleveled = new Option<bool>("--unleveled") { Description = "The pure critical-path view, ignoring team and person capacity" };
        var format = new Option<string>("--format", "-f") { Description = "table (default) or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("status", "Are we on track? Each commitment's buffer, total slack, P50/P80/P95, chance on time, health and driving teams; decisions and their decide-by dates; the headline is the least likely commitment")
        {
            file,
            iterations,
            seed,
            statusDate,
            unleveled,
            format,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (parse.GetValue(iterations) < 0)
            {
                error.WriteLine("tl status: --iterations must be 0 (no forecast) or more.");
                return ExitCodes.Usage;
            }

            DateOnly? date = null;
            if (parse.GetValue(statusDate) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    error.WriteLine($"tl status: --status-date '{text}' is not a date; write YYYY-MM-DD.");
                    return ExitCodes.Usage;
                }

                date = parsed;
            }

            if (ScheduledFile.Load(parse.GetValue(file)!.ToString(), error) is not { } scheduled)
            {
                return ExitCodes.InvalidInput;
            }

            ScheduledFile.Write(scheduled.Diagnostics, error);
            if (scheduled.HasErrors)
            {
                return ExitCodes.InvalidInput;
            }

            var program = scheduled.Program;
            var options = new OutlookOptions { Iterations = parse.GetValue(iterations), Seed = parse.GetValue(seed), Unleveled = parse.GetValue(unleveled) };
            var forecast = options.Iterations > 0 ? OutlookForecast.Run(program, options) : null;
            var outlook = ProgramOutlook.Compute(program, scheduled.Schedule, forecast, date ?? program.StatusDate ?? DateOnly.FromDateTime(DateTime.Now), scheduled.File.ScheduleOptions);
            if (parse.GetValue(format) == "json")
            {
                output.WriteLine(OutlookJson.Of(outlook).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            }
            else
            {
                Table(Terminal.For(output), program, outlook);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void Table(IAnsiConsole console, Program program, ProgramOutlook outlook)
    {
        static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";
        static string Days(double days) => days.ToString("0.#", CultureInfo.InvariantCulture) + "d";
        static string Percent(double? p) => p?.ToString("0%", CultureInfo.InvariantCulture) ?? "-";
        static string Colour(HealthColour colour) => colour switch
        {
            HealthColour.Red => "[red]red[/]",
            HealthColour.Amber => "[yellow]amber[/]",
            HealthColour.Green => "[green]green[/]",
            HealthColour.Unknown => "[grey]not assessed[/]",
        };

        console.Write(new Rule($"[bold]{Markup.Escape(program.Name)}[/]: outlook as of {Date(outlook.AsOf)}").LeftJustified());
        var worst = outlook.WorstCommitment;
        var headline = worst is null
            ? "nothing committed"
            : $"{Percent(worst.ProbabilityOnTime)} chance on time, set by [bold]{Markup.Escape(worst.Name)}[/]{(worst.Pinned ? " (pinned)" : string.Empty)}";
        console.MarkupLine($"Overall {Colour(outlook.OverallHealth.Colour)}: {headline}");
        console.WriteLine();

        var table = new Table().Title("[bold]Commitments[/]").AddColumns("Commitment", "Committed", "Scheduled", "Buffer", "Total slack", "P50", "P80", "P95", "On time", "Health", "Driving teams");
        foreach (var c in outlook.Commitments)
        {
            table.AddRow(
                $"{Markup.Escape(c.Name)} [grey]{Markup.Escape(c.Id.Value)}[/]{(c.Pinned ? " [yellow](pinned)[/]" : string.Empty)}",
                Date(c.Committed),
                Date(c.ScheduledFinish),
                Days(c.BufferDays),
                Days(c.TotalSlackDays),
                Date(c.ForecastP50),
                Date(c.ForecastP80),
                Date(c.ForecastP95),
                Percent(c.ProbabilityOnTime),
                Colour(outlook.CommitmentHealth[c.Id].Colour),
                Markup.Escape(string.Join(", ", c.DrivingTeams.Select(t => t.Value))));
        }

        console.Write(table);
        console.MarkupLine("[grey]Buffer: working days from the scheduled finish to the committed date. Total slack: Microsoft Project's (to the program end or a constraint). A pinned date is forecast by the work that drives it.[/]");
        if (outlook.Decisions.Count > 0)
        {
            console.WriteLine();
            var decisions = new Table().Title("[bold]Open decisions[/]").AddColumns("Decision", "Due", "Decide by", "Gates");
            foreach (var d in outlook.Decisions)
            {
                decisions.AddRow(
                    $"{Markup.Escape(d.Question)} [grey]{Markup.Escape(d.Id.Value)}[/]",
                    d.DaysOverdue > 0 ? $"[red]{Date(d.Due)} ({d.DaysOverdue} days overdue)[/]" : Date(d.Due),
                    Date(d.DecideBy),
                    Markup.Escape(string.Join(", ", d.Gates.Select(g => g.Value))));
            }

            console.Write(decisions);
        }
    }
}
