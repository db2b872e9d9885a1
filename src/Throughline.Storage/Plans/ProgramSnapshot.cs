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
        schedule = new Lazy<ProgramSchedule?>(() => plan.Program is { } program ? ProgramScheduler.Schedule(program) : null);
    }

    public long Revision { get; }

    public PlanRows Rows { get; }

    public PlanReadResult Plan { get; }

    /// <summary>The schedule of the plan, or null when the plan could not be read at all.</summary>
    public ProgramSchedule? Schedule => schedule.Value;
}
