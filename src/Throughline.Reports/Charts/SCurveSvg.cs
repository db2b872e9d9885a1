using System.Globalization;

namespace Throughline.Reports.Charts;

/// <summary>
/// The data of a forecast S-curve: the share of simulated outcomes finished by each date (0 to 1, rising), the
/// committed date if any, and the P50 and P80 dates.
/// </summary>
public sealed record SCurve(string Title, IReadOnlyList<(DateOnly Date, double Share)> Points, DateOnly P50, DateOnly P80)
{
    public DateOnly? Committed { get; init; }

    public double? ProbabilityOnTime { get; init; }
}

/// <summary>Renders an <see cref="SCurve"/>: the cumulative curve, the committed date, and the P50 and P80 lines.</summary>
public static class SCurveSvg
{
    private const double Width = 460;
    private const double Height = 240;
    private const double Left = 44;
    private const double Right = 16;
    private const double Top = 28;
    private const double Bottom = 34;

    public static string Render(SCurve curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var svg = new Svg(Width, Height, curve.Title, "chart s-curve");
        svg.Text(Left, 16, curve.Title, "start", ChartColours.Ink, "font-weight=\"600\" font-size=\"12\"");
        if (curve.Points.Count == 0)
        {
            svg.Text(Width / 2, Height / 2, "No forecast", "middle", ChartColours.Muted);
            return svg.ToString();
        }

        var first = curve.Points[0].Date.AddDays(-3);
        var last = curve.Points[^1].Date.AddDays(3);
        if (curve.Committed is { } c)
        {
            first = c.AddDays(-3) < first ? c.AddDays(-3) : first;
            last = c.AddDays(3) > last ? c.AddDays(3) : last;
        }

        var span = Math.Max(1, last.DayNumber - first.DayNumber);
        double X(DateOnly d) => Left + ((d.DayNumber - first.DayNumber) / (double)span * (Width - Left - Right));
        double Y(double share) => Top + ((1 - share) * (Height - Top - Bottom));

        foreach (var share in new[] { 0, 0.5, 0.8, 1 })
        {
            svg.Line(Left, Y(share), Width - Right, Y(share), ChartColours.Grid);
            svg.Text(Left - 4, Y(share) + 4, (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%", "end", ChartColours.Muted);
        }

        // Date ticks: about five, on whole days.
        var tickStep = Math.Max(1, span / 5);
        for (var d = first; d <= last; d = d.AddDays(tickStep))
        {
            svg.Text(X(d), Height - Bottom + 14, d.ToString("MMM d", CultureInfo.InvariantCulture), "middle", ChartColours.Muted);
        }

        // A step curve: the share jumps at the end of each day.
        var points = new List<(double, double)> { (X(first), Y(0)) };
        var previous = 0.0;
        foreach (var (date, share) in curve.Points)
        {
            points.Add((X(date), Y(previous)));
            points.Add((X(date), Y(share)));
            previous = share;
        }

        points.Add((X(last), Y(previous)));
        svg.Polyline(points, ChartColours.Planned, 2);

        // Labels low down, right of their line, where the rising curve leaves room.
        Marker(svg, X(curve.P50), "P50 " + Short(curve.P50), ChartColours.Muted, Height - Bottom - 20);
        Marker(svg, X(curve.P80), "P80 " + Short(curve.P80), ChartColours.Muted, Height - Bottom - 6);
        if (curve.Committed is { } committed)
        {
            var x = X(committed);
            svg.Line(x, Top - 4, x, Height - Bottom, ChartColours.Ink, 2);
            var odds = curve.ProbabilityOnTime is { } p ? $" ({(p * 100).ToString("0", CultureInfo.InvariantCulture)}% on time)" : string.Empty;
            svg.Text(x + (x > Width * 0.6 ? -4 : 4), Height - 4, "committed " + Short(committed) + odds, x > Width * 0.6 ? "end" : "start", ChartColours.Ink, "font-weight=\"600\"");
        }

        return svg.ToString();
    }

    private static void Marker(Svg svg, double x, string label, string colour, double y)
    {
        svg.Line(x, Top, x, Height - Bottom, colour, 1, "stroke-dasharray=\"3 3\"");
        svg.Text(x + (x > Width * 0.7 ? -4 : 4), y, label, x > Width * 0.7 ? "end" : "start", colour);
    }

    private static string Short(DateOnly date) => date.ToString("MMM d", CultureInfo.InvariantCulture);
}
