using System.Globalization;
using System.Text;

namespace Throughline.Reports.Charts;

/// <summary>
/// A small SVG writer for the report's charts: numbers in invariant culture with at most one decimal, text escaped,
/// and an inline <c>&lt;svg&gt;</c> root with a viewBox so that the chart scales with the page and prints sharply.
/// </summary>
internal sealed class Svg
{
    private readonly StringBuilder text = new();

    public Svg(double width, double height, string title, string cssClass)
    {
        text.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"{Escape(cssClass)}\" viewBox=\"0 0 {N(width)} {N(height)}\" width=\"{N(width)}\" height=\"{N(height)}\" role=\"img\" aria-label=\"{Escape(title)}\" font-family=\"Segoe UI, Helvetica, Arial, sans-serif\" font-size=\"11\">");
        text.Append("<title>").Append(Escape(title)).Append("</title>");
    }

    public static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    public static string Escape(string value) =>
        value.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    public Svg Rect(double x, double y, double width, double height, string fill, string? extra = null)
    {
        text.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(Math.Max(0, width))}\" height=\"{N(Math.Max(0, height))}\" fill=\"{fill}\"{Extra(extra)}/>");
        return this;
    }

    public Svg Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? extra = null)
    {
        text.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{stroke}\" stroke-width=\"{N(width)}\"{Extra(extra)}/>");
        return this;
    }

    public Svg Polyline(IEnumerable<(double X, double Y)> points, string stroke, double width = 2, string? extra = null)
    {
        var list = string.Join(' ', points.Select(p => N(p.X) + "," + N(p.Y)));
        text.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{list}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"{N(width)}\" stroke-linejoin=\"round\"{Extra(extra)}/>");
        return this;
    }

    public Svg Path(string data, string stroke, double width = 1, string fill = "none", string? extra = null)
    {
        text.Append(CultureInfo.InvariantCulture, $"<path d=\"{data}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{N(width)}\"{Extra(extra)}/>");
        return this;
    }

    public Svg Circle(double cx, double cy, double r, string fill, string? extra = null)
    {
        text.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(cx)}\" cy=\"{N(cy)}\" r=\"{N(r)}\" fill=\"{fill}\"{Extra(extra)}/>");
        return this;
    }

    /// <summary>Text at (x, y); <paramref name="anchor"/> is start, middle or end.</summary>
    public Svg Text(double x, double y, string value, string anchor = "start", string fill = "#333", string? extra = null)
    {
        text.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\" fill=\"{fill}\"{Extra(extra)}>{Escape(value)}</text>");
        return this;
    }

    /// <summary>A group with a tooltip (<c>&lt;title&gt;</c>) around what <paramref name="body"/> draws.</summary>
    public Svg Group(string? tooltip, Action<Svg> body, string? cssClass = null)
    {
        text.Append(cssClass is null ? "<g>" : $"<g class=\"{Escape(cssClass)}\">");
        if (tooltip is not null)
        {
            text.Append("<title>").Append(Escape(tooltip)).Append("</title>");
        }

        body(this);
        text.Append("</g>");
        return this;
    }

    /// <summary>A link (<c>&lt;a href&gt;</c>, focusable by keyboard) with an accessible name around what <paramref name="body"/> draws.</summary>
    public Svg Link(string href, string label, Action<Svg> body)
    {
        text.Append("<a href=\"").Append(Escape(href)).Append("\" aria-label=\"").Append(Escape(label)).Append("\">");
        body(this);
        text.Append("</a>");
        return this;
    }

    public override string ToString() => text + "</svg>";

    /// <summary>Cuts <paramref name="value"/> to <paramref name="max"/> characters with an ellipsis.</summary>
    public static string Clip(string value, int max) => value.Length <= max ? value : string.Concat(value.AsSpan(0, max - 1), "…");

    private static string Extra(string? extra) => extra is null ? string.Empty : " " + extra;
}
