namespace Throughline.Domain;

/// <summary>
/// Money planned and spent on one project in one period (a month, a quarter): the input to earned value.
/// <see cref="Period"/> is an inclusive date range.
/// </summary>
public sealed record BudgetLine(ProjectId Project, DateRange Period, Money Planned)
{
    public string? Category { get; init; }

    public Money? Actual { get; init; }
}
