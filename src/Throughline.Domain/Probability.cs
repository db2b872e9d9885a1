using System.Globalization;

namespace Throughline.Domain;

/// <summary>A probability between 0 and 1 inclusive. Plan files may write it as "30%" or 0.3.</summary>
public readonly record struct Probability : IComparable<Probability>
{
    public Probability(double value)
    {
        if (double.IsNaN(value) || value < 0 || value > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A probability lies between 0 and 1.");
        }

        Value = value;
    }

    public double Value { get; }

    public int CompareTo(Probability other) => Value.CompareTo(other.Value);

    public static bool operator <(Probability a, Probability b) => a.Value < b.Value;

    public static bool operator >(Probability a, Probability b) => a.Value > b.Value;

    public static bool operator <=(Probability a, Probability b) => a.Value <= b.Value;

    public static bool operator >=(Probability a, Probability b) => a.Value >= b.Value;

    public override string ToString() => (Value * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
