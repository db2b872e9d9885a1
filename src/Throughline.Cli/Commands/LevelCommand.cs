using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Spectre.Console;
using Throughline.Domain;
using Throughline.Interop.Plan;
using Throughline.Scheduling.Leveling;

namespace Throughline.Cli.Commands;

/// <summary>
/// <c>tl level FILE</c>: levels a plan against the capacity of its teams and people, and explains every delay it
/// introduced; with <c>--out</c> writes the leveled plan (leveling delays as start-no-earlier-than constraints).
/// </summary>
internal static class LevelCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A plan (*.tl.yaml), Microsoft Project XML (*.xml) or Primavera P6 (*.xer) file" };
        var format = new Option<string>("--format", "-f") { Description = "table (default) or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var schedules = new Option<long>("--schedules") { Description = "Schedules the search may generate (default 3000)", DefaultValueFactory = _ => ProgramLevelingOptions.Default.Schedules };
        var seed = new Option<int>("--seed") { Description = "Seed of the search (default 1); the same seed gives the same plan", DefaultValueFactory = _ => 1 };
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Write the leveled plan to this *.tl.yaml file" };
        var command = new Command("level", "Level the plan against team and person capacity; explain every delay and report over-allocation")
        {
            file,
            format,
            schedules,
            seed,
            output,
        };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (parse.GetValue(schedules) < 1)
            {
                error.WriteLine("tl level: --schedules must be at least 1");
                return ExitCodes.Usage;
            }

            var target = parse.GetValue(output) is { } outPath ? OutputFile.Check(outPath, "level", error) : null;
            if (parse.GetValue(output) is not null && target is null)
            {
                return ExitCodes.InvalidInput;
            }

            if (ScheduledFile.Load(parse.GetValue(file)!.ToString(), error) is not { } scheduled)
            {
                return ExitCodes.InvalidInput;
            }

            ScheduledFile.Write(scheduled.Diagnostics, error);
            var options = ProgramLevelingOptions.Default with { Schedules = parse.GetValue(schedules), Seed = parse.GetValue(seed) };
            var (leveledFile, leveling) = scheduled.Leveled(options);
            if (leveling.Diagnostics.Count > 0)
            {
                ScheduledFile.Write(leveling.Diagnostics.Select(scheduled.File.Locate), error);
                error.WriteLine("tl level: the plan was not leveled; fix the problems above first.");
                return ExitCodes.InvalidInput;
            }

            if (target is not null)
            {
                // A plan file keeps its text: only the moved items' constraint lines change. A Microsoft Project file
                // becomes a plan as the writer writes one.
                var source = scheduled.File.Path;
                var text = PlanReader.IsPlanPath(source)
                    ? PlanFileEditor.Sync(File.ReadAllText(source), scheduled.Program, leveledFile.Program)
                    : PlanWriter.Write(leveledFile.Program);
                target.Write(text);
                error.WriteLine($"tl level: wrote the leveled plan to {target.Target}");
            }

            if (parse.GetValue(format) == "json")
            {
                stdout.Write(Json(scheduled.Program, leveling));
            }
            else
            {
                Table(Terminal.For(stdout), scheduled.Program, leveling);
            }

            return scheduled.HasErrors ? ExitCodes.InvalidInput : ExitCodes.Success;
        });
        return command;
    }

    private static string Date(DateTime value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Table(IAnsiConsole console, Program program, ProgramLeveling leveling)
    {
        var names = program.WorkItems.GroupBy(i => i.Id).ToDictionary(g => g.Key, g => g.First().Name);
        console.Write(new Rule($"[bold]{Markup.Escape(program.Name)}[/]: leveled against team and person capacity").LeftJustified());
        var finishMove = leveling.FinishDelayDays switch
        {
            0 => "no change",
            > 0 => $"[yellow]{leveling.FinishDelayDays} working days later[/]",
            _ => $"{-leveling.FinishDelayDays} working days earlier",
        };
        console.MarkupLine($"Finish {Date(leveling.Before.ProjectFinish)} → [bold]{Date(leveling.After.ProjectFinish)}[/] ({finishMove}); {leveling.Delays.Count} items moved; {leveling.Resources.Count} resources.");
        if (leveling.Search is { } search)
        {
            console.MarkupLine($"[grey]Search: {search.SchedulesGenerated} schedules in {search.Elapsed.TotalSeconds:0.00} s; leveled length {search.Makespan} days, lower bound {search.LowerBound} days{(search.ProvenOptimal ? " (optimal)" : string.Empty)}.[/]");
        }

        console.WriteLine();
        console.Write(OverAllocationTable("Over-allocated before leveling", leveling.OverAllocationsBefore, names));
        if (leveling.OverAllocationsAfter.Count > 0)
        {
            console.WriteLine();
            console.Write(OverAllocationTable("Still over-allocated after leveling (fixed items: done, in progress or pinned by a constraint)", leveling.OverAllocationsAfter, names));
        }

        console.WriteLine();
        var delays = new Table().Title("[bold]What moved, and why[/]").AddColumns("Item", "Was", "Now", "Days", "Why");
        foreach (var delay in leveling.Delays)
        {
            delays.AddRow(
                $"{Markup.Escape(names[delay.Item])} [grey]{Markup.Escape(delay.Item.Value)}[/]",
                Date(delay.OriginalStart),
                Date(delay.LeveledStart),
                delay.DelayDays.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(delay.Reason));
        }

        if (leveling.Delays.Count == 0)
        {
            delays.AddRow("[green]Nothing moved: every team and person has room for the plan as scheduled.[/]", string.Empty, string.Empty, string.Empty, string.Empty);
        }

        console.Write(delays);
    }

    private static Table OverAllocationTable(string title, IReadOnlyList<OverAllocation> rows, Dictionary<WorkItemId, string> names)
    {
        var table = new Table().Title($"[bold]{Markup.Escape(title)}[/]").AddColumns("Resource", "Week of", "Peak demand", "Capacity", "Items that day");
        foreach (var row in rows)
        {
            var items = string.Join(", ", row.Items.Take(4).Select(i => names[i]));
            if (row.Items.Count > 4)
            {
                items += $" and {row.Items.Count - 4} more";
            }

            table.AddRow(
                Markup.Escape(row.Resource.ToString()),
                row.WeekStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                $"[red]{row.PeakPercent}%[/]",
                $"{row.CapacityPercent}%",
                Markup.Escape(items));
        }

        if (rows.Count == 0)
        {
            table.AddRow("[green]none[/]", string.Empty, string.Empty, string.Empty, string.Empty);
        }

        return table;
    }

    private static string Json(Program program, ProgramLeveling leveling)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("finishBefore", leveling.Before.ProjectFinish.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
            json.WriteString("finishAfter", leveling.After.ProjectFinish.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
            json.WriteNumber("finishDelayDays", leveling.FinishDelayDays);
            if (leveling.Search is { } search)
            {
                json.WriteNumber("schedules", search.SchedulesGenerated);
                json.WriteNumber("lowerBoundDays", search.LowerBound);
                json.WriteNumber("leveledDays", search.Makespan);
            }

            json.WriteStartArray("delays");
            foreach (var d in leveling.Delays)
            {
                json.WriteStartObject();
                json.WriteString("id", d.Item.Value);
                json.WriteString("originalStart", d.OriginalStart.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
                json.WriteString("leveledStart", d.LeveledStart.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
                json.WriteNumber("delayDays", d.DelayDays);
                json.WriteNumber("resourceDelayDays", d.ResourceDelayDays);
                if (d.Resource is { } r)
                {
                    json.WriteString("resource", r.Id);
                }

                json.WriteStartArray("competing");
                foreach (var c in d.Competing)
                {
                    json.WriteStringValue(c.Value);
                }

                json.WriteEndArray();
                json.WriteString("reason", d.Reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WriteOver(json, "overAllocationsBefore", leveling.OverAllocationsBefore);
            WriteOver(json, "overAllocationsAfter", leveling.OverAllocationsAfter);
            json.WriteEndObject();
        }

        _ = program;
        return Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;
    }

    private static void WriteOver(Utf8JsonWriter json, string name, IReadOnlyList<OverAllocation> rows)
    {
        json.WriteStartArray(name);
        foreach (var o in rows)
        {
            json.WriteStartObject();
            json.WriteString("resource", o.Resource.Id);
            json.WriteString("kind", o.Resource.Kind == LevelingResourceKind.Team ? "team" : "person");
            json.WriteString("weekStart", o.WeekStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteNumber("peakPercent", o.PeakPercent);
            json.WriteNumber("capacityPercent", o.CapacityPercent);
            json.WriteStartArray("items");
            foreach (var i in o.Items)
            {
                json.WriteStringValue(i.Value);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
