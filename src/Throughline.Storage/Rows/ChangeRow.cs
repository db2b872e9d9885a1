namespace Throughline.Storage.Rows;

/// <summary>
/// One recorded change: who, when, which entity, and its plan-format fields before and after (null when created or
/// deleted). Rows are only ever added.
/// </summary>
public sealed class ChangeRow
{
    public long Id { get; set; }

    public long ProgramId { get; set; }

    public DateTime At { get; set; }

    public long? UserId { get; set; }

    public string UserName { get; set; } = "";

    /// <summary>The API resource name: <c>work-items</c>, <c>risks</c>, <c>program</c>, <c>plan</c>, <c>members</c>, ...</summary>
    public string EntityType { get; set; } = "";

    public string EntityKey { get; set; } = "";

    /// <summary><c>created</c>, <c>updated</c>, <c>deleted</c> or <c>imported</c>.</summary>
    public string Action { get; set; } = "";

    public string? Before { get; set; }

    public string? After { get; set; }

    /// <summary>The program revision this change produced.</summary>
    public long Revision { get; set; }
}
