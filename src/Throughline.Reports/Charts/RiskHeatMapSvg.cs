using System.Globalization;

namespace Throughline.Reports.Charts;

/// <summary>A risk placed on the heat map: its number in the register, probability (0 to 1) and schedule impact in working days.</summary>
public sealed record HeatMapRisk(int Number, string Title, double Probability, double ImpactDays);

/// <summary>
/// Renders the classic 5 × 5 risk heat map: probability up, schedule impact across, cells shaded green to red by their
/// rank (probability band + impact band), each risk a numbered dot in its cell.
/// </summary>
public static class RiskHeatMapSvg
{
    private const double Width = 460;
    private const double Height = 260;
    private const double Left = 72;
    private const double Top = 28;
    private const double Cell = 40;
    private const double CellWidth = 72;

    /// <summary>Upper bounds of the impact bands, in working days (the last band is open).</summary>
    private static readonly double[] ImpactBands = [2, 5, 10, 20];

    public static string Render(string title, IReadOnlyList<HeatMapRisk> risks)
    {
        ArgumentNullException.ThrowIfNull(risks);
        var svg = new Svg(Width, Height, title, "chart heat-map");
        svg.Text(Left, 16, title, "start", ChartColours.Ink, "font-weight=\"600\" font-size=\"12\"");
        for (var p = 0; p < 5; p++)
        {
            for (var i = 0; i < 5; i++)
            {
                var rank = p + i;
                var fill = rank >= 6 ? "#f4b4b0" : rank >= 4 ? "#fbd7a1" : rank >= 2 ? "#fcebc4" : "#cfe8cf";
                svg.Rect(Left + (i * CellWidth), Top + ((4 - p) * Cell), CellWidth - 2, Cell - 2, fill);
            }

            svg.Text(Left - 6, Top + ((4 - p) * Cell) + 24, $"{p * 20}-{(p + 1) * 20}%", "end", ChartColours.Muted);
        }

        string[] impactLabels = ["< 2d", "2-5d", "5-10d", "10-20d", "20d +"];
        for (var i = 0; i < 5; i++)
        {
            svg.Text(Left + (i * CellWidth) + (CellWidth / 2), Top + (5 * Cell) + 14, impactLabels[i], "middle", ChartColours.Muted);
        }

        svg.Text(Left + (2.5 * CellWidth), Height - 4, "schedule impact (working days)", "middle", ChartColours.Muted);
        svg.Text(12, Top + (2.5 * Cell), "probability", "middle", ChartColours.Muted, FormattableString.Invariant($"transform=\"rotate(-90 12 {Svg.N(Top + (2.5 * Cell))})\""));

        foreach (var cell in risks.GroupBy(r => (Band(r.Probability * 100, [20, 40, 60, 80]), Band(r.ImpactDays, ImpactBands))))
        {
            var (p, i) = cell.Key;
            var k = 0;
            foreach (var risk in cell.OrderBy(r => r.Number))
            {
                // Up to eight dots per cell, in two rows of four.
                var cx = Left + (i * CellWidth) + 11 + (k % 4 * 16);
                var cy = Top + ((4 - p) * Cell) + 11 + (k / 4 % 2 * 17);
                svg.Group($"{risk.Number}. {risk.Title}: {(risk.Probability * 100).ToString("0", CultureInfo.InvariantCulture)}%, {risk.ImpactDays.ToString("0.#", CultureInfo.InvariantCulture)} days", g =>
                {
                    g.Circle(cx, cy, 7.5, ChartColours.Ink);
                    g.Text(cx, cy + 3.5, risk.Number.ToString(CultureInfo.InvariantCulture), "middle", "#ffffff", "font-size=\"9\" font-weight=\"600\"");
                });
                k++;
            }
        }

        return svg.ToString();
    }

    private static int Band(double value, double[] upperBounds)
    {
        for (var b = 0; b < upperBounds.Length; b++)
        {
            if (value < upperBounds[b])
            {
                return b;
            }
        }

        return upperBounds.Length;
    }
}
