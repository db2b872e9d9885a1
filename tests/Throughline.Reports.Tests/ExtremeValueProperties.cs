using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Throughline.Interop.Plan;
using Throughline.Reports.Html;
using Throughline.Reports.Markdown;
using Throughline.Scheduling;
using Throughline.Scheduling.Forecasting;

namespace Throughline.Reports.Tests;

/// <summary>
/// Random plans of extreme values (durations and lags at and far beyond the plan range, negative leads, dates at the
/// ends of the range, constraints) go through everything a plan meets: reader, validator, engine, forecast and
/// status report. Nothing may throw: a value is either refused with a diagnostic or scheduled (#14, finding 2).
/// </summary>
public class ExtremeValueProperties
{
    private static readonly string[] Durations =
    [
        "0", "1m", "3d", "5000w", "8000w", "20000w", "1000000w", "99999999ed", "9223372036854775807m", "99999999999999999999999w",
        "-3d", "1.5mo", "60631d", "87310080m", "three",
    ];

    private static readonly string[] Lags = ["", " FS+2000000w", " FS+99999999ed", " SS-99999999ed", " FF+1000000%", " FS+5000w", " FS-5000w", " SF+60000ed", " FS+10000%"];

    private static readonly string[] Dates = ["1984-01-01", "2149-12-31", "2027-06-01", "2150-01-01", "1983-12-31", "9999-12-31"];

    private static readonly string[] Constraints = ["asap", "alap", "snet", "snlt", "fnet", "fnlt", "mso", "mfo"];

    private static readonly Arbitrary<string> Plans =
        (from count in Gen.Choose(1, 6)
         from items in Gen.ListOf(ItemGen(), count)
         from start in Gen.Elements(Dates)
         from impact in Gen.Elements(Durations)
         select Plan(start, [.. items], impact)).ToArbitrary();

    [Fact]
    public void No_extreme_value_throws_anywhere_from_reading_to_the_report() =>
        Prop.ForAll(Plans, text =>
        {
            var read = PlanReader.Read(text, "extreme.tl.yaml");
            if (read.Program is not { } program)
            {
                return read.HasErrors;
            }

            // The server schedules every stored program it can read, errors or not (the overview does), except one
            // holding a value no schedule can (TL1007), which it shows with its diagnostics (ProgramSnapshot).
            if (read.Diagnostics.Any(d => d.Code == Domain.Diagnostics.DiagnosticCodes.OutOfRange))
            {
                return true;
            }

            var schedule = ProgramScheduler.Schedule(program);
            if (read.HasErrors || schedule.Diagnostics.Any(d => d.IsError))
            {
                return true;
            }

            // What the CLI and the server do with a clean plan: forecast it and write the status report.
            var forecast = ProgramForecaster.Forecast(program, new ProgramForecastOptions { Iterations = 50, Seed = 3, RankRisks = true, MaxDegreeOfParallelism = 1 });
            var report = StatusReportBuilder.Build(new StatusReportInput(program, schedule, program.StatusDate ?? program.Start) { Forecast = forecast });
            return MarkdownStatusReport.Write(report).Length > 0 && HtmlStatusReport.Write(report).Length > 0;
        }).QuickCheckThrowOnFailure();

    private static Gen<string> ItemGen() =>
        from estimate in Gen.Elements(Durations)
        from lag in Gen.Elements(Lags)
        from constraint in Gen.Elements(Constraints)
        from date in Gen.Elements(Dates)
        from committed in Gen.Elements(Dates)
        select $"estimate: \"{estimate}\", constraint: \"{constraint}{(constraint is "asap" or "alap" ? "" : " " + date)}\", committed: {committed}|{lag}";

    private static string Plan(string start, string[] items, string impact)
    {
        var text = new StringBuilder();
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"program: {{ id: x, name: X, start: {start}, status-date: {start} }}\n");
        text.Append("teams: [{ id: t, name: T, capacity: 40h }]\nprojects:\n  - id: p\n    name: P\n    team: t\n    items:\n");
        for (var i = 0; i < items.Length; i++)
        {
            var parts = items[i].Split('|');
            var dependsOn = i == 0 ? "" : $", depends-on: [\"i{i - 1}{parts[1]}\"]";
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"      - {{ id: i{i}, name: I{i}, team: t, {parts[0]}{dependsOn} }}\n");
        }

        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"      - {{ id: m, name: M, milestone: true, committed: 2028-01-01, depends-on: [i{items.Length - 1}] }}\n");
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"risks:\n  - {{ id: r, title: R, probability: 50%, impact: \"{impact}\", items: [i0] }}\n");
        return text.ToString();
    }
}
