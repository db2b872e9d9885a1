using Throughline.Domain.Diagnostics;

namespace Throughline.Interop.Plan;

/// <summary>
/// Where each entity of a program, and each of its fields, was written in the plan file: what turns a diagnostic
/// about "work item #12, field team" into "plan.tl.yaml:140:15".
/// </summary>
public sealed class PlanSourceMap
{
    private readonly Dictionary<(EntityKind Kind, int Index), SourceLocation> entities = [];
    private readonly Dictionary<(EntityKind Kind, int Index, string Field), SourceLocation> fields = [];

    public PlanSourceMap(string file)
    {
        File = file;
    }

    public string File { get; }

    public SourceLocation? Locate(DiagnosticSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.Field is { } field && fields.TryGetValue((subject.Kind, subject.Index, field), out var exact))
        {
            return exact;
        }

        return entities.GetValueOrDefault((subject.Kind, subject.Index));
    }

    internal void AddEntity(EntityKind kind, int index, SourceLocation location) => entities[(kind, index)] = location;

    internal void AddField(EntityKind kind, int index, string field, SourceLocation location) => fields[(kind, index, field)] = location;
}
