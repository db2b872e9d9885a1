using Throughline.Domain.Diagnostics;
using Throughline.Scheduling.Leveling;

namespace Throughline.Interop.Psplib;

/// <summary>
/// The outcome of reading one PSPLIB single-mode file. <see cref="Instance"/> is null exactly when
/// <see cref="Diagnostics"/> holds an error.
/// </summary>
/// <param name="Instance">The instance: PSPLIB job k (1-based, source and sink included) is job k − 1.</param>
/// <param name="StatedCriticalPath">The file's <c>MPM-Time</c> (its critical-path length), when written.</param>
public sealed record PsplibReadResult(RcpspInstance? Instance, int? StatedCriticalPath, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Instance is not null;
}
