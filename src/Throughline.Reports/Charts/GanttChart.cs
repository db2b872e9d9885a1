namespace Throughline.Reports.Charts;

/// <summary>
/// One row of a Gantt chart: a bar from <see cref="Start"/> to <see cref="Finish"/> (a diamond when
/// <see cref="IsMilestone"/>), drawn red when <see cref="IsCritical"/>, with an optional committed-date marker and a
/// share done (0 to 1) shaded inside the bar.
/// </summary>
public sealed record GanttRow(string Id, string Label, DateTime Start, DateTime Finish, bool IsMilestone, bool IsCritical)
{
    public DateOnly? Committed { get; init; }

    public double Done { get; init; }
}

/// <summary>A finish-to-start style arrow from one row's bar end to another row's bar start, by row index.</summary>
public sealed record GanttLink(int From, int To);

/// <summary>
/// What <see cref="GanttSvg"/> and <see cref="MermaidGantt"/> draw: plain rows, links and a "today" line, with no
/// dependency on how they were computed, so that any host (the report, the web app) can feed it.
/// </summary>
public sealed record GanttChart(string Title, IReadOnlyList<GanttRow> Rows, IReadOnlyList<GanttLink> Links)
{
    public DateOnly? Today { get; init; }
}
