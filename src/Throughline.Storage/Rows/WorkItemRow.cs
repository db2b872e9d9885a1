namespace Throughline.Storage.Rows;

/// <summary>
/// A work item or milestone. In a plan file items nest under their project and parent; here the nesting is the
/// <see cref="ProjectKey"/> and <see cref="ParentKey"/> columns, and <see cref="PlanEntityRow.Fields"/> holds the
/// item's own fields without <c>items</c> and <c>depends-on</c> (dependencies are rows of their own).
/// </summary>
public sealed class WorkItemRow : PlanEntityRow
{
    public string ProjectKey { get; set; } = "";

    public string? ParentKey { get; set; }

    public bool IsMilestone { get; set; }
}
