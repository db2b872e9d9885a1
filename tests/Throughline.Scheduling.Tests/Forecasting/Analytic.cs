namespace Throughline.Scheduling.Tests.Forecasting;

/// <summary>Exact references for the analytic tests: the triangular distribution, rounded to whole minutes as the engine rounds samples.</summary>
internal static class Analytic
{
    public static double TriangularCdf(double a, double c, double b, double x) =>
        x <= a ? 0
        : x >= b ? 1
        : x <= c ? (x - a) * (x - a) / ((b - a) * (c - a))
        : 1 - ((b - x) * (b - x) / ((b - a) * (b - c)));

    public static double TriangularMean(double a, double c, double b) => (a + b + c) / 3;

    public static double TriangularVariance(double a, double c, double b) => ((a * a) + (b * b) + (c * c) - (a * b) - (a * c) - (b * c)) / 18;

    /// <summary>The distribution of a triangular duration rounded to whole minutes: mass at m is F(m + ½) − F(m − ½).</summary>
    public static double[] RoundedTriangularMass(long a, long c, long b)
    {
        var mass = new double[b + 1];
        for (var m = a; m <= b; m++)
        {
            mass[m] = TriangularCdf(a, c, b, m + 0.5) - TriangularCdf(a, c, b, m - 0.5);
        }

        return mass;
    }

    /// <summary>The distribution of a sum of independent whole-minute durations: discrete convolution, exact.</summary>
    public static double[] Convolve(double[] x, double[] y)
    {
        var z = new double[x.Length + y.Length - 1];
        for (var i = 0; i < x.Length; i++)
        {
            if (x[i] == 0)
            {
                continue;
            }

            for (var j = 0; j < y.Length; j++)
            {
                z[i + j] += x[i] * y[j];
            }
        }

        return z;
    }

    public static double[] Cumulative(double[] mass)
    {
        var cdf = new double[mass.Length];
        var sum = 0.0;
        for (var i = 0; i < mass.Length; i++)
        {
            sum += mass[i];
            cdf[i] = sum;
        }

        return cdf;
    }

    /// <summary>The smallest value whose cumulative probability reaches q (nearest rank, as the engine reports).</summary>
    public static long Quantile(double[] cdf, double q)
    {
        for (var i = 0; i < cdf.Length; i++)
        {
            if (cdf[i] >= q - 1e-12)
            {
                return i;
            }
        }

        return cdf.Length - 1;
    }

    public static (double Mean, double Variance) Moments(ReadOnlySpan<long> values)
    {
        var mean = 0.0;
        foreach (var v in values)
        {
            mean += v;
        }

        mean /= values.Length;
        var variance = 0.0;
        foreach (var v in values)
        {
            variance += (v - mean) * (v - mean);
        }

        return (mean, variance / (values.Length - 1));
    }
}
