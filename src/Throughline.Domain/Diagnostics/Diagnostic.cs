namespace Throughline.Domain.Diagnostics;

public enum Severity
{
    Error,
    Warning,
    Info,
}

/// <summary>Where in a source file something was written; line and column are 1-based.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}

/// <summary>
/// What a diagnostic is about: the <see cref="Index"/>th entity of a kind in the program's collections (an index,
/// not an id, so that two entities with the same id can still be told apart), and optionally one of its fields.
/// A reader that knows where each entity was written turns this into a <see cref="SourceLocation"/>.
/// </summary>
public sealed record DiagnosticSubject(EntityKind Kind, int Index, string? Field = null);

/// <summary>The kinds of entity a diagnostic can point at.</summary>
public enum EntityKind
{
    Program,
    Objective,
    Forum,
    EscalationLevel,
    Calendar,
    Team,
    Person,
    Rotation,
    Project,
    WorkItem,
    Dependency,
    Risk,
    Decision,
    BudgetLine,
    ProductMetric,
    TechDecision,
}

/// <summary>
/// A finding about a plan: data, never printed or thrown from where it is found. <see cref="Code"/> is stable
/// (see <see cref="DiagnosticCodes"/>) so that scripts and tests can rely on it.
/// </summary>
public sealed record Diagnostic(Severity Severity, string Code, string Message)
{
    public DiagnosticSubject? Subject { get; init; }

    /// <summary>Another entity the finding is about, such as the first of two items with one id; a reader may say where it is.</summary>
    public DiagnosticSubject? Related { get; init; }

    public SourceLocation? Location { get; init; }

    public bool IsError => Severity == Severity.Error;

    /// <summary>The compiler-style form: <c>path:line:col: error CODE: message</c>.</summary>
    public override string ToString()
    {
        var severity = Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            Severity.Info => "info",
        };
        return Location is null ? $"{severity} {Code}: {Message}" : $"{Location}: {severity} {Code}: {Message}";
    }
}
