using System.Buffers;
using System.Text.Unicode;
using Throughline.Domain.Diagnostics;

namespace Throughline.Interop.Plan;

/// <summary>
/// Plans are UTF-8 (a byte order mark is allowed and dropped). Anything else is refused at the first byte that is not
/// UTF-8, rather than read with replacement characters: a Latin-1 file would otherwise validate and print
/// <c>Ren�e M�ller</c> in every report.
/// </summary>
public static class PlanEncoding
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>The file's text; null with <paramref name="problem"/> (TL1000 at the bad byte's line and column) when it is not UTF-8.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, string file, out Diagnostic? problem)
    {
        if (bytes.StartsWith(Bom))
        {
            bytes = bytes[Bom.Length..];
        }

        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, bytes.Length));
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
            if (status == OperationStatus.Done)
            {
                problem = null;
                return new string(chars, 0, written);
            }

            // Everything before the bad byte decoded; its line and column count characters, as an editor shows them.
            var before = chars.AsSpan(0, written);
            var line = before.Count('\n') + 1;
            var column = written - (before.LastIndexOf('\n') + 1) + 1;
            var hex = read < bytes.Length ? $"0x{bytes[read]:X2}" : "the last bytes";
            problem = new Diagnostic(Severity.Error, DiagnosticCodes.Encoding, $"the file is not UTF-8: byte {hex} cannot be read; save the plan as UTF-8 (in most editors: Save with encoding, UTF-8)")
            {
                Location = new SourceLocation(file, line, column),
            };
            return null;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

}
