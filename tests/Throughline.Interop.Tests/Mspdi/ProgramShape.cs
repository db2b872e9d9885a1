using System.Globalization;
using Throughline.Domain;
using Throughline.Domain.Calendars;

namespace Throughline.Interop.Tests.Mspdi;

/// <summary>
/// A program flattened to one line per entity with every field spelled out, so that two programs compare field by
/// field and a failure shows the lines that differ (records hold lists, whose equality is by reference).
/// </summary>
internal static class ProgramShape
{
    public static IReadOnlyList<string> Header(Program p) =>
    [
        $"program {p.Id} name={p.Name} start={p.Start:yyyy-MM-dd} status={p.StatusDate:yyyy-MM-dd} currency={p.Currency} units={p.Units.MinutesPerDay}/{p.Units.MinutesPerWeek} calendar={p.Calendar}",
        .. p.Projects.Select(x => $"project {x.Id} {x.Name}"),
    ];

    public static IReadOnlyList<string> Calendars(Program p) => p.Calendars.Select(Calendar).ToList();

    public static IReadOnlyList<string> Items(Program p) => p.WorkItems.Select(Item).ToList();

    public static IReadOnlyList<string> Links(Program p) =>
        p.Dependencies.Select(d => $"{d.Predecessor}->{d.Successor} {d.Type} lag={d.Lag.Amount}{d.Lag.Kind}").ToList();

    public static IReadOnlyList<string> People(Program p) =>
        p.People.Select(x => $"{x.Id} {x.Name} email={x.Email} capacity={x.WeeklyCapacity.Minutes} calendar={x.Calendar} role={x.Role}").ToList();

    public static string Calendar(WorkingCalendar c) =>
        $"{c.Id} {c.Name} base={c.BaseCalendar} week=[{string.Join(" | ", c.Week.Select(Ranges))}] exceptions=[{string.Join("; ", c.Exceptions.Select(Exception))}]";

    public static string Exception(CalendarException e) => $"{e.From:yyyy-MM-dd}..{e.To:yyyy-MM-dd} {e.Name} {Ranges(e.WorkingTimes)}";

    public static string Ranges(IReadOnlyList<WorkingTimeRange> ranges) => ranges.Count == 0 ? "off" : string.Join(",", ranges);

    public static string Item(WorkItem i) => string.Join(
        " ",
        i.Id,
        i.Name,
        i.Kind,
        $"parent={i.Parent}",
        $"estimate={Estimate(i.Estimate)}",
        $"status={i.Status}",
        $"progress={Date(i.Progress.ActualStart)}/{Date(i.Progress.ActualFinish)}/{i.Progress.PercentComplete.ToString(CultureInfo.InvariantCulture)}/{i.Progress.Remaining?.Minutes}",
        $"constraint={i.Constraint.Type}@{Date(i.Constraint.Date)}",
        $"deadline={Date(i.Deadline)}",
        $"calendar={i.Calendar}",
        $"assign=[{string.Join(",", i.Assignments.Select(a => $"{a.Person}{a.Team}:{a.Units.ToString(CultureInfo.InvariantCulture)}"))}]",
        $"notes={i.Description?.Length}");

    private static string Estimate(Estimate? e) => e is null ? "-" : e.IsThreePoint ? $"{e.Optimistic.Minutes}/{e.MostLikely.Minutes}/{e.Pessimistic.Minutes}" : e.MostLikely.Minutes.ToString(CultureInfo.InvariantCulture);

    private static string Date(DateTime? d) => d?.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) ?? "-";
}
