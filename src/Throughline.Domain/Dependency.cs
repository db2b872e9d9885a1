namespace Throughline.Domain;

/// <summary>The four precedence link types, named as Microsoft Project names them.</summary>
public enum DependencyType
{
    /// <summary>The successor starts after the predecessor finishes (FS, the usual case).</summary>
    FinishToStart,

    /// <summary>The successor starts after the predecessor starts (SS).</summary>
    StartToStart,

    /// <summary>The successor finishes after the predecessor finishes (FF).</summary>
    FinishToFinish,

    /// <summary>The successor finishes after the predecessor starts (SF, rare: hand-overs, shifts).</summary>
    StartToFinish,
}

/// <summary>
/// "Successor depends on predecessor". Allowed across projects and teams; such links are the ones a TPM watches.
/// </summary>
public sealed record Dependency(WorkItemId Predecessor, WorkItemId Successor, DependencyType Type, Lag Lag)
{
    /// <summary>The date the successor's team needs the predecessor's output by, when agreed; otherwise the successor's latest start stands for it.</summary>
    public DateOnly? NeedBy { get; init; }

    /// <summary>What was agreed or what to watch, in the teams' words.</summary>
    public string? Note { get; init; }

    public static Dependency FinishToStart(WorkItemId predecessor, WorkItemId successor) =>
        new(predecessor, successor, DependencyType.FinishToStart, Lag.None);
}
