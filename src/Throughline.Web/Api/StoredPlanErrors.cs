using Throughline.Domain.Diagnostics;
using Throughline.Storage.Plans;

namespace Throughline.Web.Api;

/// <summary>
/// What stops a stored program's schedule being shown: the plan's own errors, or, when it has none, a schedule that
/// runs past the last date a plan can hold (TL3001). Pages show these instead of the schedule, the API answers 409
/// and lists them in <c>/diagnostics</c>: such a program is still served, never a 500 (#14).
/// </summary>
internal static class StoredPlanErrors
{
    public static IReadOnlyList<Diagnostic> Of(ProgramSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Plan.HasErrors || snapshot.Schedule is not { } schedule)
        {
            return [.. snapshot.Plan.Diagnostics.Where(d => d.IsError)];
        }

        return [.. schedule.Diagnostics.Where(d => d.Code == DiagnosticCodes.ScheduleOutOfRange).Select(snapshot.Plan.Locate)];
    }
}
