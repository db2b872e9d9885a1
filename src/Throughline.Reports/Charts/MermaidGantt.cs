using System.Globalization;
using System.Text;

namespace Throughline.Reports.Charts;

/// <summary>
/// Renders a <see cref="GanttChart"/> as a Mermaid <c>gantt</c> block, which GitHub, GitLab and common wikis draw
/// from Markdown. Critical rows are tagged <c>crit</c>, milestones <c>milestone</c>; links become <c>after</c> only
/// through the dates (Mermaid draws no arrows).
/// </summary>
public static class MermaidGantt
{
    public static string Render(GanttChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var text = new StringBuilder();
        text.AppendLine("```mermaid");
        text.AppendLine("gantt");
        text.AppendLine(CultureInfo.InvariantCulture, $"    title {Clean(chart.Title)}");
        text.AppendLine("    dateFormat YYYY-MM-DD");
        text.AppendLine("    axisFormat %b %d");
        // Mermaid's marker shows the reader's clock, not the report's date.
        text.AppendLine("    todayMarker off");

        text.AppendLine("    section Critical path");
        var n = 0;
        foreach (var row in chart.Rows)
        {
            var tags = new List<string>();
            if (row.IsCritical)
            {
                tags.Add("crit");
            }

            if (row.IsMilestone)
            {
                tags.Add("milestone");
            }
            else if (row.Done >= 1)
            {
                tags.Add("done");
            }
            else if (row.Done > 0)
            {
                tags.Add("active");
            }

            tags.Add("t" + (++n).ToString(CultureInfo.InvariantCulture));
            var start = DateOnly.FromDateTime(row.IsMilestone ? row.Finish : row.Start);

            // Mermaid's end date is exclusive: a task that finishes on a day ends at the start of the next.
            var end = row.IsMilestone ? "0d" : Day(DateOnly.FromDateTime(row.Finish).AddDays(1));
            text.AppendLine(CultureInfo.InvariantCulture, $"    {Clean(row.Label)} :{string.Join(", ", tags)}, {Day(start)}, {end}");
        }

        text.AppendLine("```");
        return text.ToString();
    }

    /// <summary>Mermaid ends a task name at ':' and treats '#' and ';' as syntax; they become look-alikes or go.</summary>
    private static string Clean(string value) =>
        value.Replace(':', '-').Replace('#', 'N').Replace(';', ',').Replace('\n', ' ').Replace('\r', ' ').Trim();

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
