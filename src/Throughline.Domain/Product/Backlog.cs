using System.Globalization;

namespace Throughline.Domain.Product;

/// <summary>The prioritisation rule a backlog is ranked by.</summary>
public enum PrioritisationMethod
{
    Rice,
    Wsjf,
}

/// <summary>One ranked backlog entry: the score, the formula with its figures, and why it sits where it does.</summary>
public sealed record BacklogEntry(int Rank, WorkItemId Item, double Score, string Formula, string Reason);

/// <summary>
/// Ranks the open work items that carry a RICE or WSJF score, highest score first, and says for each why it ranks
/// where it does: the formula with its figures, and which factor puts it below the entry above.
/// </summary>
/// <remarks>
/// Ties break on the earlier committed date (undated last), then on the item id, so one plan always gives one order.
/// Done and cancelled items are left out. A RICE score without a stated effort takes the item's effort, or else its
/// most likely estimate, in person-months of the program's units (20 working days); items with neither are left out
/// and listed in <see cref="RankedBacklog.Unscored"/>.
/// </remarks>
public static class Backlog
{
    public static RankedBacklog Rank(Program program, PrioritisationMethod method)
    {
        ArgumentNullException.ThrowIfNull(program);
        var scored = new List<Scored>();
        var unscored = new List<WorkItemId>();
        foreach (var item in program.WorkItems.Where(i => i.Status is not (WorkItemStatus.Done or WorkItemStatus.Cancelled)))
        {
            switch (method)
            {
                case PrioritisationMethod.Rice when item.Rice is { } rice:
                    var months = rice.Effort ?? EffortMonths(item, program.Units);
                    if (months is not { } m || m <= 0)
                    {
                        unscored.Add(item.Id);
                        continue;
                    }

                    scored.Add(new Scored(item, rice.Score(m), RiceFactors(rice, m), $"RICE {N(rice.Score(m))} = reach {N(rice.Reach)} x impact {N(rice.Impact)} x confidence {N(rice.Confidence)}% / effort {N(m)} person-months"));
                    break;
                case PrioritisationMethod.Wsjf when item.Wsjf is { } wsjf:
                    scored.Add(new Scored(item, wsjf.Score, WsjfFactors(wsjf), $"WSJF {N(wsjf.Score)} = (value {N(wsjf.BusinessValue)} + time criticality {N(wsjf.TimeCriticality)} + risk reduction {N(wsjf.RiskReduction)}) / job size {N(wsjf.JobSize)}"));
                    break;
            }
        }

        var ordered = scored
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Item.Committed ?? DateOnly.MaxValue)
            .ThenBy(s => s.Item.Id.Value, StringComparer.Ordinal)
            .ToList();
        var entries = new List<BacklogEntry>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            entries.Add(new BacklogEntry(i + 1, ordered[i].Item.Id, ordered[i].Score, ordered[i].Formula, Reason(ordered, i, method)));
        }

        return new RankedBacklog(method, entries, unscored);
    }

    private static string Reason(List<Scored> ordered, int index, PrioritisationMethod method)
    {
        var name = method == PrioritisationMethod.Rice ? "RICE" : "WSJF";
        var current = ordered[index];
        if (index == 0)
        {
            return ordered.Count == 1 ? $"the only item with a {name} score" : $"highest {name} score";
        }

        var above = ordered[index - 1];
        if (Math.Abs(above.Score - current.Score) < 1e-9)
        {
            return above.Item.Committed != current.Item.Committed
                ? $"same score as {above.Item.Id}, which is committed earlier"
                : $"same score as {above.Item.Id}; ordered by id";
        }

        // Each factor's share of the gap, on a log scale for RICE (a product) and on the two sides of the WSJF ratio.
        var (factor, mine, theirs) = current.Factors
            .Zip(above.Factors, (c, a) => (c.Name, Mine: c.Value, Theirs: a.Value, Weight: Gap(c, a)))
            .OrderByDescending(f => f.Weight)
            .Select(f => (f.Name, f.Mine, f.Theirs))
            .First();
        return $"below {above.Item.Id} ({N(above.Score)}) mainly on {factor}: {N(mine)} against {N(theirs)}";
    }

    // How much a factor pushes this entry below the one above: positive when it works against this entry.
    private static double Gap(Factor mine, Factor theirs)
    {
        if (mine.Value <= 0 || theirs.Value <= 0)
        {
            return mine.Value == theirs.Value ? 0 : double.MaxValue / 2;
        }

        var ratio = Math.Log(theirs.Value / mine.Value);
        return mine.HigherIsBetter ? ratio : -ratio;
    }

    private static Factor[] RiceFactors(RiceScore rice, double months) =>
    [
        new("reach", rice.Reach, true),
        new("impact", rice.Impact, true),
        new("confidence", rice.Confidence, true),
        new("effort", months, false),
    ];

    private static Factor[] WsjfFactors(WsjfScore wsjf) =>
    [
        new("cost of delay", wsjf.CostOfDelay, true),
        new("job size", wsjf.JobSize, false),
    ];

    private static double? EffortMonths(WorkItem item, WorkTimeUnits units)
    {
        var work = item.Effort ?? item.Estimate?.MostLikely;
        return work is { Minutes: > 0 } w ? w.Minutes / (double)units.MinutesPerMonth : null;
    }

    private static string N(double value) => value.ToString(value >= 100 ? "#,0" : "0.##", CultureInfo.InvariantCulture);

    private sealed record Factor(string Name, double Value, bool HigherIsBetter);

    private sealed record Scored(WorkItem Item, double Score, Factor[] Factors, string Formula);
}

/// <summary>A backlog ranked by one method; <see cref="Unscored"/> are items with a score that lacks its effort.</summary>
public sealed record RankedBacklog(PrioritisationMethod Method, IReadOnlyList<BacklogEntry> Entries, IReadOnlyList<WorkItemId> Unscored);
