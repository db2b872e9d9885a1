using System.Globalization;
using Throughline.Domain.Budget;

namespace Throughline.Reports.Charts;

/// <summary>The data of a budget burn chart: cumulative points, the budget at completion, the status date and the currency.</summary>
public sealed record BurnChart(string Title, IReadOnlyList<BurnPoint> Points, decimal BudgetAtCompletion, DateOnly StatusDate, string Currency);

/// <summary>Renders a <see cref="BurnChart"/>: planned spend, actual spend to the status date, the forecast to completion and the budget line.</summary>
public static class BurnChartSvg
{
    private const double Width = 460;
    private const double Height = 240;
    private const double Left = 56;
    private const double Right = 16;
    private const double Top = 28;
    private const double Bottom = 34;

    public static string Render(BurnChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var svg = new Svg(Width, Height, chart.Title, "chart burn");
        svg.Text(Left, 16, chart.Title, "start", ChartColours.Ink, "font-weight=\"600\" font-size=\"12\"");
        if (chart.Points.Count < 2)
        {
            svg.Text(Width / 2, Height / 2, "No budget lines", "middle", ChartColours.Muted);
            return svg.ToString();
        }

        var first = chart.Points[0].Date;
        var last = chart.Points[^1].Date;
        var span = Math.Max(1, last.DayNumber - first.DayNumber);
        var top = (double)Math.Max(chart.BudgetAtCompletion, chart.Points.Max(p => Math.Max(p.Planned, Math.Max(p.Actual ?? 0, p.Forecast ?? 0)))) * 1.08;
        top = top <= 0 ? 1 : top;
        double X(DateOnly d) => Left + ((d.DayNumber - first.DayNumber) / (double)span * (Width - Left - Right));
        double Y(decimal v) => Top + ((1 - ((double)v / top)) * (Height - Top - Bottom));

        for (var i = 0; i <= 4; i++)
        {
            var v = (decimal)(top / 4 * i);
            svg.Line(Left, Y(v), Width - Right, Y(v), ChartColours.Grid);
            svg.Text(Left - 4, Y(v) + 4, Compact(v), "end", ChartColours.Muted);
        }

        var months = new DateOnly(first.Year, first.Month, 1).AddMonths(1);
        var step = span > 400 ? 3 : span > 200 ? 2 : 1;
        for (var m = months; m <= last; m = m.AddMonths(step))
        {
            svg.Text(X(m), Height - Bottom + 14, m.ToString("MMM yy", CultureInfo.InvariantCulture), "middle", ChartColours.Muted);
        }

        svg.Line(Left, Y(chart.BudgetAtCompletion), Width - Right, Y(chart.BudgetAtCompletion), ChartColours.Muted, 1, "stroke-dasharray=\"6 3\"");
        svg.Text(Width - Right, Y(chart.BudgetAtCompletion) - 4, "budget " + Compact(chart.BudgetAtCompletion) + " " + chart.Currency, "end", ChartColours.Muted);
        svg.Polyline(chart.Points.Select(p => (X(p.Date), Y(p.Planned))), ChartColours.Planned, 2);
        svg.Polyline(chart.Points.Where(p => p.Actual is not null).Select(p => (X(p.Date), Y(p.Actual!.Value))), ChartColours.Actual, 2.5);
        var forecast = chart.Points.Where(p => p.Forecast is not null).ToList();
        if (forecast.Count > 1)
        {
            svg.Polyline(forecast.Select(p => (X(p.Date), Y(p.Forecast!.Value))), ChartColours.Forecast, 2, "stroke-dasharray=\"5 3\"");
        }

        var xs = X(chart.StatusDate);
        svg.Line(xs, Top, xs, Height - Bottom, ChartColours.Ink, 1, "stroke-dasharray=\"2 3\"");

        // Legend along the bottom.
        var lx = Left;
        foreach (var (label, colour) in new[] { ("planned (PV)", ChartColours.Planned), ("actual (AC)", ChartColours.Actual), ("forecast (EAC)", ChartColours.Forecast) })
        {
            svg.Rect(lx, Height - 11, 12, 3, colour);
            svg.Text(lx + 16, Height - 6, label, "start", ChartColours.Muted);
            lx += 110;
        }

        return svg.ToString();
    }

    /// <summary>1,250,000 as "1.25M", 84,000 as "84k".</summary>
    internal static string Compact(decimal value)
    {
        var v = (double)value;
        return Math.Abs(v) >= 1_000_000 ? (v / 1_000_000).ToString("0.##", CultureInfo.InvariantCulture) + "M"
            : Math.Abs(v) >= 1_000 ? (v / 1_000).ToString("0", CultureInfo.InvariantCulture) + "k"
            : v.ToString("0", CultureInfo.InvariantCulture);
    }
}
