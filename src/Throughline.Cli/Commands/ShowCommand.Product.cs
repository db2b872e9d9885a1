using System.Globalization;
using Spectre.Console;
using Throughline.Domain;
using Throughline.Domain.Engineering;
using Throughline.Domain.Product;

namespace Throughline.Cli.Commands;

// The product and engineering sections of `tl show`: product metrics, roadmap, ranked backlogs, capacity and team
// health, technical decision records. "Today" is the plan's status date (or its start), never the clock.
internal static partial class ShowCommand
{
    private static void RenderProductMetrics(IAnsiConsole console, Program program)
    {
        if (program.ProductMetrics.Count == 0)
        {
            return;
        }

        console.WriteLine();
        var table = new Table().Title("[bold]Product metrics[/]").AddColumns("Metric", "Kind", "Product", "Baseline -> current -> target", "Progress", "Trend", "By", "Moved by");
        foreach (var metric in program.ProductMetrics)
        {
            var unit = metric.Unit is { } u ? " " + u : string.Empty;
            table.AddRow(
                $"{Markup.Escape(metric.Name)} [grey]{Markup.Escape(metric.Id.Value)}[/]",
                metric.Kind.ToString().ToLowerInvariant(),
                Markup.Escape(metric.Product ?? "-"),
                Markup.Escape($"{Number(metric.Baseline)} -> {(metric.Current is { } c ? Number(c) : "?")} -> {Number(metric.Target)}{unit}"),
                $"{Math.Max(0, metric.ProgressFraction) * 100:0}%",
                Trend(metric.Trend),
                metric.TargetDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-",
                Markup.Escape(string.Join(", ", metric.Projects)));
        }

        console.Write(table);
    }

    private static void RenderProblems(IAnsiConsole console, Program program)
    {
        var items = program.WorkItems.Where(i => i.Problem is not null || i.Prd is not null || i.Requirements.Count > 0).ToLookup(i => i.Project);
        var projects = program.Projects.Where(p => p.Problem is not null || p.Prd is not null || items[p.Id].Any()).ToList();
        if (projects.Count == 0)
        {
            return;
        }

        console.WriteLine();
        var tree = new Tree("[bold]Problems and requirements[/]");
        foreach (var project in projects)
        {
            var node = tree.AddNode($"[bold]{Markup.Escape(project.Id.Value)}[/]: {Markup.Escape(project.Problem ?? "no problem statement")}{Link(project.Prd)}");
            foreach (var item in items[project.Id])
            {
                var itemNode = node.AddNode($"{Markup.Escape(item.Name)} [grey]{Markup.Escape(item.Id.Value)}[/]{(item.Problem is { } problem ? ": " + Markup.Escape(problem) : string.Empty)}{Link(item.Prd)}");
                foreach (var requirement in item.Requirements)
                {
                    itemNode.AddNode("must: " + Markup.Escape(requirement));
                }
            }
        }

        console.Write(tree);

        static string Link(string? prd) => prd is null ? string.Empty : $" [blue]PRD {Markup.Escape(prd)}[/]";
    }

    private static void RenderRosters(IAnsiConsole console, Program program)
    {
        if (program.Teams.Count == 0)
        {
            return;
        }

        console.MarkupLine("[bold]Rosters[/]");
        foreach (var team in program.Teams)
        {
            var members = program.People.Where(p => p.Team == team.Id).Select(p => p.Id == team.Lead ? $"{p.Name} (lead)" : p.Name).ToList();
            console.MarkupLine($"  {Markup.Escape(team.Name)}: {Markup.Escape(members.Count == 0 ? "no members listed" : string.Join(", ", members))}");
        }
    }

    private static void RenderRoadmap(IAnsiConsole console, Program program)
    {
        var today = program.StatusDate ?? program.Start;
        var roadmap = Roadmap.Build(program, today);
        if (roadmap.Count == 0)
        {
            return;
        }

        console.WriteLine();
        var table = new Table().Title($"[bold]Roadmap (as of {today:yyyy-MM-dd})[/]").AddColumns("", "Project", "Item", "Date", "Why here");
        foreach (var entry in roadmap)
        {
            var date = entry.Date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "-";
            table.AddRow(
                entry.Horizon.ToString().ToLowerInvariant(),
                Markup.Escape(entry.Project.Value),
                $"{Markup.Escape(entry.Name)} [grey]{Markup.Escape(entry.Item.Value)}[/]",
                entry.Overdue ? $"[red]{date} overdue[/]" : date,
                Markup.Escape(entry.Reason));
        }

        console.Write(table);
    }

