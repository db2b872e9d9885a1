namespace Throughline.Domain.Budget;

/// <summary>
/// How earned value reads a program's budget (the plan's <c>earned-value:</c> section): which budget lines are
/// <em>work</em>, whose cost is earned as the work is done (labour, services), and which are <em>run costs</em>
/// (hosting, network, licences), spent by the calendar whatever the work does. Earned value, its indices and the budget
/// health rule count the work lines only; run costs are forecast at plan beside them (<see cref="RunCost"/>).
/// </summary>
public sealed record EarnedValueSettings
{
    /// <summary>No setting: every budget line is work, whatever its category.</summary>
    public static readonly EarnedValueSettings Default = new();

    /// <summary>
    /// The budget categories whose cost is earned as work is done, compared without regard to case; null (the default)
    /// makes every line work. With a list, a line whose category is not listed, or that has none, is a run cost.
    /// </summary>
    public IReadOnlyList<string>? WorkCategories { get; init; }

    /// <summary>True when <paramref name="line"/> is earned as work is done; false when it is a run cost.</summary>
    public bool IsWork(BudgetLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return WorkCategories is null || (line.Category is { } category && WorkCategories.Contains(category.Trim(), StringComparer.OrdinalIgnoreCase));
    }

    // A record compares a list by reference; two settings naming the same categories in the same order are equal.
    public bool Equals(EarnedValueSettings? other) =>
        other is not null && (WorkCategories is null ? other.WorkCategories is null : other.WorkCategories is not null && WorkCategories.SequenceEqual(other.WorkCategories, StringComparer.Ordinal));

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var category in WorkCategories ?? [])
        {
            hash.Add(category, StringComparer.Ordinal);
        }

        return WorkCategories is null ? 0 : hash.ToHashCode();
    }
}
