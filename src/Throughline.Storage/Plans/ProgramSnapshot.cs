using Throughline.Domain.Diagnostics;
using Throughline.Interop.Plan;
using Throughline.Scheduling;

namespace Throughline.Storage.Plans;

/// <summary>
/// A program as it was at one <see cref="Revision"/>: its rows, the plan read from them, and its schedule computed on
/// first use. Immutable once made (nothing may change <see cref="Rows"/>), so it can be shared between requests.
/// </summary>
public sealed class ProgramSnapshot
{
    private readonly Lazy<ProgramSchedule?> schedule;

    public ProgramSnapshot(long revision, PlanRows rows, PlanReadResult plan)
    {
        Revision = revision;
        Rows = rows;
        Plan = plan;
        EstimatedBytes = Estimate(rows);
        // A value no schedule can hold (TL1007: a million-week estimate, a lag of 2^63 minutes) is never given to the
        // engine, whose arithmetic is checked: the program is shown with its diagnostics instead (#14).
        schedule = new Lazy<ProgramSchedule?>(() => plan.Program is { } program && !plan.Diagnostics.Any(d => d.Code == DiagnosticCodes.OutOfRange)
            ? ProgramScheduler.Schedule(program)
            : null);
    }

    public long Revision { get; }

    public PlanRows Rows { get; }

    public PlanReadResult Plan { get; }

    /// <summary>
    /// About how much memory the snapshot holds once its schedule is computed, for <see cref="RevisionCache"/>'s
    /// budget: <see cref="BytesPerCharacter"/> for every character of the stored fields.
    /// </summary>
    public long EstimatedBytes { get; }

    /// <summary>The schedule of the plan, or null when the plan could not be read at all or holds a value out of the plan range (TL1007).</summary>
    public ProgramSchedule? Schedule => schedule.Value;

    /// <summary>
    /// Bytes a snapshot holds per character of its stored fields: the rows' own strings (2 bytes a character), the
    /// plan read from them and its schedule. Measured with <c>GC.GetTotalMemory</c> over 20 snapshots with their
    /// schedules: 7.8 bytes a character for the demo program (122,000 characters, 0.95 MB a snapshot), 7.6 for
    /// examples/product-launch (22,000 characters, 0.17 MB), 3 December 2026.
    /// </summary>
    public const int BytesPerCharacter = 8;

    private static long Estimate(PlanRows rows)
    {
        long characters = rows.Program.ToJsonString().Length + rows.Sections.ToJsonString().Length;
        foreach (var row in rows.AllRows())
        {
            characters += row.Fields.Length + row.Key.Length + 64;
        }

        return characters * BytesPerCharacter;
    }
}