    private static void RenderBacklogs(IAnsiConsole console, Program program)
    {
        foreach (var method in new[] { PrioritisationMethod.Rice, PrioritisationMethod.Wsjf })
        {
            var backlog = Backlog.Rank(program, method);
            if (backlog.Entries.Count == 0)
            {
                continue;
            }

            console.WriteLine();
            var table = new Table().Title($"[bold]Backlog by {(method == PrioritisationMethod.Rice ? "RICE" : "WSJF")}[/]").AddColumns("#", "Item", "Score", "Why this rank");
            foreach (var entry in backlog.Entries)
            {
                table.AddRow(
                    entry.Rank.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(entry.Item.Value),
                    Markup.Escape(entry.Formula),
                    Markup.Escape(entry.Reason));
            }

            console.Write(table);
        }
    }

    private static void RenderCapacity(IAnsiConsole console, Program program)
    {
        var health = TeamHealthAnalyzer.Analyze(program);
        if (health.Count == 0)
        {
            return;
        }

        console.WriteLine();
        var table = new Table().Title("[bold]Capacity and team health (per week)[/]").AddColumns("Team", "Gross", "KTLO", "On-call", "Available", "In progress asks for", "Max projects/person", "On-call every");
        var teams = program.Teams.GroupBy(t => t.Id).ToDictionary(g => g.Key, g => g.First().Name);
        foreach (var team in health)
        {
            var capacity = team.Capacity;
            table.AddRow(
                Markup.Escape(teams[team.Team]),
                $"{capacity.Gross.Hours:0}h",
                $"{capacity.Ktlo.Hours:0}h",
                $"{capacity.OnCall.Hours:0}h",
                $"{capacity.Available.Hours:0}h ({team.Supply:0.##} people)",
                team.LoadRatio > 1 ? $"[red]{team.Demand:0.##} people[/]" : $"{team.Demand:0.##} people",
                team.MaxConcurrentProjects.ToString(CultureInfo.InvariantCulture),
                team.OnCallEveryWeeks is { } w ? $"{w:0.#} weeks" : "-");
        }

        console.Write(table);
        var allocated = CapacityCalculator.People(program).Where(p => p.Allocations.Count > 0).ToList();
        if (allocated.Count > 0)
        {
            var people = program.People.GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First().Name);
            var allocations = new Table().Title("[bold]Allocations[/]").AddColumns("Person", "Projects", "Allocated", "With KTLO and on-call", "Available for projects");
            foreach (var person in allocated)
            {
                allocations.AddRow(
                    Markup.Escape(people[person.Person]),
                    Markup.Escape(string.Join(", ", person.Allocations.Select(a => $"{a.Project} {a.Percent:0.#}%"))),
                    person.IsOverAllocated ? $"[red]{person.AllocatedPercent:0.#}% over 100%[/]" : $"{person.AllocatedPercent:0.#}%",
                    person.CommittedPercent > 100.0001 ? $"[yellow]{person.CommittedPercent:0.#}%[/]" : $"{person.CommittedPercent:0.#}%",
                    $"{person.Available.Hours:0.#}h");
            }

            console.Write(allocations);
        }

        var signals = health.SelectMany(h => h.Signals).ToList();
        if (signals.Count > 0)
        {
            console.MarkupLine("[bold]Team health signals[/]");
            foreach (var signal in signals)
            {
                console.MarkupLine($"  [yellow]{Markup.Escape(Signal(signal.Kind))}[/] {Markup.Escape(teams[signal.Team])}: {Markup.Escape(signal.Message)}");
            }
        }
    }

    private static void RenderTechDecisions(IAnsiConsole console, Program program, Func<PersonId?, string> name)
    {
        if (program.TechDecisions.Count == 0)
        {
            return;
        }

        console.WriteLine();
        var table = new Table().Title("[bold]Technical decision records[/]").AddColumns("Record", "Status", "Author", "Decision", "Consequences", "Items");
        foreach (var record in program.TechDecisions)
        {
            table.AddRow(
                $"{Markup.Escape(record.Title)} [grey]{Markup.Escape(record.Id.Value)}[/]",
                record.Status.ToString().ToLowerInvariant(),
                name(record.Author),
                Markup.Escape(record.Outcome ?? "-"),
                Markup.Escape(record.Consequences ?? "-"),
                Markup.Escape(string.Join(", ", record.Items)));
        }

        console.Write(table);
    }

    private static string Trend(MetricTrend trend) => trend switch
    {
        MetricTrend.Improving => "[green]improving[/]",
        MetricTrend.Worsening => "[red]worsening[/]",
        MetricTrend.Flat => "flat",
        MetricTrend.Unknown => "[grey]no trend yet[/]",
    };

    private static string Signal(HealthSignalKind kind) => kind switch
    {
        HealthSignalKind.LoadOverCapacity => "load over capacity",
        HealthSignalKind.CommittedOverCapacity => "committed over capacity",
        HealthSignalKind.OverAllocated => "over-allocated",
        HealthSignalKind.ContextSwitching => "context switching",
        HealthSignalKind.FrequentOnCall => "frequent on-call",
        HealthSignalKind.SharedTeam => "shared team",
    };
}
