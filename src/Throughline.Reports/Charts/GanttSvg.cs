using System.Globalization;
using Throughline.Domain;

namespace Throughline.Reports.Charts;

/// <summary>
/// Renders a <see cref="GanttChart"/> as inline SVG: labels on the left (indented by level, summaries with an expand or
/// collapse control), a time axis, bars (critical in red, the done share darker, summaries as brackets, baseline dates
/// as a thin grey bar beneath), milestones as diamonds, committed dates as black ticks, links as elbow arrows of their
/// type (critical red, cross-team dashed amber) and today as a dashed line.
/// </summary>
/// <remarks>
/// Without a <see cref="GanttChart.Scale"/> the chart fits the report's 960 pixels with a month axis; with one it is as
/// wide as its dates need at that scale (a day is 22, 5, 1.5 or 0.55 pixels), so that 2,000 rows over two years stay
/// readable in a scrolling pane.
/// </remarks>
public static class GanttSvg
{
    private const double FitWidth = 960;
    private const double LabelWidth = 300;
    private const double RowHeight = 24;
    private const double Top = 34;
    private const double Right = 16;

    public static string Render(GanttChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var rows = chart.Rows;
        var height = Top + (Math.Max(1, rows.Count) * RowHeight) + 12;
        if (rows.Count == 0)
        {
            var empty = new Svg(FitWidth, height, chart.Title, "chart gantt");
            empty.Text(FitWidth / 2, Top + 12, "Nothing to show", "middle", ChartColours.Muted);
            return empty.ToString();
        }

        var dates = rows.SelectMany(r => new[] { r.Start, r.Finish })
            .Concat(rows.Where(r => r.Committed is not null).Select(r => r.Committed!.Value.ToDateTime(TimeOnly.MaxValue)))
            .Concat(rows.Where(r => r.BaselineStart is not null && r.BaselineFinish is not null).SelectMany(r => new[] { r.BaselineStart!.Value, r.BaselineFinish!.Value }))
            .ToList();
        if (chart.Today is { } today)
        {
            dates.Add(today.ToDateTime(TimeOnly.MinValue));
        }

        var (from, to) = Range(dates.Min(), dates.Max(), chart.Scale);
        var span = (to - from).TotalDays;
        var width = chart.Scale is { } scale ? LabelWidth + (span * PixelsPerDay(scale)) + Right : FitWidth;
        double X(DateTime t) => LabelWidth + ((t - from).TotalDays / span * (width - LabelWidth - Right));
        var svg = new Svg(width, height, chart.Title, "chart gantt");

        foreach (var (tick, label) in Axis(from, to, chart.Scale))
        {
            svg.Line(X(tick), Top - 6, X(tick), height - 8, ChartColours.Grid);
            if (label is not null)
            {
                svg.Text(X(tick) + 3, Top - 12, label, "start", ChartColours.Muted);
            }
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var y = Top + (i * RowHeight);
            if (i % 2 == 1)
            {
                svg.Rect(0, y, width, RowHeight, "#f7f8fa");
            }

            Label(svg, row, y);
            var colour = row.IsCritical ? ChartColours.Red : ChartColours.Bar;
            var tooltip = $"{row.Label} ({row.Id}): {Day(row.Start)} to {Day(row.Finish)}{(row.Committed is { } c ? $", committed {c:yyyy-MM-dd}" : string.Empty)}{(row.IsCritical ? ", critical" : string.Empty)}{(row.BaselineFinish is { } b ? $", baseline finish {Day(b)}" : string.Empty)}";
            svg.Group(tooltip, g =>
            {
                if (row.BaselineStart is { } baselineStart && row.BaselineFinish is { } baselineFinish)
                {
                    var bx = X(baselineStart);
                    g.Rect(bx, y + RowHeight - 6, Math.Max(2, X(baselineFinish) - bx), 3, ChartColours.Grey, "class=\"baseline\"");
                }

                if (row.IsMilestone)
                {
                    var cx = X(row.Finish);
                    var cy = y + (RowHeight / 2);
                    g.Path(FormattableString.Invariant($"M{Svg.N(cx)},{Svg.N(cy - 7)} L{Svg.N(cx + 7)},{Svg.N(cy)} L{Svg.N(cx)},{Svg.N(cy + 7)} L{Svg.N(cx - 7)},{Svg.N(cy)} Z"), colour, 1, colour);
                    var after = row.Committed is { } due ? Math.Max(cx, X(due.ToDateTime(TimeOnly.MaxValue))) : cx;
                    g.Text(after + 10, cy + 4, row.Finish.ToString("MMM d", CultureInfo.InvariantCulture), "start", ChartColours.Ink);
                }
                else if (row.IsSummary)
                {
                    var x1 = X(row.Start);
                    var x2 = Math.Max(x1 + 2, X(row.Finish));
                    g.Path(FormattableString.Invariant($"M{Svg.N(x1)},{Svg.N(y + 16)} V{Svg.N(y + 7)} H{Svg.N(x2)} V{Svg.N(y + 16)} L{Svg.N(x2 - 4)},{Svg.N(y + 11)} H{Svg.N(x1 + 4)} Z"), ChartColours.Ink, 1, ChartColours.Ink, "class=\"summary\"");
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
                    // The tick carries its own tooltip, the committed date: the row's tooltip leads with the scheduled dates.
                    var cx = X(committed.ToDateTime(TimeOnly.MaxValue));
                    g.Group($"committed {committed:yyyy-MM-dd}", tick => tick.Line(cx, y + 3, cx, y + RowHeight - 3, ChartColours.Ink, 2), "committed");
                }
            });
        }

        foreach (var link in chart.Links)
        {
            if (link.From < 0 || link.From >= rows.Count || link.To < 0 || link.To >= rows.Count)
            {
                continue;
            }

            Arrow(svg, link, rows, X);
        }

        if (chart.Today is { } now)
        {
            var x = X(now.ToDateTime(new TimeOnly(12, 0)));
            svg.Line(x, Top - 6, x, height - 8, ChartColours.Ink, 1.5, "stroke-dasharray=\"4 3\"");
            svg.Text(x, height - 1, "today " + now.ToString("MMM d", CultureInfo.InvariantCulture), "middle", ChartColours.Ink);
        }

        return svg.ToString();
    }

