using Throughline.Domain.Diagnostics;

namespace Throughline.Interop.Plan;

/// <summary>
/// What reading a plan file gives: the program (null only when the file could not be read at all), every diagnostic
/// with its location, and the source map for locating later findings (a scheduler's cycle report, say).
/// </summary>
public sealed record PlanReadResult(Domain.Program? Program, IReadOnlyList<Diagnostic> Diagnostics, PlanSourceMap SourceMap)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>Gives a diagnostic about the program a location from this file, if it lacks one.</summary>
    public Diagnostic Locate(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return diagnostic.Location is null && diagnostic.Subject is { } subject
            ? diagnostic with { Location = SourceMap.Locate(subject) ?? new SourceLocation(SourceMap.File, 1, 1) }
            : diagnostic;
    }
}
