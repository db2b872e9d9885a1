namespace Throughline.Storage.Rows;

/// <summary>
/// "Successor depends on predecessor". A plan file writes it under the successor's <c>depends-on</c>; here it is a row
/// whose <see cref="PlanEntityRow.Fields"/> are <c>{ predecessor, successor, type, lag }</c>.
/// </summary>
public sealed class DependencyRow : PlanEntityRow
{
    public string PredecessorKey { get; set; } = "";

    public string SuccessorKey { get; set; } = "";
}