    private static void Label(Svg svg, GanttRow row, double y)
    {
        var indent = 6 + (Math.Min(row.Level, 8) * 12);
        var style = row.IsCritical || row.IsSummary ? "font-weight=\"600\"" : null;
        var fill = row.IsCritical || row.IsSummary ? ChartColours.Ink : ChartColours.Muted;
        if (row.IsSummary && row.ToggleHref is { } toggle)
        {
            svg.Link(toggle, (row.IsCollapsed ? "Expand " : "Collapse ") + row.Label, a => a.Text(indent, y + 16, row.IsCollapsed ? "▸" : "▾", "start", ChartColours.Ink, "font-size=\"13\""));
        }

        var text = Svg.Clip(row.Label, Math.Max(12, 46 - (row.Level * 2)));
        if (row.Href is { } href)
        {
            svg.Link(href, row.Label, a => a.Text(indent + 12, y + 15, text, "start", fill, style));
        }
        else
        {
            svg.Text(row.ToggleHref is null ? indent : indent + 12, y + 15, text, "start", fill, style);
        }
    }

    private static void Arrow(Svg svg, GanttLink link, IReadOnlyList<GanttRow> rows, Func<DateTime, double> x)
    {
        var (a, b) = (rows[link.From], rows[link.To]);
        var fromStart = link.Type is DependencyType.StartToStart or DependencyType.StartToFinish;
        var toFinish = link.Type is DependencyType.FinishToFinish or DependencyType.StartToFinish;
        var x1 = x(fromStart && !a.IsMilestone ? a.Start : a.Finish);
        var y1 = Top + (link.From * RowHeight) + (RowHeight / 2);
        var x2 = x(b.IsMilestone ? b.Finish : toFinish ? b.Finish : b.Start);
        var y2 = Top + (link.To * RowHeight) + (RowHeight / 2);
        var down = y2 > y1 ? -4 : 4;
        var stroke = link.IsCritical ? ChartColours.Red : link.IsCrossTeam ? ChartColours.Amber : ChartColours.Muted;
        var dash = link.IsCrossTeam ? " stroke-dasharray=\"5 3\"" : string.Empty;
        var opacity = link.IsCritical ? "0.8" : "0.5";
        var css = link.IsCrossTeam ? "link cross-team" : "link";
        if (link.Type == DependencyType.FinishToStart && !toFinish)
        {
            var mid = Math.Max(x1 + 4, x2 - 6);
            svg.Path(FormattableString.Invariant($"M{Svg.N(x1)},{Svg.N(y1)} H{Svg.N(mid)} V{Svg.N(y2 + down)}"), stroke, 1, "none", $"opacity=\"{opacity}\" class=\"{css}\"{dash}");
            return;
        }

        // SS, FF and SF: out to the side, along, and into the bar's end, with an arrowhead.
        var side = toFinish ? Math.Max(x1, x2) + 8 : Math.Min(x1, x2) - 8;
        var head = toFinish ? 4 : -4;
        svg.Path(FormattableString.Invariant($"M{Svg.N(x1)},{Svg.N(y1)} H{Svg.N(side)} V{Svg.N(y2)} H{Svg.N(x2)} M{Svg.N(x2)},{Svg.N(y2)} l{Svg.N(-head)},-3 M{Svg.N(x2)},{Svg.N(y2)} l{Svg.N(-head)},3"), stroke, 1, "none", $"opacity=\"{opacity}\" class=\"{css}\"{dash}");
    }

