using System.Globalization;
using System.Text;

namespace Throughline.Web.Tests.Ui;

/// <summary>
/// A generated plan of a realistic shape for measuring pages: projects of summaries of chained leaves, each project
/// ending in a committed milestone, links across projects, teams and people with assignments, risks and decisions.
/// Deterministic for a size.
/// </summary>
internal static class GeneratedPlan
{
    /// <summary>A plan with about <paramref name="items"/> work items (8 projects, summaries of 9 leaves each).</summary>
    public static string Yaml(string id, int items)
    {
        const int projects = 8;
        const int leaves = 9;
        var summaries = Math.Max(1, items / projects / (leaves + 1));
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"program:\n  id: {id}\n  name: Generated program of {items} items\n  start: 2027-01-04\n  status-date: 2027-03-15\n");
        text.Append("teams:\n");
        for (var t = 0; t < projects; t++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  - {{ id: team{t}, name: Team {t}, ktlo: 15% }}\n");
        }

        text.Append("people:\n");
        for (var p = 0; p < projects * 5; p++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  - {{ id: p{p}, name: Person {p}, role: {(p % 5 == 0 ? "tpm" : "engineer")}, team: team{p / 5} }}\n");
        }

        text.Append("projects:\n");
        for (var j = 0; j < projects; j++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  - id: proj{j}\n    name: Project {j}\n    team: team{j}\n    tpm: p{j * 5}\n    items:\n");
            for (var s = 0; s < summaries; s++)
            {
                text.Append(CultureInfo.InvariantCulture, $"      - id: s{j}-{s}\n        name: Stage {s} of project {j}\n        items:\n");
                for (var l = 0; l < leaves; l++)
                {
                    var itemId = $"i{j}-{s}-{l}";
                    var depends = new List<string>();
                    if (l > 0)
                    {
                        depends.Add($"i{j}-{s}-{l - 1}");
                    }
                    else if (s > 0)
                    {
                        depends.Add($"i{j}-{s - 1}-{leaves - 1}");
                    }

                    if (j > 0 && l == 4 && s % 3 == 1)
                    {
                        depends.Add($"\"i{j - 1}-{s - 1}-{l} SS+2d\"");
                    }

                    var estimate = 1 + ((j * 7) + (s * 3) + l) % 6;
                    var person = (j * 5) + 1 + (l % 4);
                    text.Append(CultureInfo.InvariantCulture, $"          - {{ id: {itemId}, name: Task {l} of stage {s} in project {j}, estimate: {{ optimistic: {estimate}d, likely: {estimate + 1}d, pessimistic: {estimate + 4}d }}, people: [p{person}]{(depends.Count > 0 ? ", depends-on: [" + string.Join(", ", depends) + "]" : "")} }}\n");
                }
            }

            text.Append(CultureInfo.InvariantCulture, $"      - {{ id: m{j}, name: Project {j} done, milestone: true, committed: 2028-06-30, depends-on: [i{j}-{summaries - 1}-{leaves - 1}] }}\n");
        }

        text.Append("risks:\n");
        for (var r = 0; r < 20; r++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  - {{ id: r{r}, title: Risk {r}, probability: {10 + (r * 4)}%, impact: {1 + (r % 8)}d, owner: p{r}, items: [i{r % projects}-{r % summaries}-{r % leaves}] }}\n");
        }

        text.Append("decisions:\n");
        for (var d = 0; d < 5; d++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  - {{ id: d{d}, question: Decision {d}?, decider: p{d * 5}, due: 2027-0{3 + d}-01, status: open, blocks: [i{d}-1-0] }}\n");
        }

        return text.ToString();
    }
}
