using System.Globalization;
using Throughline.Domain;
using Throughline.Scheduling;

namespace Throughline.Reports.Budget;

/// <summary>
/// Budget lines that do not fit the plan's dates: actuals reported for a period that starts after the status date
/// (the status date or the actuals are wrong), and lines that plan money for a period after the project's scheduled
/// work has finished (a run cost, or a line left behind when the work moved).
/// </summary>
public static class BudgetNotes
{
    public static IReadOnlyList<string> Of(Program program, ProgramSchedule schedule, DateOnly statusDate)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(schedule);
        var notes = new List<string>();
        var finishes = new Dictionary<ProjectId, DateOnly>();
        foreach (var item in program.WorkItems)
        {
            if (schedule.Items.TryGetValue(item.Id, out var s))
            {
                var finish = DateOnly.FromDateTime(s.Finish);
                finishes[item.Project] = finishes.TryGetValue(item.Project, out var other) && other > finish ? other : finish;
            }
        }

        string Name(ProjectId id) => program.Projects.FirstOrDefault(p => p.Id == id)?.Name ?? id.Value;
        static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        static string Money(Money m) => m.Amount.ToString("#,0", CultureInfo.InvariantCulture) + " " + m.Currency;
        foreach (var line in program.Budget)
        {
            var period = $"{Date(line.Period.From)} to {Date(line.Period.To)}";
            if (line.Actual is { } actual && line.Period.From > statusDate)
            {
                notes.Add($"{Name(line.Project)}: actuals of {Money(actual)} are reported for {period}, after the status date {Date(statusDate)}; check the status date or the actuals.");
            }

            if (line.Planned.Amount > 0 && finishes.TryGetValue(line.Project, out var done) && line.Period.From > done)
            {
                notes.Add($"{Name(line.Project)}: {Money(line.Planned)} is planned for {period}, after its scheduled work finishes on {Date(done)}.");
            }
        }

        return notes;
    }
}
