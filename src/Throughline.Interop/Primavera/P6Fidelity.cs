using System.Globalization;
using System.Text;
using Throughline.Interop.Mspdi;
using Throughline.Domain;
using Throughline.Domain.Calendars;
using Throughline.Scheduling;
using Throughline.Scheduling.Calendars;

namespace Throughline.Interop.Primavera;

/// <summary>The computed fields compared with what Primavera P6 stored.</summary>
public enum P6Field
{
    EarlyStart,
    EarlyFinish,
    LateStart,
    LateFinish,
    TotalFloat,
}

/// <summary>One field of one activity where our schedule and P6's differ.</summary>
public sealed record P6Mismatch(string Code, string Name, P6Field Field, string Ours, string P6);

/// <summary>How one P6 file's re-computed schedule compares with the schedule P6 stored in it.</summary>
public sealed record P6FidelityResult(string File, int Compared, int Excluded, IReadOnlyDictionary<P6Field, FidelityCount> Fields, IReadOnlyList<P6Mismatch> Mismatches);

/// <summary>
/// The P6 fidelity harness: re-schedules a P6 file from its inputs (durations, relationships, lags, constraints,
/// calendars, actual dates and remaining durations, the data date) and compares each activity's early and late dates
/// (to the minute) and total float with what P6 stored.
/// </summary>
/// <remarks>
/// <para>
/// Compared: activities that are not complete (a complete activity's dates are its actuals, P6 stores no early or late
/// dates worth comparing for it). Excluded: complete activities and WBS nodes (P6 stores no dates for them in TASK).
/// The early start of an activity in progress is not compared: P6 stores its remaining start there (the data date),
/// the engine its actual start.
/// </para>
/// <para>
/// Dates are compared as working minutes on the activity's calendar: P6 writes a start at the end of a working day
/// (Friday 16:00) where the engine writes the next working minute (Monday 08:00); both are the same point in working
/// time. P6's early dates of an as-late-as-possible activity are its CPM early dates delayed by its free float, so the
/// engine's early dates are compared after that delay.
/// </para>
/// </remarks>
public static class P6Fidelity
{
    public static P6FidelityResult Compare(string file, PrimaveraDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var schedule = ProgramScheduler.Schedule(document.Program, document.ScheduleOptions);
        var tally = new FidelityTally<P6Field>();
        var mismatches = new List<P6Mismatch>();
        var compared = 0;
        var excluded = 0;
        var program = document.Program;
        var origin = new DateOnly(Math.Max(1, program.Start.Year - 20), 1, 1);
        var calendars = new Dictionary<CalendarId, CompiledCalendar>();
        CompiledCalendar CalendarOf(WorkItem item)
        {
            var id = item.Calendar ?? program.Calendar;
            var definition = id is { } c ? program.Calendars.FirstOrDefault(k => k.Id == c) : null;
            definition ??= WorkingCalendar.Standard(new CalendarId("standard"));
            if (!calendars.TryGetValue(definition.Id, out var compiled))
            {
                calendars[definition.Id] = compiled = CompiledCalendar.Compile(definition, program.Calendars, origin);
            }

            return compiled;
        }

        foreach (var item in document.Program.WorkItems)
        {
            var activity = document.Activities[item.Id];
            if (activity.Type == P6ActivityType.WbsNode || !document.Stored.TryGetValue(item.Id, out var stored) || stored.IsComplete || !schedule.Items.TryGetValue(item.Id, out var ours))
            {
                excluded++;
                continue;
            }

            compared++;
            var calendar = CalendarOf(item);
            DateTime? Position(DateTime? value) => value is { } v ? calendar.ToStartDate(calendar.PositionOf(v)) : null;
            void Check<T>(P6Field field, T? theirs, T mine, Func<T, string> format)
                where T : struct
            {
                if (tally.Differs(field, theirs, mine, out var value))
                {
                    mismatches.Add(new P6Mismatch(activity.Code, item.Name, field, format(mine), format(value)));
                }
            }

            // P6 reports an as-late-as-possible activity's early dates delayed by its free float (as late as it can be
            // without delaying a successor); the engine reports CPM early dates and the free float beside them.
            var delay = item.Constraint.Type == ConstraintType.AsLateAsPossible ? ours.FreeSlackMinutes : 0;
            DateTime Delayed(DateTime value) => calendar.ToStartDate(calendar.PositionOf(value) + delay);
            if (item.Progress.ActualStart is null)
            {
                Check(P6Field.EarlyStart, Position(stored.EarlyStart), Delayed(ours.EarlyStart), Date);
            }

            Check(P6Field.EarlyFinish, Position(stored.EarlyFinish), Delayed(ours.EarlyFinish), Date);
            Check(P6Field.LateStart, Position(stored.LateStart), Position(ours.LateStart)!.Value, Date);
            Check(P6Field.LateFinish, Position(stored.LateFinish), Position(ours.LateFinish)!.Value, Date);
            Check(P6Field.TotalFloat, stored.TotalFloatMinutes, ours.TotalSlackMinutes, m => (m / 60.0).ToString("0.##", CultureInfo.InvariantCulture) + "h");
        }

        return new P6FidelityResult(file, compared, excluded, tally.Counts, mismatches);
    }

    /// <summary>A Markdown table, one row per file and a pooled row.</summary>
    public static string FormatTable(IReadOnlyList<P6FidelityResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var fields = Enum.GetValues<P6Field>();
        var text = new StringBuilder("| File | Activities | Excl. |");
        text.Append(string.Concat(fields.Select(f => $" {f} |"))).AppendLine();
        text.Append("|---|---:|---:|").Append(string.Concat(fields.Select(_ => "---:|"))).AppendLine();
        foreach (var result in results)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {result.File} | {result.Compared} | {result.Excluded} |");
            text.Append(string.Concat(fields.Select(f => $" {Cell(result.Fields[f])} |"))).AppendLine();
        }

        return text.ToString();
    }

    public static string FormatMismatches(P6FidelityResult result, int limit)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        foreach (var m in result.Mismatches.Take(limit))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {m.Code} {m.Name}: {m.Field} ours {m.Ours}, P6 {m.P6}");
        }

        return text.ToString();
    }

    private static string Cell(FidelityCount count) =>
        count.Compared == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{count.Matched}/{count.Compared} ({count.Rate * 100:0.#}%)");

    private static string Date(DateTime value) => value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
