namespace Throughline.Storage.Rows;

/// <summary>A planned and actual amount for a project in a period (<c>budget</c>).</summary>
public sealed class BudgetLineRow : PlanEntityRow
{
    public string ProjectKey { get; set; } = "";
}
