using System.Text;
using System.Text.Json;
using Throughline.Domain;

namespace Throughline.Interop.Tests.Plan;

/// <summary>
/// A program as text, every collection expanded, for comparing two programs field by field (records with lists
/// compare lists by reference, so <c>==</c> cannot).
/// </summary>
internal static class ProgramShape
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, IncludeFields = false };

    public static string Describe(Program program)
    {
        var text = new StringBuilder();
        text.AppendLine(JsonSerializer.Serialize(program, Options));
        return text.ToString();
    }
}
