using Throughline.Domain;

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

    /// <summary>Depth in the hierarchy (0: top); labels are indented by it.</summary>
    public int Level { get; init; }

    /// <summary>A row whose dates roll up from rows below it: drawn as a bracket rather than a bar.</summary>
    public bool IsSummary { get; init; }

    /// <summary>For a summary: whether the rows below it are hidden (the caller leaves them out).</summary>
    public bool IsCollapsed { get; init; }

    /// <summary>For a summary: where its expand or collapse control leads (a page address that shows it the other way).</summary>
    public string? ToggleHref { get; init; }

    /// <summary>Where the row's label leads (the item's page); null for plain text.</summary>
    public string? Href { get; init; }

    /// <summary>The dates of the same item in a baseline, drawn as a thin grey bar under the current one.</summary>
    public DateTime? BaselineStart { get; init; }

    public DateTime? BaselineFinish { get; init; }
}

/// <summary>
/// An arrow between two rows, by row index: from the predecessor's finish (or start, for SS and SF) to the
/// successor's start (or finish, for FF and SF). Critical links are red; links between teams are dashed and amber.
/// </summary>
public sealed record GanttLink(int From, int To)
{
    public DependencyType Type { get; init; } = DependencyType.FinishToStart;

    public bool IsCritical { get; init; }

    public bool IsCrossTeam { get; init; }
}

/// <summary>The time scale of a Gantt chart: how much a day is worth on screen and which ticks the axis shows.</summary>
public enum GanttScale
{
    Days,
    Weeks,
    Months,
    Quarters,
}

/// <summary>
/// What <see cref="GanttSvg"/> and <see cref="MermaidGantt"/> draw: plain rows, links and a "today" line, with no
/// dependency on how they were computed, so that any host (the report, the web app) can feed it.
/// </summary>
public sealed record GanttChart(string Title, IReadOnlyList<GanttRow> Rows, IReadOnlyList<GanttLink> Links)
{
    public DateOnly? Today { get; init; }

    /// <summary>A fixed scale (the chart is as wide as its dates need); null fits the chart into the report's width.</summary>
    public GanttScale? Scale { get; init; }
}
