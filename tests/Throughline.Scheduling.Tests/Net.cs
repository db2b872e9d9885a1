using Throughline.Domain;
using Throughline.Scheduling.Calendars;

namespace Throughline.Scheduling.Tests;

/// <summary>A small network on the standard calendar starting Monday 4 March 2024, 08:00; durations in days of 480 minutes.</summary>
internal sealed class Net
{
    public const long Day = 480;

    public Net(params CompiledCalendar[] calendars)
    {
        Calendars = calendars.Length == 0 ? [TestCalendars.Standard()] : calendars;
        Builder = new ScheduleNetworkBuilder(Calendars, TestCalendars.At(4, 8));
    }

    public CompiledCalendar[] Calendars { get; }

    public ScheduleNetworkBuilder Builder { get; }

    public int Task(double days, int calendar = 0) => Builder.AddTask((long)(days * Day), calendar);

    public int Milestone() => Builder.AddTask(0, 0, milestone: true);

    public int Link(int from, int to, DependencyType type = DependencyType.FinishToStart, Lag lag = default) => Builder.AddLink(from, to, type, lag);

    public ScheduleResult Schedule() => CriticalPath.Schedule(Builder.Build());

    public static Lag Days(double days) => new((long)(days * Day), LagKind.Working);
}
