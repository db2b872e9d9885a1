using Throughline.Domain;
using Throughline.Domain.Calendars;
using Throughline.Scheduling;
using Throughline.Scheduling.Calendars;

namespace Throughline.Bench;

/// <summary>
/// Random layered networks: tasks in layers of <c>width</c>, each linked to about three tasks of the previous three
/// layers with mixed link types (70% FS, 10% each SS, FF, SF) and lags (60% none, 20% working, 10% elapsed,
/// 10% percent), on a standard calendar with ten holidays a year. Seeded, so every run builds the same network.
/// </summary>
internal static class NetworkGenerator
{
    public static readonly DateTime Start = new(2025, 1, 6, 8, 0, 0);

    public static CompiledCalendar Calendar()
    {
        var holidays = new List<CalendarException>();
        for (var year = 2025; year < 2045; year++)
        {
            foreach (var (month, day) in new[] { (1, 1), (1, 20), (2, 17), (5, 26), (7, 4), (9, 1), (10, 13), (11, 11), (11, 27), (12, 25) })
            {
                holidays.Add(CalendarException.Holiday(new DateOnly(year, month, day), "holiday"));
            }
        }

        return CompiledCalendar.Compile(WorkingCalendar.Standard(new CalendarId("bench"), exceptions: holidays), [], new DateOnly(2024, 1, 1));
    }

    public static (ScheduleNetwork Network, int Links) Layered(int tasks, int seed = 42)
    {
        var random = new Random(seed);
        var width = Math.Max(10, tasks / 200);
        var builder = new ScheduleNetworkBuilder([Calendar()], Start);
        var links = 0;
        for (var t = 0; t < tasks; t++)
        {
            builder.AddTask(random.Next(1, 11) * 240);
            var layer = t / width;
            if (layer == 0)
            {
                continue;
            }

            var low = Math.Max(0, (layer - 3) * width);
            var high = layer * width;
            for (var k = 0; k < 3; k++)
            {
                var from = random.Next(low, high);
                var roll = random.Next(10);
                var type = roll < 7 ? DependencyType.FinishToStart : (DependencyType)(roll - 6);
                var lagRoll = random.Next(10);
                var lag = lagRoll switch
                {
                    < 6 => Lag.None,
                    < 8 => new Lag(random.Next(-240, 960), LagKind.Working),
                    8 => Lag.Elapsed(random.Next(0, 2880)),
                    _ => Lag.Percent(random.Next(0, 100)),
                };
                builder.AddLink(from, t, type, lag);
                links++;
            }
        }

        return (builder.Build(), links);
    }
}
