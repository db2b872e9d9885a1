using Throughline.Storage.Rows;

namespace Throughline.Storage.Plans;

/// <summary>Who makes a change, as history records it.</summary>
public sealed record Actor(long? UserId, string Name);

public enum EditStatus
{
    /// <summary>The change is committed.</summary>
    Saved,

    /// <summary>The program or the entity does not exist.</summary>
    NotFound,

    /// <summary>The caller's version is not the current one: someone else changed it first.</summary>
    Stale,

    /// <summary>The body is malformed, or the plan would gain errors; <see cref="EditResult.Errors"/> says which, by field.</summary>
    Invalid,

    /// <summary>The change clashes with the rest of the plan (an id taken, a project that still has items).</summary>
    Conflict,
}

/// <summary>What an edit of a stored plan came to. Expected failures are values, mapped to HTTP in one place by the server.</summary>
public sealed record EditResult(EditStatus Status)
{
    public static readonly EditResult NotFound = new(EditStatus.NotFound);

    /// <summary>The saved row (null for deletes and whole-program edits).</summary>
    public PlanEntityRow? Row { get; init; }

    /// <summary>The program row as saved.</summary>
    public ProgramRow? Program { get; init; }

    /// <summary>The current version, when <see cref="EditStatus.Stale"/>.</summary>
    public long CurrentVersion { get; init; }

    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();

    public string? Detail { get; init; }

    public static EditResult Saved(ProgramRow program, PlanEntityRow? row = null) => new(EditStatus.Saved) { Program = program, Row = row };

    public static EditResult Stale(long current) => new(EditStatus.Stale) { CurrentVersion = current };

    public static EditResult Invalid(IReadOnlyDictionary<string, string[]> errors, string? detail = null) => new(EditStatus.Invalid) { Errors = errors, Detail = detail };

    public static EditResult Conflict(string detail, IReadOnlyDictionary<string, string[]>? errors = null) =>
        new(EditStatus.Conflict) { Detail = detail, Errors = errors ?? new Dictionary<string, string[]>() };
}
