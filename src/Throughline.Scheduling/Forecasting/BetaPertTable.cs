namespace Throughline.Scheduling.Forecasting;

/// <summary>
/// The inverse distribution function of Beta-PERT on [0, 1], tabulated: the Beta quantile has no closed form, and
/// inverting the incomplete Beta function by Newton's method for each of 10⁸ samples would cost more than the
/// forward passes. The shape depends only on where the mode sits, r = (c − a)/(b − a), so one table covers every
/// estimate: 65 shapes (r in steps of 1/64) by 1,025 quantiles (u in steps of 1/1024), interpolated bilinearly.
/// </summary>
/// <remarks>
/// Accuracy: against the exact Beta quantile the error is below 0.1% of the range except in the first and last
/// quantile step, where u^(1/α) is steep; the mean moves by less than 0.03% of the range (pinned by a test against
/// (a + 4c + b)/6 and the PERT variance). The table is 532 KB of doubles, built once in about 20 ms.
/// </remarks>
internal static class BetaPertTable
{
    internal const int Shapes = 64;
    internal const int Steps = 1024;
    private const int Fine = 1 << 15;

    private static readonly Lazy<double[]> Table = new(Build);

    /// <summary>The u-quantile of Beta-PERT on [0, 1] with its mode at <paramref name="mode"/> (0..1).</summary>
    public static double Quantile(double mode, double u) => Quantile(Table.Value, mode, u);

    /// <summary>The table itself, for a hot loop that reads it without the lazy indirection.</summary>
    internal static double[] Values => Table.Value;

    /// <summary>The first of the two table rows that <see cref="Quantile(double[], double, double)"/> blends for <paramref name="mode"/>, and the weight of the second.</summary>
    internal static (int Row, double Blend) Row(double mode)
    {
        unchecked
        {
            var rs = mode * Shapes;
            var ri = Math.Min((int)rs, Shapes - 1);
            return (ri * (Steps + 1), rs - ri);
        }
    }

    /// <summary><see cref="Quantile(double[], double, double)"/> with the row worked out by <see cref="Row"/>: the same number.</summary>
    internal static double Quantile(double[] table, int row0, double rf, double u)
    {
        unchecked
        {
            var us = u * Steps;
            var ui = Math.Min((int)us, Steps - 1);
            var uf = us - ui;
            var row1 = row0 + Steps + 1;
            var q0 = table[row0 + ui] + (uf * (table[row0 + ui + 1] - table[row0 + ui]));
            var q1 = table[row1 + ui] + (uf * (table[row1 + ui + 1] - table[row1 + ui]));
            return q0 + (rf * (q1 - q0));
        }
    }

    internal static double Quantile(double[] table, double mode, double u)
    {
        // Unchecked: mode and u lie in [0, 1], so the indices are in range; overflow checks cost a third of a sample.
        unchecked
        {
            var rs = mode * Shapes;
            var ri = Math.Min((int)rs, Shapes - 1);
            var rf = rs - ri;
            var us = u * Steps;
            var ui = Math.Min((int)us, Steps - 1);
            var uf = us - ui;
            var row0 = ri * (Steps + 1);
            var row1 = row0 + Steps + 1;
            var q0 = table[row0 + ui] + (uf * (table[row0 + ui + 1] - table[row0 + ui]));
            var q1 = table[row1 + ui] + (uf * (table[row1 + ui + 1] - table[row1 + ui]));
            return q0 + (rf * (q1 - q0));
        }
    }

    private static double[] Build()
    {
        var table = new double[(Shapes + 1) * (Steps + 1)];
        var cdf = new double[Fine + 1];
        for (var s = 0; s <= Shapes; s++)
        {
            var r = s / (double)Shapes;
            var alpha = 1 + (4 * r);
            var beta = 1 + (4 * (1 - r));

            // Cumulative density by the midpoint rule on a fine grid (exact enough: the density is bounded for α, β ≥ 1).
            cdf[0] = 0;
            for (var k = 0; k < Fine; k++)
            {
                var x = (k + 0.5) / Fine;
                cdf[k + 1] = cdf[k] + (Math.Pow(x, alpha - 1) * Math.Pow(1 - x, beta - 1));
            }

            var total = cdf[Fine];
            var row = s * (Steps + 1);
            var at = 0;
            table[row] = 0;
            table[row + Steps] = 1;
            for (var q = 1; q < Steps; q++)
            {
                var target = q / (double)Steps * total;
                while (cdf[at + 1] < target)
                {
                    at++;
                }

                var within = (target - cdf[at]) / (cdf[at + 1] - cdf[at]);
                table[row + q] = (at + within) / Fine;
            }
        }

        return table;
    }
}
