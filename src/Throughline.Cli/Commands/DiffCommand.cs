using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Spectre.Console;
using Throughline.Domain;
using Throughline.Interop;
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
        var command = new Command("diff", "The schedule impact of a plan change: milestones moved and by how much, items moved, added and removed, critical path changes")
        {
            oldFile,
            newFile,
            format,
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

            var comparison = ScheduleComparison.Compare(before.Program, before.Schedule, after.Program, after.Schedule);
            if (parse.GetValue(format) == "json")
            {
                output.Write(Json(comparison));
            }
            else
            {
                Table(Terminal.For(output), after.Program, comparison);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    internal static string Json(ScheduleComparison comparison)
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
            json.WriteEndObject();

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
