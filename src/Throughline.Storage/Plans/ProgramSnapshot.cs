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
        // A value no schedule can hold (TL1007: a million-week estimate, a lag of 2^63 minutes) is never given to the
        // engine, whose arithmetic is checked: the program is shown with its diagnostics instead (#14).
        schedule = new Lazy<ProgramSchedule?>(() => plan.Program is { } program && !plan.Diagnostics.Any(d => d.Code == DiagnosticCodes.OutOfRange)
            ? ProgramScheduler.Schedule(program)
            : null);
    }

    public long Revision { get; }

    public PlanRows Rows { get; }

    public PlanReadResult Plan { get; }

    /// <summary>The schedule of the plan, or null when the plan could not be read at all or holds a value out of the plan range (TL1007).</summary>
    public ProgramSchedule? Schedule => schedule.Value;
}
