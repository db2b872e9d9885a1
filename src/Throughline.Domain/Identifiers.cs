namespace Throughline.Domain;

// Typed ids keep a work item id from being passed where a team id is expected.
// In plan files they are short strings ("api-gateway", "p-ana"); the value is the string as written.

/// <summary>Identifies a program.</summary>
public readonly record struct ProgramId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>Identifies a project within a program.</summary>
public readonly record struct ProjectId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>Identifies a team.</summary>
public readonly record struct TeamId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>Identifies a person.</summary>
public readonly record struct PersonId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>Identifies a work item or milestone; unique across the whole program.</summary>
public readonly record struct WorkItemId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>Identifies a working calendar.</summary>
public readonly record struct CalendarId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>Identifies a risk in the register.</summary>
public readonly record struct RiskId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>Identifies a decision in the log.</summary>
public readonly record struct DecisionId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>Identifies a strategic objective.</summary>
public readonly record struct ObjectiveId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>Identifies a governance forum (a program review, a steering committee).</summary>
public readonly record struct ForumId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>Identifies an on-call rotation.</summary>
public readonly record struct RotationId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>Identifies a technical decision record.</summary>
public readonly record struct TechDecisionId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>Identifies a product outcome metric.</summary>
public readonly record struct MetricId(string Value)
{
    public override string ToString() => Value;
}
