using Throughline.Domain;
using Throughline.Domain.Diagnostics;
using Throughline.Interop;
using Throughline.Scheduling;

namespace Throughline.Cli;

/// <summary>
/// A plan or Microsoft Project file, read and scheduled: what <c>tl schedule</c>, <c>tl calendar</c> and <c>tl diff</c>
/// all start from. <see cref="Diagnostics"/> holds the file's findings and the scheduler's, located in the file.
/// </summary>
internal sealed record ScheduledFile(ProgramFile File, ProgramSchedule Schedule, IReadOnlyList<Diagnostic> Diagnostics)
{
    public Program Program => File.Program!;

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>Reads and schedules <paramref name="path"/>; null, with the file's diagnostics written, when it cannot be read.</summary>
    public static ScheduledFile? Load(string path, TextWriter error)
    {
        var file = ProgramFile.Load(path);
        if (file.HasErrors)
        {
            Write(file.Diagnostics, error);
            return null;
        }

        var schedule = ProgramScheduler.Schedule(file.Program!, file.ScheduleOptions);

        // A finding the file's validation already reported (a dependency cycle, in the same words) is said once.
        var said = file.Diagnostics.Select(d => (d.Code, d.Message)).ToHashSet();
        return new ScheduledFile(file, schedule, file.Diagnostics.Concat(schedule.Diagnostics.Where(d => !said.Contains((d.Code, d.Message))).Select(file.Locate)).ToList());
    }

    /// <summary>
    /// The same file leveled against team and person capacity: the leveled program (with its leveling delays as
    /// start-no-earlier-than constraints) and its schedule.
    /// </summary>
    public (ScheduledFile File, Throughline.Scheduling.Leveling.ProgramLeveling Leveling) Leveled(Throughline.Scheduling.Leveling.ProgramLevelingOptions options)
    {
        var leveling = Throughline.Scheduling.Leveling.ProgramLeveler.Level(Program, options with { Schedule = File.ScheduleOptions });
        var file = File with { Program = leveling.Leveled };
        var diagnostics = File.Diagnostics.Concat(leveling.After.Diagnostics.Select(File.Locate)).ToList();
        return (new ScheduledFile(file, leveling.After, diagnostics), leveling);
    }

    public static void Write(IEnumerable<Diagnostic> diagnostics, TextWriter error)
    {
        foreach (var diagnostic in diagnostics)
        {
            error.WriteLine(diagnostic.ToString());
        }
    }
}
