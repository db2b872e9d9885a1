using Throughline.Domain;
using Throughline.Domain.Calendars;
using Throughline.Scheduling.Calendars;

namespace Throughline.Scheduling.Tests;

/// <summary>Calendars the tests share. Dates are in March 2024: Monday 4th, Friday 8th, Monday 11th.</summary>
internal static class TestCalendars
{
    public static readonly DateOnly Origin = new(2023, 1, 1);

    public static DateTime At(int day, int hour, int minute = 0) => new(2024, 3, day, hour, minute, 0);

    public static CompiledCalendar Standard(params DateOnly[] holidays) =>
        CompiledCalendar.Compile(
            WorkingCalendar.Standard(new CalendarId("std"), exceptions: [.. holidays.Select(h => CalendarException.Holiday(h, "holiday"))]),
            [],
            Origin);

    public static CompiledCalendar TwentyFourSeven()
    {
        IReadOnlyList<WorkingTimeRange> day = [new WorkingTimeRange(0, 1440)];
        return CompiledCalendar.Compile(new WorkingCalendar(new CalendarId("24x7"), "24x7", [day, day, day, day, day, day, day], []), [], Origin);
    }
}
