using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Spectre.Console;
using Throughline.Domain;
using Throughline.Interop;
using Throughline.Reports.Changes;
using Throughline.Reports.Outlook;
using Throughline.Scheduling;

namespace Throughline.Cli.Commands;

/// <summary>
/// <c>tl diff OLD NEW [--format table|json]</c>: the schedule impact of a plan change, so plan changes are reviewed
/// like code: committed milestones moved and by how many working days, items moved, added and removed, and the
/// critical path's changes.
/// </summary>
internal static class DiffCommand
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss";

    public static Command Create()
    {
        var oldFile = new Argument<FileInfo>("old") { Description = "The plan before the change (*.tl.yaml or Microsoft Project XML)" };
        var newFile = new Argument<FileInfo>("new") { Description = "The plan after the change" };
        var format = new Option<string>("--format", "-f") { Description = "table (default) or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var iterations = new Option<int>("--iterations", "-n") { Description = "Forecast iterations for P80 and chance on time before and after; 0 compares schedules only", DefaultValueFactory = _ => 2_000 };
        var seed = new Option<ulong>("--seed", "-s") { Description = "Forecast random seed (the same for both plans)", DefaultValueFactory = _ => 1 };
        var command = new Command("diff", "The schedule impact of a plan change: commitments moved with the changes that moved them, P80 and chance on time before and after, the teams hurt; items moved, added and removed, critical path changes")
        {
            oldFile,
            newFile,
            format,
            iterations,
            seed,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var before = ScheduledFile.Load(parse.GetValue(oldFile)!.ToString(), error);
            var after = ScheduledFile.Load(parse.GetValue(newFile)!.ToString(), error);
            if (before is null || after is null)
            {
                return ExitCodes.InvalidInput;
            }

            ScheduledFile.Write(before.Diagnostics.Concat(after.Diagnostics), error);
            if (before.HasErrors || after.HasErrors)
            {
                return ExitCodes.InvalidInput;
            }

            if (parse.GetValue(iterations) < 0)
            {
                error.WriteLine("tl diff: --iterations must be 0 (no forecast) or more.");
                return ExitCodes.Usage;
            }

            var comparison = ScheduleComparison.Compare(before.Program, before.Schedule, after.Program, after.Schedule);
            var options = new OutlookOptions { Iterations = parse.GetValue(iterations), Seed = parse.GetValue(seed) };
            var asOf = after.Program.StatusDate ?? DateOnly.FromDateTime(DateTime.Now);
            ProgramOutlook Outlook(ScheduledFile file) =>
                ProgramOutlook.Compute(file.Program, file.Schedule, options.Iterations > 0 ? OutlookForecast.Run(file.Program, options) : null, asOf, file.File.ScheduleOptions);
            var changes = CommitmentChanges.Compare(before.Program, before.Schedule, Outlook(before), after.Program, after.Schedule, Outlook(after));
            if (changes.DifferentPrograms)
            {
                error.WriteLine($"tl diff: warning: the files are different programs ('{changes.OldProgram}' and '{changes.NewProgram}'); items are matched by id regardless.");
            }

            if (parse.GetValue(format) == "json")
            {
                output.Write(Json(comparison, changes));
            }
            else
            {
                var console = Terminal.For(output);
                Table(console, after.Program, comparison);
                Causes(console, after.Program, changes);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    internal static string Json(ScheduleComparison comparison, CommitmentChanges changes)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartObject("programFinish");
            json.WriteString("oldFinish", Time(comparison.ProgramFinish.OldFinish));
            json.WriteString("newFinish", Time(comparison.ProgramFinish.NewFinish));
            json.WriteNumber("workingDaysMoved", Math.Round(comparison.ProgramFinish.WorkingDaysMoved, 2));
            json.WriteEndObject();
            Moves("milestonesMoved", comparison.MilestonesMoved);
            Moves("itemsMoved", comparison.ItemsMoved);
            Ids("added", comparison.Added);
            Ids("removed", comparison.Removed);
            Ids("joinedCriticalPath", comparison.JoinedCriticalPath);
            Ids("leftCriticalPath", comparison.LeftCriticalPath);

            // Added after the contract's fields: the outlook's changes with their causes.
            json.WriteBoolean("differentPrograms", changes.DifferentPrograms);
            json.WriteStartArray("commitments");
            foreach (var c in changes.Moved)
            {
                json.WriteStartObject();
                json.WriteString("id", c.Id.Value);
                json.WriteString("name", c.Name);
                json.WriteString("committed", Day(c.Committed));
                json.WriteString("scheduledBefore", Day(c.ScheduledBefore));
                json.WriteString("scheduledAfter", Day(c.ScheduledAfter));
                json.WriteNumber("bufferDaysBefore", Math.Round(c.BufferBefore, 2));
                json.WriteNumber("bufferDaysAfter", Math.Round(c.BufferAfter, 2));
                Nullable("p80Before", c.P80Before is { } b ? Day(b) : null);
                Nullable("p80After", c.P80After is { } a ? Day(a) : null);
                Share("probabilityOnTimeBefore", c.ChanceBefore);
                Share("probabilityOnTimeAfter", c.ChanceAfter);
                json.WriteStartArray("causes");
                foreach (var cause in c.Causes)
                {
                    json.WriteStringValue(cause);
                }

                json.WriteEndArray();
                json.WriteStartArray("drivingTeams");
                foreach (var team in c.Teams)
                {
                    json.WriteStringValue(team.Value);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("teamsHurt");
            foreach (var team in changes.TeamsHurt)
            {
                json.WriteStringValue(team.Value);
            }

            json.WriteEndArray();
            json.WriteEndObject();

            void Nullable(string name, string? value)
            {
                if (value is null)
                {
                    json.WriteNull(name);
                }
                else
                {
                    json.WriteString(name, value);
                }
            }

            void Share(string name, double? value)
            {
                if (value is { } v)
                {
                    json.WriteNumber(name, Math.Round(v, 4));
                }
                else
                {
                    json.WriteNull(name);
                }
            }

            void Moves(string name, IReadOnlyList<ItemMove> moves)
            {
                json.WriteStartArray(name);
                foreach (var move in moves)
                {
                    json.WriteStartObject();
                    json.WriteString("id", move.Id.Value);
                    json.WriteString("name", move.Name);
                    json.WriteBoolean("milestone", move.IsMilestone);
                    if (move.Committed is { } committed)
                    {
                        json.WriteString("committed", committed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        json.WriteNull("committed");
                    }

                    json.WriteString("oldFinish", Time(move.OldFinish));
                    json.WriteString("newFinish", Time(move.NewFinish));
                    json.WriteNumber("workingDaysMoved", Math.Round(move.WorkingDaysMoved, 2));
                    json.WriteBoolean("wasLate", move.WasLate);
                    json.WriteBoolean("late", move.IsLate);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            void Ids(string name, IReadOnlyList<WorkItemId> ids)
            {
                json.WriteStartArray(name);
                foreach (var id in ids)
                {
                    json.WriteStringValue(id.Value);
                }

                json.WriteEndArray();
            }
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;

        static string Time(DateTime value) => value.ToString(TimeFormat, CultureInfo.InvariantCulture);
        static string Day(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>Each moved commitment with its P80 and chance before and after and the changes that moved it; the teams hurt.</summary>
    private static void Causes(IAnsiConsole console, Program program, CommitmentChanges changes)
    {
        if (changes.Moved.Count == 0)
        {
            return;
        }

        static string Day(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";
        static string Share(double? value) => value?.ToString("0%", CultureInfo.InvariantCulture) ?? "-";
        console.WriteLine();
        var table = new Table().Title("[bold]Commitments: what moved them[/]").AddColumns("Commitment", "Scheduled", "P80", "On time", "Caused by");
        foreach (var c in changes.Moved)
        {
            table.AddRow(
                $"{Markup.Escape(c.Name)} [grey]{Markup.Escape(c.Id.Value)}[/]",
                $"{Day(c.ScheduledBefore)} -> {Day(c.ScheduledAfter)}",
                $"{Day(c.P80Before)} -> {Day(c.P80After)}",
                $"{Share(c.ChanceBefore)} -> {(c.Slipped ? "[red]" : "[green]")}{Share(c.ChanceAfter)}[/]",
                Markup.Escape(string.Join("; ", c.Causes)));
        }

        console.Write(table);
        if (changes.TeamsHurt.Count > 0)
        {
            var names = program.Teams.GroupBy(t => t.Id).ToDictionary(g => g.Key, g => g.First().Name);
            console.MarkupLine($"Teams whose commitments slipped: {Markup.Escape(string.Join(", ", changes.TeamsHurt.Select(t => names.GetValueOrDefault(t, t.Value))))}");
        }
    }

    private static void Table(IAnsiConsole console, Program program, ScheduleComparison comparison)
    {
        var names = program.WorkItems.GroupBy(i => i.Id).ToDictionary(g => g.Key, g => g.First().Name);
        static string Date(DateTime value) => value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        static string Days(ItemMove move)
        {
            var days = move.WorkingDaysMoved.ToString("+0.#;-0.#;0", CultureInfo.InvariantCulture) + "d";
            return move.WorkingMinutesMoved > 0 ? $"[red]{days}[/]" : move.WorkingMinutesMoved < 0 ? $"[green]{days}[/]" : days;
        }

        string Item(WorkItemId id) => names.TryGetValue(id, out var name) ? $"{Markup.Escape(name)} [grey]{Markup.Escape(id.Value)}[/]" : Markup.Escape(id.Value);

        console.Write(new Rule($"[bold]{Markup.Escape(program.Name)}[/]: schedule impact").LeftJustified());
        var finish = comparison.ProgramFinish;
        console.MarkupLine($"Program finish {Date(finish.OldFinish)} -> [bold]{Date(finish.NewFinish)}[/] ({Days(finish)} working)");
        if (!comparison.HasImpact)
        {
            console.WriteLine("No schedule impact.");
            return;
        }

        if (comparison.MilestonesMoved.Count > 0)
        {
            console.WriteLine();
            var milestones = new Table().Title("[bold]Milestones and committed dates moved[/]").AddColumns("Item", "Committed", "Old finish", "New finish", "Moved", "Late");
            foreach (var move in comparison.MilestonesMoved)
            {
                milestones.AddRow(
                    $"{(move.IsMilestone ? "◆ " : string.Empty)}{Item(move.Id)}",
                    move.Committed?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
                    Date(move.OldFinish),
                    Date(move.NewFinish),
                    Days(move),
                    move.BecameLate ? "[red]now late[/]" : move.IsLate ? "[red]late[/]" : move.WasLate ? "[green]now on time[/]" : string.Empty);
            }

            console.Write(milestones);
        }

        if (comparison.ItemsMoved.Count > 0)
        {
            console.WriteLine();
            var items = new Table().Title($"[bold]Work items moved ({comparison.ItemsMoved.Count})[/]").AddColumns("Item", "Old finish", "New finish", "Moved");
            foreach (var move in comparison.ItemsMoved)
            {
                items.AddRow(Item(move.Id), Date(move.OldFinish), Date(move.NewFinish), Days(move));
            }

            console.Write(items);
        }

        List(console, "Added", comparison.Added, Item);
        List(console, "Removed", comparison.Removed, id => Markup.Escape(id.Value));
        List(console, "Joined the critical path", comparison.JoinedCriticalPath, Item);
        List(console, "Left the critical path", comparison.LeftCriticalPath, Item);
    }

    private static void List(IAnsiConsole console, string title, IReadOnlyList<WorkItemId> ids, Func<WorkItemId, string> describe)
    {
        if (ids.Count == 0)
        {
            return;
        }

        console.WriteLine();
        console.MarkupLine($"[bold]{title}[/] ({ids.Count})");
        foreach (var id in ids)
        {
            console.MarkupLine($"  {describe(id)}");
        }
    }
}