    private static (DateTime From, DateTime To) Range(DateTime first, DateTime last, GanttScale? scale)
    {
        static DateTime Month(DateTime t) => new(t.Year, t.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return scale switch
        {
            GanttScale.Days or GanttScale.Weeks => (Monday(first.Date), Monday(last.Date).AddDays(7)),
            GanttScale.Quarters => (Month(first).AddMonths(-((first.Month - 1) % 3)), Month(last).AddMonths(3 - ((last.Month - 1) % 3))),
            GanttScale.Months or null => (Month(first), Month(last).AddMonths(1)),
        };
    }

    private static double PixelsPerDay(GanttScale scale) => scale switch
    {
        GanttScale.Days => 22,
        GanttScale.Weeks => 5,
        GanttScale.Months => 1.5,
        GanttScale.Quarters => 0.55,
    };

    /// <summary>Grid lines and their labels: days (labelled on Mondays), weeks, months (every second or third when they crowd a fitted chart) or quarters.</summary>
    private static IEnumerable<(DateTime Tick, string? Label)> Axis(DateTime from, DateTime to, GanttScale? scale)
    {
        switch (scale)
        {
            case GanttScale.Days:
                for (var d = from; d <= to; d = d.AddDays(1))
                {
                    yield return (d, d.DayOfWeek == DayOfWeek.Monday && d < to ? d.ToString("MMM d", CultureInfo.InvariantCulture) : null);
                }

                break;
            case GanttScale.Weeks:
                for (var d = from; d <= to; d = d.AddDays(7))
                {
                    yield return (d, d < to && ((d - from).Days / 7 % 2 == 0) ? d.ToString("MMM d", CultureInfo.InvariantCulture) : null);
                }

                break;
            case GanttScale.Quarters:
                for (var m = from; m <= to; m = m.AddMonths(3))
                {
                    yield return (m, m < to ? $"Q{((m.Month - 1) / 3) + 1} {m.Year}" : null);
                }

                break;
            case GanttScale.Months or null:
                var months = (int)Math.Round((to - from).TotalDays / 30.4);
                var step = scale is null ? months > 16 ? 3 : months > 8 ? 2 : 1 : 1;
                var index = 0;
                for (var m = from; m <= to; m = m.AddMonths(1), index++)
                {
                    yield return (m, m < to && index % step == 0 ? m.ToString(scale is null ? "MMM yyyy" : "MMM \\'yy", CultureInfo.InvariantCulture) : null);
                }

                break;
        }
    }

    private static DateTime Monday(DateTime date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private static string Day(DateTime value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
