using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Spectre.Console;
using Throughline.Domain;
using Throughline.Interop;
using Throughline.Reports.Outlook;
using Throughline.Scheduling.Forecasting;

namespace Throughline.Cli.Commands;

/// <summary>
/// <c>tl forecast FILE [--iterations N] [--seed S] [--unleveled] [--format table|json]</c>: Monte Carlo forecast of every committed
/// item and of the program end. The JSON form is a contract (docs/forecasting.md): keep its names and shapes.
/// </summary>
internal static class ForecastCommand
{
    private const string DateFormat = "yyyy-MM-dd";

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A plan (*.tl.yaml), Microsoft Project XML (*.xml) or Primavera P6 (*.xer) file" };
        var iterations = new Option<int>("--iterations", "-n") { Description = "Iterations to run (the cap with --converge)", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<ulong>("--seed", "-s") { Description = "Random seed: the same seed gives the same forecast", DefaultValueFactory = _ => 1 };
        var format = new Option<string>("--format", "-f") { Description = "table (default) or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var distribution = new Option<string?>("--distribution") { Description = "pert, triangular or lognormal for every item, overriding the plan's choices (default: the plan's, else pert)" };
        distribution.AcceptOnlyFromAmong("pert", "triangular", "lognormal");
        var correlation = new Option<double?>("--correlation") { Description = "Correlation between durations of items sharing a team or correlated tag, 0 to 1, overriding the plan's forecast.correlation (default: the plan's, else 0.3)" };
        var converge = new Option<bool>("--converge") { Description = "Stop early once the program end's P80 moves less than half a day over 3 blocks of 1,024 iterations" };
        var unleveled = new Option<bool>("--unleveled") { Description = "The pure critical-path view: ignore the teams' and people's capacity (default: a plan with capacity data is forecast leveled)" };
        var command = new Command("forecast", "Monte Carlo forecast: P50/P80 dates and the chance of meeting each committed date")
        {
            unleveled,
            file,
            iterations,
            seed,
            format,
            distribution,
            correlation,
            converge,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (parse.GetValue(iterations) < 1 || parse.GetValue(correlation) is < 0 or > 1 or double.NaN)
            {
                error.WriteLine("tl forecast: --iterations must be at least 1 and --correlation between 0 and 1.");
                return ExitCodes.Usage;
            }

            var loaded = ProgramFile.Load(parse.GetValue(file)!.ToString());
            foreach (var diagnostic in loaded.Diagnostics)
            {
                error.WriteLine(diagnostic.ToString());
            }

            if (loaded.HasErrors)
            {
                return ExitCodes.InvalidInput;
            }

            var program = loaded.Program!;
            var options = new OutlookOptions
            {
                RankRisks = true,
                Iterations = parse.GetValue(iterations),
                Seed = parse.GetValue(seed),
                Distribution = parse.GetValue(distribution) switch
                {
                    "triangular" => DurationDistribution.Triangular,
                    "lognormal" => DurationDistribution.LogNormal,
                    "pert" => DurationDistribution.BetaPert,
                    _ => null,
                },
                Correlation = parse.GetValue(correlation),
                StopOnConvergence = parse.GetValue(converge) ? new ConvergenceCriterion() : null,
                Unleveled = parse.GetValue(unleveled),
            };

            if (parse.GetValue(format) == "json")
            {
                var forecast = OutlookForecast.Run(program, options);
                Report(error, forecast, loaded);
                output.Write(Json(program, forecast));
                return ExitCodes.Success;
            }

            var console = Terminal.For(output);
            var result = Run(console, program, options);
            Report(error, result, loaded);
            Table(console, program, result);
            return ExitCodes.Success;
        });
        return command;
    }

    internal static string Json(Program program, ProgramForecast forecast)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("iterations", forecast.Iterations);
            json.WriteStartArray("milestones");
            foreach (var m in forecast.Milestones)
            {
                json.WriteStartObject();
                json.WriteString("id", m.Id?.Value ?? program.Id.Value);
                json.WriteString("deterministic", Date(m.Deterministic));
                if (m.Committed is { } committed)
                {
                    json.WriteString("committed", Date(committed));
                }
                else
                {
                    json.WriteNull("committed");
                }

                json.WriteString("p10", Date(m.P10));
                json.WriteString("p50", Date(m.P50));
                json.WriteString("p80", Date(m.P80));
                json.WriteString("p90", Date(m.P90));
                json.WriteString("p95", Date(m.P95));
                if (m.ProbabilityOnTime is { } p)
                {
                    json.WriteNumber("probabilityOnTime", Math.Round(p, 4));
                }
                else
                {
                    json.WriteNull("probabilityOnTime");
                }

                // Added after the contract's fields: the finish histogram by day and the S-curve (cumulative share).
                json.WriteStartArray("histogram");
                foreach (var bin in m.Histogram)
                {
                    json.WriteStartObject();
                    json.WriteString("date", Date(bin.Date));
                    json.WriteNumber("count", bin.Count);
                    json.WriteNumber("cumulative", Math.Round(bin.Cumulative, 4));
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("criticality");
            foreach (var c in forecast.Criticality)
            {
                json.WriteStartObject();
                json.WriteString("id", c.Id.Value);
                json.WriteNumber("index", Math.Round(c.Index, 4));
                json.WriteNumber("sensitivity", Math.Round(c.Sensitivity, 4));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("drivers");
            foreach (var d in forecast.Drivers)
            {
                json.WriteStartObject();
                json.WriteString("id", d.Id.Value);
                json.WriteNumber("daysAtP80", Math.Round(d.DaysAtP80, 2));
                json.WriteEndObject();
            }

            json.WriteEndArray();

            // Added after the contract's fields: the program cost with risk cost impacts simulated, or null.
            if (forecast.Cost is { } cost)
            {
                json.WriteStartObject("cost");
                json.WriteString("currency", cost.Currency);
                json.WriteNumber("planned", cost.Planned);
                json.WriteNumber("expected", Math.Round(cost.Expected, 2));
                json.WriteNumber("p10", Math.Round(cost.P10, 2));
                json.WriteNumber("p50", Math.Round(cost.P50, 2));
                json.WriteNumber("p80", Math.Round(cost.P80, 2));
                json.WriteNumber("p90", Math.Round(cost.P90, 2));
                json.WriteNumber("p95", Math.Round(cost.P95, 2));
                json.WriteNumber("probabilityWithinPlan", Math.Round(cost.ProbabilityWithinPlan, 4));
                json.WriteStartArray("risks");
                foreach (var id in cost.Risks)
                {
                    json.WriteStringValue(id.Value);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("cost");
            }

            json.WriteBoolean("leveled", forecast.Leveled);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;

        static string Date(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);
    }

    /// <summary>Runs the forecast, with a progress bar when the output is a terminal.</summary>
    private static ProgramForecast Run(IAnsiConsole console, Program program, OutlookOptions options)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            return OutlookForecast.Run(program, options);
        }

        ProgramForecast? result = null;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("Simulating", maxValue: 1);
                result = OutlookForecast.Run(program, options with { Progress = share => task.Value = Math.Max(task.Value, share) });
                task.Value = task.MaxValue;
            });
        return result!;
    }

    /// <summary>
    /// The program end's finishes as a compact text histogram: at most 16 rows of whole weeks (two or more per row for
    /// a long tail), a bar per row, the cumulative share, and where P50, P80 and the deterministic date fall.
    /// </summary>
    internal static void Histogram(IAnsiConsole console, MilestoneForecast end)
    {
        const int Rows = 16;
        const int Width = 40;
        if (end.Histogram.Count == 0)
        {
            return;
        }

        static DateOnly Monday(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));
        var first = Monday(end.Histogram[0].Date);
        var last = end.Histogram[^1].Date;
        var weeks = ((last.DayNumber - first.DayNumber) / 7) + 1;
        var perRow = (weeks + Rows - 1) / Rows;
        var rows = (weeks + perRow - 1) / perRow;
        var counts = new int[rows];
        var cumulative = new double[rows];
        foreach (var bin in end.Histogram)
        {
            var row = (bin.Date.DayNumber - first.DayNumber) / 7 / perRow;
            counts[row] += bin.Count;
            cumulative[row] = bin.Cumulative;
        }

        for (var row = 1; row < rows; row++)
        {
            cumulative[row] = Math.Max(cumulative[row], cumulative[row - 1]);
        }

        var most = counts.Max();
        console.MarkupLine($"[bold]Program end[/]: finishes by {(perRow == 1 ? "week" : $"{perRow} weeks")} (cumulative share on the right)");
        for (var row = 0; row < rows; row++)
        {
            var from = first.AddDays(row * perRow * 7);
            var to = from.AddDays((perRow * 7) - 1);
            bool Holds(DateOnly d) => d >= from && d <= to;
            var marks = string.Join(' ', new[] { (end.P50, "P50"), (end.P80, "P80"), (end.Deterministic, "plan") }.Where(m => Holds(m.Item1)).Select(m => m.Item2));
            var bar = new string('█', (int)Math.Round(Width * counts[row] / (double)most));
            console.MarkupLine(FormattableString.Invariant($"{from:yyyy-MM-dd} [blue]{bar,-Width}[/] {cumulative[row],5:0%} [yellow]{marks}[/]"));
        }

        console.WriteLine();
    }

    private static string Pin(ConstraintType type) => type switch
    {
        ConstraintType.MustStartOn => "must start on",
        ConstraintType.MustFinishOn => "must finish on",
        ConstraintType.StartNoLaterThan => "start no later than",
        ConstraintType.FinishNoLaterThan => "finish no later than",
        ConstraintType.AsSoonAsPossible or ConstraintType.AsLateAsPossible or ConstraintType.StartNoEarlierThan or ConstraintType.FinishNoEarlierThan => type.ToString(),
    };

    private static void Report(TextWriter error, ProgramForecast forecast, ProgramFile file)
    {
        foreach (var diagnostic in forecast.Diagnostics)
        {
            error.WriteLine(file.Locate(diagnostic).ToString());
        }
    }

    private static void Table(IAnsiConsole console, Program program, ProgramForecast forecast)
    {
        string Date(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);
        string Percent(double p) => p.ToString("0%", CultureInfo.InvariantCulture);
        string Coloured(double p) => $"[{(p >= 0.8 ? "green" : p >= 0.5 ? "yellow" : "red")}]{Percent(p)}[/]";
        string Late(DateOnly date, DateOnly? committed) => committed is { } c && date > c ? $"[red]{Date(date)}[/]" : Date(date);
        var names = program.WorkItems.GroupBy(i => i.Id).ToDictionary(g => g.Key, g => g.First().Name);

        console.Write(new Rule($"[bold]{Markup.Escape(program.Name)}[/]: forecast").LeftJustified());
        console.MarkupLine(FormattableString.Invariant($"{forecast.Iterations:N0} iterations{(forecast.Converged ? " (converged)" : string.Empty)}, {(forecast.Leveled ? "leveled against the teams' and people's capacity (--unleveled for the pure critical path)" : "critical path without capacity")}; P80 means 80% of iterations finished by that day."));
        console.WriteLine();

        var table = new Table().Title("[bold]Committed dates[/]").AddColumns("Item", "Committed", "Plan", "Plan met", "P50", "P80", "P95", "On time");
        foreach (var m in forecast.Milestones)
        {
            var label = m.Id is { } id ? $"{Markup.Escape(m.Name)} [grey]{Markup.Escape(id.Value)}[/]" : $"[bold]Program end[/] [grey]{Markup.Escape(program.Id.Value)}[/]";
            if (m.PinnedBy is { } pin)
            {
                label += $" [yellow](pinned: {Pin(pin)})[/]";
            }

            table.AddRow(
                label,
                m.Committed is { } c ? Date(c) : "[grey]-[/]",
                Late(m.Deterministic, m.Committed),
                Percent(m.ProbabilityByDeterministic),
                Late(m.P50, m.Committed),
                Late(m.P80, m.Committed),
                Late(m.P95, m.Committed),
                m.ProbabilityOnTime is { } p ? Coloured(p) : "[grey]-[/]");
        }

        console.Write(table);
        console.MarkupLine(forecast.Leveled
            ? "[grey]Plan: the leveled date with most-likely durations; Plan met: the share of iterations that make it (merge bias).[/]"
            : "[grey]Plan: the critical-path date with most-likely durations; Plan met: the share of iterations that make it (merge bias).[/]");
        if (forecast.Milestones.Any(m => m.PinnedBy is not null))
        {
            console.MarkupLine("[yellow]Pinned: a hard constraint holds the item on its date in every iteration, so its P50 to P95 and On time are those of the work that drives it.[/]");
        }
        console.WriteLine();
        Histogram(console, forecast.ProgramEnd);
        if (forecast.Cost is { } cost)
        {
            string Amount(decimal amount) => amount.ToString("#,0", CultureInfo.InvariantCulture) + " " + cost.Currency;
            var costs = new Table().Title("[bold]Program cost[/] with risk costs simulated").AddColumns("Planned", "Expected", "P50", "P80", "P95", "Plan holds");
            costs.AddRow(Amount(cost.Planned), Amount(cost.Expected), Amount(cost.P50), Amount(cost.P80), Amount(cost.P95), Coloured(cost.ProbabilityWithinPlan));
            console.Write(costs);
            console.MarkupLine("[grey]Plan: the budget lines (else the projects' budgets); Plan holds: the share of iterations with no risk cost.[/]");
            console.WriteLine();
        }

        if (forecast.Drivers.Count > 0)
        {
            var drivers = new Table().Title("[bold]Risk drivers[/]: working days each risk adds to P80").AddColumns("Risk", "Probability");
            foreach (var m in forecast.Milestones)
            {
                drivers.AddColumn(Markup.Escape(m.Id?.Value ?? "program end"), c => c.RightAligned());
            }

            foreach (var d in forecast.Drivers.OrderByDescending(d => d.DaysAtP80ByMilestone.Max()).ThenBy(d => d.Id.Value, StringComparer.Ordinal).Take(10))
            {
                drivers.AddRow([
                    $"{Markup.Escape(d.Title)} [grey]{Markup.Escape(d.Id.Value)}[/]",
                    Percent(d.Probability),
                    .. d.DaysAtP80ByMilestone.Select(days => days >= 0.05 ? days.ToString("0.0", CultureInfo.InvariantCulture) : "[grey]0[/]"),
                ]);
            }

            console.Write(drivers);
            console.WriteLine();
        }

        var merges = forecast.MergePoints.Take(5).ToList();
        if (merges.Count > 0)
        {
            var mergeTable = new Table().Title("[bold]Merge points[/] where the plan date is least likely").AddColumns("Item", "Links in", "Plan", "Plan met");
            foreach (var p in merges)
            {
                mergeTable.AddRow($"{Markup.Escape(names[p.Id])} [grey]{Markup.Escape(p.Id.Value)}[/]", p.Predecessors.ToString(CultureInfo.InvariantCulture), Date(p.Deterministic), Coloured(p.ProbabilityByDeterministic));
            }

            console.Write(mergeTable);
            console.WriteLine();
        }

        var critical = new Table().Title("[bold]Most critical items[/] (to the program end)").AddColumns("Item", "Criticality", "Sensitivity");
        foreach (var c in forecast.Criticality.Take(10))
        {
            critical.AddRow($"{Markup.Escape(names[c.Id])} [grey]{Markup.Escape(c.Id.Value)}[/]", Percent(c.Index), c.Sensitivity.ToString("0.00", CultureInfo.InvariantCulture));
        }

        console.Write(critical);
    }
}
