using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Throughline.Scheduling.Forecasting;

/// <summary>
/// Latin Hypercube uniforms without storing a permutation: within a block of n iterations, stream s (one per
/// uncertain item, shared factor and risk) visits each of the n strata [k/n, (k+1)/n) exactly once, in an order given
/// by a keyed bijection of the iteration index, with a keyed jitter inside the stratum.
/// </summary>
/// <remarks>
/// Storing permutations would need n ints per stream (400 MB for 10,000 items by 10,000 iterations), and a shuffled
/// table per block is written column-wise and read row-wise. The bijection is a few multiply and xor-shift rounds on
/// ⌈log₂ n⌉ bits (each step is invertible modulo 2^m), with cycle-walking for a block that is not a power of two.
/// Everything is a pure function of (seed, block, stream, iteration), which is what makes a run independent of
/// the number of threads.
/// </remarks>
internal static class LatinHypercube
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    /// <summary>The key of one stream in one block.</summary>
    public static ulong Key(ulong seed, int block, int stream) =>
        unchecked(Mix(Mix(seed ^ (Golden * (ulong)(uint)block)) ^ ((ulong)(uint)stream * 0xD1B54A32D192ED03UL)));

    /// <summary>The uniform (strictly between 0 and 1) of iteration <paramref name="j"/> of a block of <paramref name="n"/> iterations, for the stream keyed <paramref name="key"/>.</summary>
    public static double Uniform(ulong key, int j, int n, int bits)
    {
        // Unchecked: the engine builds with overflow checks, which doubled the cost of a sample here (14 → 7 ns).
        unchecked
        {
            var stratum = Permute((uint)j, key, bits, (uint)n);
            var jitter = ((Mix(key + (Golden * (ulong)(uint)j)) >> 11) + 0.5) * (1.0 / (1UL << 53));
            return (stratum + jitter) / n;
        }
    }

    /// <summary>
    /// <see cref="Uniform"/> for the eight iterations <paramref name="j0"/> to <paramref name="j0"/> + 7 at once, into
    /// <paramref name="u"/> (iterations at or past <paramref name="n"/> get a placeholder): the same numbers, bit for bit (the same integer steps and the same correctly rounded
    /// double operations, in vector registers). The batch pass samples eight iterations of a stream together.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Uniforms(ulong key, int j0, int n, int bits, Span<double> u)
    {
        if (bits == 0 || !Vector256.IsHardwareAccelerated)
        {
            for (var i = 0; i < 8; i++)
            {
                u[i] = j0 + i < n ? Uniform(key, j0 + i, n, bits) : 0.5;
            }

            return;
        }

        Eight(key, j0, n, bits).CopyTo(u);
        for (var i = Math.Max(0, n - j0); i < 8; i++)
        {
            u[i] = 0.5;
        }
    }

    /// <summary>
    /// <see cref="Uniforms"/> in a register, for a block of more than one iteration: lanes at or past
    /// <paramref name="n"/> hold numbers of no meaning (<see cref="Uniforms"/> puts its placeholder there).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Eight(ulong key, int j0, int n, int bits)
    {
        unchecked
        {
            var mask = Vector256.Create((uint)((1UL << bits) - 1));
            var shift = Math.Max(1, bits / 2);
            var k1 = Vector256.Create((uint)key);
            var m1 = (uint)(key >> 32) | 1;
            var k2 = Vector256.Create((uint)(key >> 17));
            var m2 = (uint)(key >> 7) | 1;
            var j = Vector256.Create((uint)j0) + Vector256.Create(0u, 1, 2, 3, 4, 5, 6, 7);
            var limit = Vector256.Create((uint)n);

            // Permute, with cycle-walking lane by lane in vector registers: a lane repeats the rounds while its value
            // is at or past n (never, when n is 2^bits), exactly as Permute does. Lanes past the block's end do not
            // walk (walking from outside the block may never end).
            var x = j;
            var walking = Vector256.LessThan(j, limit);
            do
            {
                var y = (x ^ k1) & mask;
                y = (y * m1) & mask;
                y ^= Vector256.ShiftRightLogical(y, shift);
                y = (y + k2) & mask;
                y = (y * m2) & mask;
                y ^= Vector256.ShiftRightLogical(y, shift);
                y = (y * m1) & mask;
                y ^= Vector256.ShiftRightLogical(y, shift);
                x = Vector256.ConditionalSelect(walking, y, x);
                walking &= Vector256.GreaterThanOrEqual(x, limit);
            }
            while (walking != Vector256<uint>.Zero);

            // The jitter and the stratum's share, eight lanes of 64 bits in one register.
            var (jLow, jHigh) = Vector256.Widen(j);
            var (xLow, xHigh) = Vector256.Widen(x);
            var z = Vector512.Create(key) + (Vector512.Create(Golden) * Vector512.Create(jLow, jHigh));
            z = (z ^ Vector512.ShiftRightLogical(z, 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ Vector512.ShiftRightLogical(z, 27)) * 0x94D049BB133111EBUL;
            z ^= Vector512.ShiftRightLogical(z, 31);
            var jitter = (Vector512.ConvertToDouble(Vector512.ShiftRightLogical(z, 11)) + Vector512.Create(0.5)) * (1.0 / (1UL << 53));
            var sum = Vector512.ConvertToDouble(Vector512.Create(xLow, xHigh)) + jitter;

            // Dividing by a power of two is multiplying by its exact reciprocal: the same number, without the divide.
            return n == 1 << bits ? sum * (1.0 / n) : sum / n;
        }
    }

    /// <summary>The number of bits that hold 0..n−1.</summary>
    public static int BitsFor(int n)
    {
        var bits = 0;
        while ((1 << bits) < n)
        {
            bits++;
        }

        return bits;
    }

    /// <summary>A bijection of [0, 2^bits) keyed by <paramref name="key"/>, walked until it lands below <paramref name="n"/>.</summary>
    internal static uint Permute(uint x, ulong key, int bits, uint n)
    {
        unchecked
        {
            if (bits == 0)
            {
                return 0;
            }

            var mask = (uint)((1UL << bits) - 1);
            var shift = Math.Max(1, bits / 2);
            var k1 = (uint)key;
            var m1 = (uint)(key >> 32) | 1;
            var k2 = (uint)(key >> 17);
            var m2 = (uint)(key >> 7) | 1;
            do
            {
                x = (x ^ k1) & mask;
                x = (x * m1) & mask;
                x ^= x >> shift;
                x = (x + k2) & mask;
                x = (x * m2) & mask;
                x ^= x >> shift;
                x = (x * m1) & mask;
                x ^= x >> shift;
            }
            while (x >= n);

            return x;
        }
    }

    /// <summary>SplitMix64's finaliser: a bijection of 64-bit words with full avalanche.</summary>
    internal static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
