using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Spectre.Console;
using Throughline.Domain;
using Throughline.Domain.Diagnostics;
using Throughline.Interop;
using Throughline.Reports.Health;
using Throughline.Scheduling;

namespace Throughline.Cli.Commands;

/// <summary>
/// <c>tl schedule FILE [--format table|csv|json]</c>: the critical-path schedule of a plan or an MS Project file.
/// The JSON form is a contract other tools rely on (see docs/scheduling.md): keep its names and shapes.
/// </summary>
internal static class ScheduleCommand
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss";

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A plan (*.tl.yaml), Microsoft Project XML (*.xml) or Primavera P6 (*.xer) file" };
        var format = new Option<string>("--format", "-f") { Description = "table (default), csv or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var all = new Option<bool>("--all") { Description = "Table format: list every work item, not only the critical path and committed milestones" };
        var leveled = new Option<bool>("--leveled") { Description = "Level the plan against team and person capacity first (see tl level)" };
        var command = new Command("schedule", "Compute the critical-path schedule: dates, slack, the critical path and committed milestones")
        {
            file,
            format,
            all,
            leveled,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var shape = parse.GetValue(format) ?? "table";
            if (ScheduledFile.Load(parse.GetValue(file)!.ToString(), error) is not { } scheduled)
            {
                return ExitCodes.InvalidInput;
            }

            if (parse.GetValue(leveled))
            {
                scheduled = scheduled.Leveled(Throughline.Scheduling.Leveling.ProgramLevelingOptions.Default).File;
            }

            var (loaded, schedule, diagnostics) = scheduled;
            var program = scheduled.Program;
            switch (shape)
            {
                case "json":
                    output.Write(Json(program, schedule, loaded, diagnostics));
                    break;
                case "csv":
                    ScheduledFile.Write(diagnostics, error);
                    output.Write(Csv(program, schedule, loaded));
                    break;
                default:
                    ScheduledFile.Write(diagnostics, error);
                    Table(Terminal.For(output), program, schedule, parse.GetValue(all));
                    break;
            }

            return scheduled.HasErrors ? ExitCodes.InvalidInput : ExitCodes.Success;
        });
        return command;
    }

    internal static string Json(Program program, ProgramSchedule schedule, ProgramFile file, IReadOnlyList<Diagnostic> diagnostics)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("tasks");
            foreach (var item in program.WorkItems)
            {
                if (!schedule.Items.TryGetValue(item.Id, out var s))
                {
                    continue;
                }

                json.WriteStartObject();
                if (file.TaskUids.TryGetValue(item.Id, out var uid))
                {
                    json.WriteNumber("uid", uid);
                }
                else
                {
                    json.WriteNull("uid");
                }

                json.WriteString("id", item.Id.Value);
                json.WriteString("name", item.Name);
                json.WriteString("start", s.Start.ToString(TimeFormat, CultureInfo.InvariantCulture));
                json.WriteString("finish", s.Finish.ToString(TimeFormat, CultureInfo.InvariantCulture));
                json.WriteString("earlyStart", s.EarlyStart.ToString(TimeFormat, CultureInfo.InvariantCulture));
                json.WriteString("earlyFinish", s.EarlyFinish.ToString(TimeFormat, CultureInfo.InvariantCulture));
                json.WriteString("lateStart", s.LateStart.ToString(TimeFormat, CultureInfo.InvariantCulture));
                json.WriteString("lateFinish", s.LateFinish.ToString(TimeFormat, CultureInfo.InvariantCulture));
                json.WriteNumber("totalSlackMinutes", s.TotalSlackMinutes);
                json.WriteNumber("freeSlackMinutes", s.FreeSlackMinutes);
                json.WriteBoolean("critical", s.IsCritical);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("diagnostics");
            foreach (var diagnostic in diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("severity", diagnostic.Severity.ToString().ToLowerInvariant());
                json.WriteString("code", diagnostic.Code);
                json.WriteString("message", diagnostic.Message);
                if (diagnostic.Location is { } location)
                {
                    json.WriteString("file", location.File);
                    json.WriteNumber("line", location.Line);
                    json.WriteNumber("column", location.Column);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;
    }

    internal static string Csv(Program program, ProgramSchedule schedule, ProgramFile file)
    {
        var csv = new StringBuilder();
        csv.AppendLine("uid,id,name,start,finish,early_start,early_finish,late_start,late_finish,total_slack_minutes,free_slack_minutes,critical");
        foreach (var item in program.WorkItems)
        {
            if (!schedule.Items.TryGetValue(item.Id, out var s))
            {
                continue;
            }

            var uid = file.TaskUids.TryGetValue(item.Id, out var u) ? u.ToString(CultureInfo.InvariantCulture) : string.Empty;
            string[] fields =
            [
                uid, item.Id.Value, item.Name, Time(s.Start), Time(s.Finish), Time(s.EarlyStart), Time(s.EarlyFinish), Time(s.LateStart), Time(s.LateFinish),
                item.IsDoneWithoutActuals ? string.Empty : s.TotalSlackMinutes.ToString(CultureInfo.InvariantCulture),
                item.IsDoneWithoutActuals ? string.Empty : s.FreeSlackMinutes.ToString(CultureInfo.InvariantCulture),
                s.IsCritical ? "true" : "false",
            ];
            csv.AppendLine(string.Join(',', fields.Select(CsvField.Quote)));
        }

        return csv.ToString();

        static string Time(DateTime value) => value.ToString(TimeFormat, CultureInfo.InvariantCulture);
    }

    private static void Table(IAnsiConsole console, Program program, ProgramSchedule schedule, bool all)
    {
        var units = program.Units;
        string Days(long minutes) => (minutes / (double)units.MinutesPerDay).ToString("0.#", CultureInfo.InvariantCulture) + "d";
        string Date(DateTime value) => value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var byId = program.WorkItems.GroupBy(i => i.Id).ToDictionary(g => g.Key, g => g.First());

        console.Write(new Rule($"[bold]{Markup.Escape(program.Name)}[/]: schedule").LeftJustified());
        console.MarkupLine($"Start {Date(schedule.ProjectStart)}, finish [bold]{Date(schedule.ProjectFinish)}[/]");

        // The commitments' buffer and total slack as the outlook computes them (tl status shows the same numbers).
        var committed = Commitments.Of(program, schedule, forecast: null);
        if (committed.Count > 0)
        {
            console.WriteLine();
            string WorkingDays(double days) => days < 0 ? $"[red]{days.ToString("0.#", CultureInfo.InvariantCulture)}d[/]" : days.ToString("0.#", CultureInfo.InvariantCulture) + "d";
            var milestones = new Table().Title("[bold]Committed dates[/]").AddColumns("Item", "Committed", "Scheduled finish", "Buffer", "Total slack", "Critical");
            foreach (var c in committed)
            {
                var s = schedule[c.Id];
                milestones.AddRow(
                    $"{(byId[c.Id].IsMilestone ? "◆ " : string.Empty)}{Markup.Escape(c.Name)} [grey]{Markup.Escape(c.Id.Value)}[/]",
                    c.Committed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    c.BufferDays < 0 ? $"[red]{Date(s.Finish)}[/]" : $"[green]{Date(s.Finish)}[/]",
                    WorkingDays(c.BufferDays),
                    WorkingDays(c.TotalSlackDays),
                    s.IsCritical ? "yes" : string.Empty);
            }

            console.Write(milestones);
            console.MarkupLine("[grey]Buffer: working days to the committed date. Total slack: Microsoft Project's, to the program end or a constraint.[/]");
        }

        console.WriteLine();
        var rows = all ? program.WorkItems.Select(i => i.Id).Where(schedule.Items.ContainsKey).ToList() : schedule.CriticalPath.ToList();
        var table = new Table().Title(all ? "[bold]All work items[/]" : "[bold]Critical path[/]").AddColumns("Item", "Start", "Finish", "Total slack", "Free slack", "Driven by");
        foreach (var id in rows)
        {
            var s = schedule[id];
            var item = byId[id];
            table.AddRow(
                $"{(s.IsCritical ? "[red]*[/] " : string.Empty)}{Markup.Escape(item.Name)} [grey]{Markup.Escape(id.Value)}[/]",
                Date(s.Start),
                Date(s.Finish),
                item.IsDoneWithoutActuals ? "-" : Days(s.TotalSlackMinutes),
                item.IsDoneWithoutActuals ? "-" : Days(s.FreeSlackMinutes),
                Markup.Escape(s.DrivingPredecessor?.Value ?? s.Driver.ToString()));
        }

        console.Write(table);
    }
}
