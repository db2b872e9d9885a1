using System.Globalization;
using System.Text;
using Throughline.Domain;
using Throughline.Domain.Diagnostics;
using Throughline.Scheduling;

namespace Throughline.Interop.Mspdi;

/// <summary>The computed schedule fields compared with what Microsoft Project stored.</summary>
public enum FidelityField
{
    Start,
    Finish,
    EarlyStart,
    EarlyFinish,
    LateStart,
    LateFinish,
    TotalSlack,
    FreeSlack,
    Critical,
}

/// <summary>One field of one task where our schedule and the stored one differ.</summary>
public sealed record FidelityMismatch(WorkItemId Item, int Uid, string Name, FidelityField Field, string Ours, string MsProject);

/// <summary>Matched and compared counts for one field; a field the file does not store is not compared.</summary>
public readonly record struct FidelityCount(int Matched, int Compared)
{
    public double Rate => Compared == 0 ? 1 : Matched / (double)Compared;

    public static FidelityCount operator +(FidelityCount a, FidelityCount b) => new(a.Matched + b.Matched, a.Compared + b.Compared);

    public static FidelityCount Add(FidelityCount a, FidelityCount b) => a + b;
}

/// <summary>How one file's re-computed schedule compares with the schedule stored in it, field by field, to the minute.</summary>
public sealed record FidelityFileResult(
    string File,
    int TasksCompared,
    int TasksExcluded,
    IReadOnlyDictionary<FidelityField, FidelityCount> Fields,
    IReadOnlyList<FidelityMismatch> Mismatches,
    IReadOnlyList<Diagnostic> ScheduleDiagnostics)
{
    public FidelityCount Total => Fields.Values.Aggregate(default(FidelityCount), (a, b) => a + b);
}

/// <summary>
/// The fidelity harness: re-schedules an imported MSPDI file from its inputs with <see cref="ProgramScheduler"/>,
/// ignoring the dates stored in it, and compares every computed field with what Microsoft Project stored.
/// </summary>
/// <remarks>
/// Compared: every active task, summaries and manually scheduled tasks included (a manual task keeps its stored start,
/// <see cref="MspdiDocument.ManualStarts"/>). Excluded: inactive tasks (Microsoft Project leaves them out of the schedule). The status date is
/// not passed to the engine: Microsoft Project only moves work around it when "reschedule uncompleted work" is run,
/// and the corpus files were saved without that.
/// </remarks>
public static class MspdiFidelity
{
    public static FidelityFileResult Compare(string file, MspdiDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var schedule = ProgramScheduler.Schedule(document.Program with { StatusDate = null }, ScheduleOptions(document));
        var tally = new FidelityTally<FidelityField>();
        var mismatches = new List<FidelityMismatch>();
        var compared = 0;
        var excluded = 0;
        foreach (var item in document.Program.WorkItems)
        {
            var info = document.Tasks[item.Id];
            if (!info.IsActive || !schedule.Items.TryGetValue(item.Id, out var ours))
            {
                excluded++;
                continue;
            }

            compared++;
            var stored = document.Stored[item.Id];
            void Check<T>(FidelityField field, T? theirs, T mine, Func<T, string> format)
                where T : struct
            {
                if (tally.Differs(field, theirs, mine, out var value))
                {
                    mismatches.Add(new FidelityMismatch(item.Id, info.Uid, item.Name, field, format(mine), format(value)));
                }
            }

            Check(FidelityField.Start, ToMinute(stored.Start), ours.Start, Date);
            Check(FidelityField.Finish, ToMinute(stored.Finish), ours.Finish, Date);
            Check(FidelityField.EarlyStart, ToMinute(stored.EarlyStart), ours.EarlyStart, Date);
            Check(FidelityField.EarlyFinish, ToMinute(stored.EarlyFinish), ours.EarlyFinish, Date);
            Check(FidelityField.LateStart, ToMinute(stored.LateStart), ours.LateStart, Date);
            Check(FidelityField.LateFinish, ToMinute(stored.LateFinish), ours.LateFinish, Date);
            Check(FidelityField.TotalSlack, stored.TotalSlackMinutes, ours.TotalSlackMinutes, Minutes);
            Check(FidelityField.FreeSlack, stored.FreeSlackMinutes, ours.FreeSlackMinutes, Minutes);
            Check(FidelityField.Critical, stored.Critical, ours.IsCritical, b => b ? "yes" : "no");
        }

        return new FidelityFileResult(file, compared, excluded, tally.Counts, mismatches, schedule.Diagnostics);
    }

