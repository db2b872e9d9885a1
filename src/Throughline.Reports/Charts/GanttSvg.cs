using System.Globalization;

namespace Throughline.Reports.Charts;

/// <summary>
/// Renders a <see cref="GanttChart"/> as inline SVG: labels on the left, a month axis, bars (critical in red, the done
/// share darker), milestones as diamonds, committed dates as black ticks, links as elbow arrows and today as a dashed
/// line.
/// </summary>
public static class GanttSvg
{
    private const double Width = 960;
    private const double LabelWidth = 300;
    private const double RowHeight = 24;
    private const double Top = 34;
    private const double Right = 16;

    public static string Render(GanttChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var rows = chart.Rows;
        var height = Top + (Math.Max(1, rows.Count) * RowHeight) + 12;
        var svg = new Svg(Width, height, chart.Title, "chart gantt");
        if (rows.Count == 0)
        {
            svg.Text(Width / 2, Top + 12, "Nothing to show", "middle", ChartColours.Muted);
            return svg.ToString();
        }

        var dates = rows.SelectMany(r => new[] { r.Start, r.Finish }).Concat(rows.Where(r => r.Committed is not null).Select(r => r.Committed!.Value.ToDateTime(TimeOnly.MaxValue))).ToList();
        if (chart.Today is { } today)
        {
            dates.Add(today.ToDateTime(TimeOnly.MinValue));
        }

        var from = new DateTime(dates.Min().Year, dates.Min().Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var last = dates.Max();
        var to = new DateTime(last.Year, last.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(1);
        var span = (to - from).TotalDays;
        double X(DateTime t) => LabelWidth + ((t - from).TotalDays / span * (Width - LabelWidth - Right));

        // Month grid and axis; label every month, or every second or third when they crowd.
        var months = (int)Math.Round(span / 30.4);
        var step = months > 16 ? 3 : months > 8 ? 2 : 1;
        var index = 0;
        for (var m = from; m <= to; m = m.AddMonths(1), index++)
        {
            svg.Line(X(m), Top - 6, X(m), height - 8, ChartColours.Grid);
            if (m < to && index % step == 0)
            {
                svg.Text(X(m) + 3, Top - 12, m.ToString("MMM yyyy", CultureInfo.InvariantCulture), "start", ChartColours.Muted);
            }
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var y = Top + (i * RowHeight);
            if (i % 2 == 1)
            {
                svg.Rect(0, y, Width, RowHeight, "#f7f8fa");
            }

            svg.Text(6, y + 15, Svg.Clip(row.Label, 46), "start", row.IsCritical ? ChartColours.Ink : ChartColours.Muted, row.IsCritical ? "font-weight=\"600\"" : null);
            var colour = row.IsCritical ? ChartColours.Red : ChartColours.Bar;
            var tooltip = $"{row.Label} ({row.Id}): {Day(row.Start)} to {Day(row.Finish)}{(row.Committed is { } c ? $", committed {c:yyyy-MM-dd}" : string.Empty)}{(row.IsCritical ? ", critical" : string.Empty)}";
            svg.Group(tooltip, g =>
            {
                if (row.IsMilestone)
                {
                    var cx = X(row.Finish);
                    var cy = y + (RowHeight / 2);
                    g.Path(FormattableString.Invariant($"M{Svg.N(cx)},{Svg.N(cy - 7)} L{Svg.N(cx + 7)},{Svg.N(cy)} L{Svg.N(cx)},{Svg.N(cy + 7)} L{Svg.N(cx - 7)},{Svg.N(cy)} Z"), colour, 1, colour);
                    var after = row.Committed is { } due ? Math.Max(cx, X(due.ToDateTime(TimeOnly.MaxValue))) : cx;
                    g.Text(after + 10, cy + 4, row.Finish.ToString("MMM d", CultureInfo.InvariantCulture), "start", ChartColours.Ink);
                }
                else
                {
                    var x1 = X(row.Start);
                    var w = Math.Max(2, X(row.Finish) - x1);
                    g.Rect(x1, y + 6, w, RowHeight - 12, colour, "rx=\"2\" opacity=\"0.55\"");
                    if (row.Done > 0)
                    {
                        g.Rect(x1, y + 6, w * Math.Clamp(row.Done, 0, 1), RowHeight - 12, colour, "rx=\"2\"");
                    }
                }

                if (row.Committed is { } committed)
                {
                    var cx = X(committed.ToDateTime(TimeOnly.MaxValue));
                    g.Line(cx, y + 3, cx, y + RowHeight - 3, ChartColours.Ink, 2);
                }
            });
        }

        foreach (var link in chart.Links)
        {
            if (link.From < 0 || link.From >= rows.Count || link.To < 0 || link.To >= rows.Count)
            {
                continue;
            }

            var (a, b) = (rows[link.From], rows[link.To]);
            var x1 = X(a.Finish);
            var y1 = Top + (link.From * RowHeight) + (RowHeight / 2);
            var x2 = X(b.IsMilestone ? b.Finish : b.Start);
            var y2 = Top + (link.To * RowHeight) + (RowHeight / 2);
            var mid = Math.Max(x1 + 4, x2 - 6);
            var down = y2 > y1 ? -4 : 4;
            svg.Path(FormattableString.Invariant($"M{Svg.N(x1)},{Svg.N(y1)} H{Svg.N(mid)} V{Svg.N(y2 + down)}"), ChartColours.Muted, 1, "none", "opacity=\"0.7\"");
        }

        if (chart.Today is { } now)
        {
            var x = X(now.ToDateTime(new TimeOnly(12, 0)));
            svg.Line(x, Top - 6, x, height - 8, ChartColours.Ink, 1.5, "stroke-dasharray=\"4 3\"");
            svg.Text(x, height - 1, "today " + now.ToString("MMM d", CultureInfo.InvariantCulture), "middle", ChartColours.Ink);
        }

        return svg.ToString();
    }

    private static string Day(DateTime value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
