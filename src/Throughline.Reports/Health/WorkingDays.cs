using Throughline.Domain;
using Throughline.Domain.Calendars;
using Throughline.Scheduling;
using Throughline.Scheduling.Calendars;

namespace Throughline.Reports.Health;

/// <summary>
/// Working days between two moments on the program's calendar (else the standard calendar), in the program's units:
/// how much buffer a scheduled finish leaves before a committed date.
/// </summary>
internal sealed class WorkingDays
{
    private readonly CompiledCalendar calendar;
    private readonly double minutesPerDay;

    public WorkingDays(Program program, ProgramSchedule schedule)
    {
        var definition = (program.Calendar is { } id ? program.Calendars.FirstOrDefault(c => c.Id == id) : null)
            ?? WorkingCalendar.Standard(new CalendarId("standard"));
        var dates = schedule.Items.Values.Select(s => s.Finish).Append(schedule.ProjectStart).Append(schedule.ProjectFinish).ToList();
        var committed = program.WorkItems.Where(i => i.Committed is not null).Select(i => i.Committed!.Value.ToDateTime(TimeOnly.MinValue)).ToList();
        var first = DateOnly.FromDateTime(dates.Concat(committed).Min()).AddDays(-1);
        var last = DateOnly.FromDateTime(dates.Concat(committed).Max());
        calendar = CompiledCalendar.Compile(definition, program.Calendars, first, last.DayNumber - first.DayNumber + 14);
        minutesPerDay = program.Units.MinutesPerDay;
    }

    /// <summary>
    /// Working days from the end of <paramref name="finish"/>'s day to the end of <paramref name="committed"/>; negative
    /// when the finish is later. Whole days, as a promise is kept: finishing at any time on the committed day leaves none.
    /// </summary>
    public double BufferBefore(DateTime finish, DateOnly committed) =>
        (calendar.PositionOf(committed.AddDays(1).ToDateTime(TimeOnly.MinValue)) - calendar.PositionOf(DateOnly.FromDateTime(finish).AddDays(1).ToDateTime(TimeOnly.MinValue))) / minutesPerDay;
}
