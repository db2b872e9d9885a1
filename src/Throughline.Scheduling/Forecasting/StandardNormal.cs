namespace Throughline.Scheduling.Forecasting;

/// <summary>The standard normal distribution function and its inverse (the BCL has neither).</summary>
internal static class StandardNormal
{
    private const double Sqrt1Over2 = 0.70710678118654752440;

    /// <summary>Φ(x), with an absolute error below 1.2e-7 (Numerical Recipes' erfc, Chebyshev fit).</summary>
    public static double Cdf(double x) => 0.5 * Erfc(-x * Sqrt1Over2);

    /// <summary>
    /// Φ⁻¹(p) for 0 &lt; p &lt; 1, by Acklam's rational approximation (relative error below 1.2e-9, far under the
    /// sampling error of any simulation run here).
    /// </summary>
    public static double Quantile(double p)
    {
        const double Low = 0.02425;
        if (p < Low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return (((((C1 * q + C2) * q + C3) * q + C4) * q + C5) * q + C6) / ((((D1 * q + D2) * q + D3) * q + D4) * q + 1);
        }

        if (p > 1 - Low)
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - p));
            return -(((((C1 * q + C2) * q + C3) * q + C4) * q + C5) * q + C6) / ((((D1 * q + D2) * q + D3) * q + D4) * q + 1);
        }

        var r = p - 0.5;
        var s = r * r;
        return (((((A1 * s + A2) * s + A3) * s + A4) * s + A5) * s + A6) * r / (((((B1 * s + B2) * s + B3) * s + B4) * s + B5) * s + 1);
    }

    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 2 / (2 + z);
        var ans = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
            + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? ans : 2 - ans;
    }

    private const double A1 = -3.969683028665376e+01;
    private const double A2 = 2.209460984245205e+02;
    private const double A3 = -2.759285104469687e+02;
    private const double A4 = 1.383577518672690e+02;
    private const double A5 = -3.066479806614716e+01;
    private const double A6 = 2.506628277459239e+00;
    private const double B1 = -5.447609879822406e+01;
    private const double B2 = 1.615858368580409e+02;
    private const double B3 = -1.556989798598866e+02;
    private const double B4 = 6.680131188771972e+01;
    private const double B5 = -1.328068155288572e+01;
    private const double C1 = -7.784894002430293e-03;
    private const double C2 = -3.223964580411365e-01;
    private const double C3 = -2.400758277161838e+00;
    private const double C4 = -2.549732539343734e+00;
    private const double C5 = 4.374664141464968e+00;
    private const double C6 = 2.938163982698783e+00;
    private const double D1 = 7.784695709041462e-03;
    private const double D2 = 3.224671290700398e-01;
    private const double D3 = 2.445134137142996e+00;
    private const double D4 = 3.754408661907416e+00;
}
