using Throughline.Interop.Mspdi;

namespace Throughline.Interop;

/// <summary>
/// Matched and compared counts per field while a fidelity harness (MSPDI, P6) walks a file: one rule for what counts,
/// so both harnesses count alike. A field the file does not store is not compared.
/// </summary>
internal sealed class FidelityTally<TField>
    where TField : struct, Enum
{
    public Dictionary<TField, FidelityCount> Counts { get; } = Enum.GetValues<TField>().ToDictionary(f => f, _ => default(FidelityCount));

    /// <summary>Counts one comparison; true (with the stored value) when the file stored the field and it differs from ours.</summary>
    public bool Differs<T>(TField field, T? stored, T computed, out T storedValue)
        where T : struct
    {
        storedValue = default;
        if (stored is not { } value)
        {
            return false;
        }

        var same = EqualityComparer<T>.Default.Equals(value, computed);
        Counts[field] += new FidelityCount(same ? 1 : 0, 1);
        storedValue = value;
        return !same;
    }
}
