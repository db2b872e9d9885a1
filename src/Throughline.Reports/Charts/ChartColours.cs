using Throughline.Domain.Health;

namespace Throughline.Reports.Charts;

/// <summary>The report's palette: health colours that stay distinct in greyscale print, and the series colours.</summary>
public static class ChartColours
{
    public const string Red = "#c62828";
    public const string Amber = "#ef8f00";
    public const string Green = "#2e7d32";
    public const string Grey = "#8a8f98";
    public const string Ink = "#1f2933";
    public const string Muted = "#6b7280";
    public const string Grid = "#e5e7eb";
    public const string Bar = "#5b7db1";
    public const string Planned = "#5b7db1";
    public const string Actual = "#1f2933";
    public const string Forecast = "#ef8f00";

    public static string Of(HealthColour colour) => colour switch
    {
        HealthColour.Red => Red,
        HealthColour.Amber => Amber,
        HealthColour.Green => Green,
        HealthColour.Unknown => Grey,
    };
}
