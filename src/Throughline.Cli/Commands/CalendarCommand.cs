using System.CommandLine;
using Throughline.Interop;
using Throughline.Interop.ICalendar;
using Throughline.Scheduling;

namespace Throughline.Cli.Commands;

/// <summary>
/// <c>tl calendar FILE [--out F]</c>: the program's governance forums, milestones and open decisions' due dates as an
/// RFC 5545 iCalendar file (see docs/calendar.md), on standard output or in a file.
/// </summary>
internal static class CalendarCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A plan (*.tl.yaml), Microsoft Project XML (*.xml) or Primavera P6 (*.xer) file" };
        var outFile = new Option<FileInfo?>("--out", "-o") { Description = "Write the calendar to this file instead of standard output" };
        var command = new Command("calendar", "Export forum cadences, milestones and decision due dates as iCalendar (RFC 5545)")
        {
            file,
            outFile,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var target = parse.GetValue(outFile) is { } outPath ? OutputFile.Check(outPath, "calendar", error) : null;
            if (parse.GetValue(outFile) is not null && target is null)
            {
                return ExitCodes.InvalidInput;
            }

            if (ScheduledFile.Load(parse.GetValue(file)!.ToString(), error) is not { } scheduled)
            {
                return ExitCodes.InvalidInput;
            }

            ScheduledFile.Write(scheduled.Diagnostics, error);
            if (scheduled.HasErrors)
            {
                return ExitCodes.InvalidInput;
            }

            var calendar = ProgramCalendarWriter.Write(scheduled.Program, scheduled.Schedule, DateTime.UtcNow);
            if (target is not null)
            {
                target.Write(calendar);
            }
            else
            {
                output.Write(calendar);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