    /// <summary>
    /// What the file says about scheduling beyond the <see cref="Program"/>: the project start with its time of day
    /// (Microsoft Project starts the first tasks of a project whose <c>StartDate</c> is 09:00 at 09:00), split tasks,
    /// tasks that ignore their resources' calendars, and the starts of manually scheduled tasks.
    /// </summary>
    public static ProgramScheduleOptions ScheduleOptions(MspdiDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new ProgramScheduleOptions
        {
            ProjectStart = document.ProjectStart,
            Splits = document.Splits,
            IgnoreResourceCalendars = document.IgnoreResourceCalendar,
            FixedStarts = document.ManualStarts,
        };
    }

    /// <summary>
    /// A Markdown table: one row per file, one column per field (matched/compared and percent), and a pooled total
    /// row. Files with nothing to compare (all tasks manual, or none) are listed with "-".
    /// </summary>
    public static string FormatTable(IReadOnlyList<FidelityFileResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var fields = Enum.GetValues<FidelityField>();
        var text = new StringBuilder();
        text.Append("| File | Tasks | Excl. |");
        foreach (var field in fields)
        {
            text.Append(' ').Append(field).Append(" |");
        }

        text.AppendLine(" All |");
        text.Append("|---|---:|---:|").Append(string.Concat(fields.Select(_ => "---:|"))).AppendLine("---:|");
        foreach (var result in results)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {result.File} | {result.TasksCompared} | {result.TasksExcluded} |");
            foreach (var field in fields)
            {
                text.Append(' ').Append(Cell(result.Fields[field])).Append(" |");
            }

            text.Append(' ').Append(Cell(result.Total)).AppendLine(" |");
        }

        var pooled = fields.ToDictionary(f => f, f => results.Aggregate(default(FidelityCount), (a, r) => a + r.Fields[f]));
        text.Append(CultureInfo.InvariantCulture, $"| **all files** | {results.Sum(r => r.TasksCompared)} | {results.Sum(r => r.TasksExcluded)} |");
        foreach (var field in fields)
        {
            text.Append(" **").Append(Cell(pooled[field])).Append("** |");
        }

        text.Append(" **").Append(Cell(pooled.Values.Aggregate(default(FidelityCount), (a, b) => a + b))).AppendLine("** |");
        return text.ToString();
    }

    /// <summary>Lists the mismatches, at most <paramref name="perFile"/> per file, for a person to read.</summary>
    public static string FormatMismatches(IReadOnlyList<FidelityFileResult> results, int perFile = 20)
    {
        ArgumentNullException.ThrowIfNull(results);
        var text = new StringBuilder();
        foreach (var result in results.Where(r => r.Mismatches.Count > 0))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{result.File}: {result.Mismatches.Count} mismatch(es)");
            foreach (var m in result.Mismatches.Take(perFile))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  UID {m.Uid} {m.Name}: {m.Field} ours {m.Ours}, MS Project {m.MsProject}");
            }
        }

        return text.ToString();
    }

    private static string Cell(FidelityCount count) =>
        count.Compared == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{count.Matched}/{count.Compared} ({count.Rate * 100:0.#}%)");

    /// <summary>
    /// Compared to the minute: Project stores seconds where a duration has fractional minutes (11:53:20), the engine
    /// counts whole minutes.
    /// </summary>
    private static DateTime? ToMinute(DateTime? value) =>
        value is { } v ? new DateTime(v.Ticks - (v.Ticks % TimeSpan.TicksPerMinute), v.Kind) : null;

    private static string Date(DateTime value) => value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Minutes(long value) => value.ToString(CultureInfo.InvariantCulture) + "m";
}
