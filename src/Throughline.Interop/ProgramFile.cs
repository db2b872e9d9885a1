using Throughline.Domain;
using Throughline.Domain.Diagnostics;
using Throughline.Interop.Mspdi;
using Throughline.Interop.Plan;
using Throughline.Interop.Primavera;
using Throughline.Scheduling;

namespace Throughline.Interop;

/// <summary>
/// A program read from a file of any format Throughline reads, chosen by extension: a plan (<c>.tl.yaml</c>,
/// <c>.yaml</c>, <c>.yml</c>), Microsoft Project XML (<c>.xml</c>) or a Primavera P6 export (<c>.xer</c>).
/// <see cref="TaskUids"/> holds each item's MSPDI UID when the file was MSPDI.
/// </summary>
public sealed record ProgramFile(string Path, Program? Program, IReadOnlyList<Diagnostic> Diagnostics)
{
    public IReadOnlyDictionary<WorkItemId, int> TaskUids { get; init; } = new Dictionary<WorkItemId, int>();

    /// <summary>
    /// What the file says about scheduling beyond the <see cref="Program"/>: for MSPDI, the project start with its time
    /// of day (a project starting at 09:00 starts its first tasks at 09:00). Pass it to <see cref="ProgramScheduler.Schedule"/>.
    /// </summary>
    public ProgramScheduleOptions ScheduleOptions { get; init; } = ProgramScheduleOptions.Default;

    /// <summary>Turns a diagnostic about the program's entities into one with a location in this file.</summary>
    public Func<Diagnostic, Diagnostic> Locate { get; init; } = d => d;

    public bool HasErrors => Program is null || Diagnostics.Any(d => d.IsError);

    public static ProgramFile Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.EndsWith(".xer", StringComparison.OrdinalIgnoreCase))
        {
            // A P6 export schedules as P6 does: from its data date, each activity on its own calendar unless it is
            // resource dependent.
            var xer = XerReader.ReadFile(path);
            return new ProgramFile(path, xer.Document?.Program, xer.Diagnostics)
            {
                ScheduleOptions = xer.Document?.ScheduleOptions ?? ProgramScheduleOptions.Default,
            };
        }

        if (path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
        {
            var mspdi = MspdiReader.ReadFile(path);
            return new ProgramFile(path, mspdi.Document?.Program, mspdi.Diagnostics)
            {
                TaskUids = mspdi.Document?.TaskUids ?? new Dictionary<WorkItemId, int>(),
                ScheduleOptions = mspdi.Document is { } document ? MspdiFidelity.ScheduleOptions(document) : ProgramScheduleOptions.Default,
            };
        }

        var plan = PlanReader.ReadFile(path);
        return new ProgramFile(path, plan.Program, plan.Diagnostics) { Locate = plan.Locate };
    }
}
