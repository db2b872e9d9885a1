using Throughline.Domain.Diagnostics;

namespace Throughline.Interop.Mspdi;

/// <summary>
/// The outcome of reading an MSPDI file: the document when it could be read (possibly with warnings), and every
/// diagnostic found. <see cref="Document"/> is null exactly when <see cref="Diagnostics"/> holds an error.
/// </summary>
public sealed record MspdiReadResult(MspdiDocument? Document, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Document is not null;

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.IsError);
}

/// <summary>Limits for reading untrusted MSPDI files.</summary>
public sealed record MspdiReadOptions
{
    public static readonly MspdiReadOptions Default = new();

    /// <summary>
    /// The largest document accepted, in characters. The default (256 million) is two orders of magnitude above the
    /// largest file in the shared corpus (1.6 MB) and still stops runaway input before it exhausts memory.
    /// </summary>
    public long MaxCharactersInDocument { get; init; } = 256L * 1024 * 1024;
}
