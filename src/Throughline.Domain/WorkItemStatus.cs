namespace Throughline.Domain;

/// <summary>Where a work item stands.</summary>
public enum WorkItemStatus
{
    NotStarted,
    InProgress,
    Blocked,
    Done,
    Cancelled,
}
