using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Spectre.Console;
using Throughline.Domain;
using Throughline.Reports.Dependencies;

namespace Throughline.Cli.Commands;

/// <summary>
/// <c>tl deps FILE [--format table|json|csv]</c>: the register of cross-team dependencies, provider and consumer with
/// their teams and owners, the link's type and lag, the need-by date, the float on the link and its status.
/// </summary>
internal static class DepsCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A plan (*.tl.yaml) or Microsoft Project XML (*.xml) file" };
        var format = new Option<string>("--format", "-f") { Description = "table (default), json or csv", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "csv");
        var command = new Command("deps", "The cross-team dependency register: provider, consumer, need-by date, float on the link, status and owners")
        {
            file,
            format,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (ScheduledFile.Load(parse.GetValue(file)!.ToString(), error) is not { } scheduled)
            {
                return ExitCodes.InvalidInput;
            }

            ScheduledFile.Write(scheduled.Diagnostics, error);
            if (scheduled.HasErrors)
            {
                return ExitCodes.InvalidInput;
            }

            var register = DependencyRegister.Build(scheduled.Program, scheduled.Schedule);
            switch (parse.GetValue(format))
            {
                case "json":
                    output.Write(Json(scheduled.Program, register));
                    break;
                case "csv":
                    output.Write(Csv(scheduled.Program, register));
                    break;
                default:
                    Table(Terminal.For(output), scheduled.Program, register);
                    break;
            }

            return ExitCodes.Success;
        });
        return command;
    }

    internal static string StatusLabel(DependencyStatus status) => status switch
    {
        DependencyStatus.OnTrack => "on track",
        DependencyStatus.AtRisk => "at risk",
        DependencyStatus.Late => "late",
        DependencyStatus.Done => "done",
    };

    private static string Owner(Program program, WorkItem item) =>
        item.Owner is { } owner ? program.People.FirstOrDefault(p => p.Id == owner)?.Name ?? owner.Value : string.Empty;

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Days(double days) => days.ToString("0.#", CultureInfo.InvariantCulture);

    private static void Table(IAnsiConsole console, Program program, IReadOnlyList<DependencyEntry> register)
    {
        console.Write(new Rule($"[bold]{Markup.Escape(program.Name)}[/]: cross-team dependencies").LeftJustified());
        var table = new Table().AddColumns("Provider", "Team", "Consumer", "Team", "Link", "Need by", "Float (working days)", "Status", "Owners");
        foreach (var e in register)
        {
            var colour = e.Status switch
            {
                DependencyStatus.Late => "red",
                DependencyStatus.AtRisk => "yellow",
                DependencyStatus.OnTrack => "green",
                DependencyStatus.Done => "grey",
            };
            table.AddRow(
                Markup.Escape(e.Provider.Id.Value),
                Markup.Escape(e.ProviderTeam?.Value ?? "-"),
                Markup.Escape(e.Consumer.Id.Value),
                Markup.Escape(e.ConsumerTeam?.Value ?? "-"),
                Markup.Escape(Interop.Plan.PlanWriter.LinkLabel(e.Link, program.Units)),
                Date(e.NeedBy) + (e.NeedByAgreed ? " (agreed)" : string.Empty),
                Days(e.FloatDays),
                $"[{colour}]{StatusLabel(e.Status)}[/]",
                Markup.Escape(string.Join(" → ", new[] { Owner(program, e.Provider), Owner(program, e.Consumer) }.Where(o => o.Length > 0))));
        }

        if (register.Count == 0)
        {
            table.AddRow("[green]No dependency crosses a team.[/]", string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);
        }

        console.Write(table);
        console.MarkupLine($"{register.Count} cross-team dependencies: {register.Count(e => e.Status == DependencyStatus.Late)} late, {register.Count(e => e.Status == DependencyStatus.AtRisk)} at risk (under {DependencyRegister.AtRiskBelowDays:0} working days of float).");
    }

    private static string Json(Program program, IReadOnlyList<DependencyEntry> register)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var e in register)
            {
                json.WriteStartObject();
                json.WriteString("provider", e.Provider.Id.Value);
                json.WriteString("providerTeam", e.ProviderTeam?.Value);
                json.WriteString("providerOwner", e.Provider.Owner?.Value);
                json.WriteString("consumer", e.Consumer.Id.Value);
                json.WriteString("consumerTeam", e.ConsumerTeam?.Value);
                json.WriteString("consumerOwner", e.Consumer.Owner?.Value);
                json.WriteString("link", Interop.Plan.PlanWriter.LinkLabel(e.Link, program.Units));
                json.WriteString("releasedAt", e.ReleasedAt.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
                json.WriteString("needBy", Date(e.NeedBy));
                json.WriteBoolean("needByAgreed", e.NeedByAgreed);
                json.WriteNumber("floatWorkingDays", e.FloatDays);
                json.WriteString("status", StatusLabel(e.Status));
                json.WriteString("note", e.Link.Note);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;
    }

    private static string Csv(Program program, IReadOnlyList<DependencyEntry> register)
    {
        var csv = new StringBuilder("provider,provider_team,provider_owner,consumer,consumer_team,consumer_owner,link,need_by,need_by_agreed,float_working_days,status,note\n");
        foreach (var e in register)
        {
            string[] fields =
            [
                e.Provider.Id.Value, e.ProviderTeam?.Value ?? string.Empty, e.Provider.Owner?.Value ?? string.Empty,
                e.Consumer.Id.Value, e.ConsumerTeam?.Value ?? string.Empty, e.Consumer.Owner?.Value ?? string.Empty,
                Interop.Plan.PlanWriter.LinkLabel(e.Link, program.Units), Date(e.NeedBy), e.NeedByAgreed ? "true" : "false", Days(e.FloatDays), StatusLabel(e.Status), e.Link.Note ?? string.Empty,
            ];
            csv.Append(string.Join(',', fields.Select(CsvField.Quote))).Append('\n');
        }

        return csv.ToString();

    }
}
