using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Throughline.Domain;

namespace Throughline.Cli.Commands;

/// <summary><c>tl show FILE</c>: the program at a glance: objectives, the project tree with owners, teams, risks, decisions.</summary>
internal static partial class ShowCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A plan file (*.tl.yaml)" };
        var depth = new Option<int?>("--depth") { Description = "How many levels of work items to show under each project (default: all)" };
        var command = new Command("show", "Show the program tree with owners, and summaries of teams, risks and decisions")
        {
            file,
            depth,
        };
        command.SetAction(parse =>
        {
            var plan = Terminal.ReadPlan(parse.GetValue(file)!.ToString(), parse.InvocationConfiguration.Error);
            if (plan is null)
            {
                return ExitCodes.InvalidInput;
            }

            Render(Terminal.For(parse.InvocationConfiguration.Output), plan.Program!, parse.GetValue(depth) ?? int.MaxValue);
            return ExitCodes.Success;
        });
        return command;
    }

    internal static void Render(IAnsiConsole console, Program program, int maxDepth)
    {
        var people = program.People.ToDictionary(p => p.Id);
        string Name(PersonId? id) => id is { } p ? Markup.Escape(people.TryGetValue(p, out var person) ? person.Name : p.Value) : "[red]none[/]";

        console.Write(new Rule($"[bold]{Markup.Escape(program.Name)}[/]").LeftJustified());
        console.MarkupLine($"Starts {program.Start:yyyy-MM-dd}{(program.StatusDate is { } s ? $", status as of {s:yyyy-MM-dd}" : string.Empty)}; sponsor {Name(program.Sponsor)}");
        if (program.Scope is { } scope)
        {
            console.MarkupLine($"[grey]{Markup.Escape(scope)}[/]");
        }

        console.MarkupLine(Markup.Escape(PlanSummary.Describe(program)));
        RenderObjectives(console, program);
        RenderProductMetrics(console, program);
        RenderProjects(console, program, Name, maxDepth);
        RenderProblems(console, program);
        RenderRoadmap(console, program);
        RenderBacklogs(console, program);
        RenderTeams(console, program, Name);
        RenderRosters(console, program);
        RenderCapacity(console, program);
        RenderRisks(console, program, Name);
        RenderDecisions(console, program, Name);
        RenderTechDecisions(console, program, Name);
    }

    private static void RenderObjectives(IAnsiConsole console, Program program)
    {
        if (program.Objectives.Count == 0)
        {
            return;
        }

        console.WriteLine();
        var tree = new Tree("[bold]Objectives[/]");
        foreach (var objective in program.Objectives)
        {
            var node = tree.AddNode(Markup.Escape(objective.Title));
            foreach (var kr in objective.KeyResults)
            {
                var current = kr.Current is { } c ? Number(c) : "?";
                var unit = kr.Unit is { } u ? " " + Markup.Escape(u) : string.Empty;
                node.AddNode($"{Markup.Escape(kr.Metric)}: {Number(kr.Baseline)} -> [bold]{current}[/] -> {Number(kr.Target)}{unit} ({Math.Max(0, kr.ProgressFraction) * 100:0}% of the way, {Trend(kr.Trend)})");
            }
        }

        console.Write(tree);
    }

    private static void RenderProjects(IAnsiConsole console, Program program, Func<PersonId?, string> name, int maxDepth)
    {
        console.WriteLine();
        var children = program.WorkItems.Where(i => i.Parent is not null).GroupBy(i => i.Parent!.Value).ToDictionary(g => g.Key, g => g.ToList());
        var projectOf = program.WorkItems.ToDictionary(i => i.Id, i => i.Project);
        var crossProject = program.Dependencies
            .Where(d => projectOf.TryGetValue(d.Predecessor, out var a) && projectOf.TryGetValue(d.Successor, out var b) && a != b)
            .ToLookup(d => d.Successor);
        var tree = new Tree("[bold]Projects[/]");
        foreach (var project in program.Projects)
        {
            var team = project.OwningTeam is { } t ? Markup.Escape(program.Teams.FirstOrDefault(x => x.Id == t)?.Name ?? t.Value) : "no team";
            var node = tree.AddNode($"[bold]{Markup.Escape(project.Name)}[/] ({team}) PM {name(project.ProductManager)}, EM {name(project.EngineeringManager)}, TPM {name(project.ProgramManager)}");
            foreach (var item in program.WorkItems.Where(i => i.Project == project.Id && i.Parent is null))
            {
                AddItem(node, item, 1);
            }
        }

        console.Write(tree);

        void AddItem(IHasTreeNodes parent, WorkItem item, int level)
        {
            if (level > maxDepth)
            {
                return;
            }

            var marker = item.IsMilestone ? "[yellow]◆[/] " : children.ContainsKey(item.Id) ? "▸ " : string.Empty;
            var estimate = item.Estimate is { } e && !item.IsMilestone && !children.ContainsKey(item.Id)
                ? " " + (e.IsThreePoint ? $"{e.Optimistic.Format(program.Units)}/{e.MostLikely.Format(program.Units)}/{e.Pessimistic.Format(program.Units)}" : e.MostLikely.Format(program.Units))
                : string.Empty;
            var who = string.Join(", ", item.Assignments.Select(a => (a.Team?.Value ?? a.Person?.Value) + (Math.Abs(a.Units - 100) < 1e-9 ? string.Empty : $" {a.Units:0.#}%")));
            var status = item.Status switch
            {
                WorkItemStatus.Done => " [green]done[/]",
                WorkItemStatus.InProgress => $" [blue]{item.Progress.PercentComplete:0}%[/]",
                WorkItemStatus.Blocked => " [red]blocked[/]",
                WorkItemStatus.Cancelled => " [grey]cancelled[/]",
                WorkItemStatus.NotStarted => string.Empty,
            };
            var committed = item.Committed is { } c ? $" [bold]committed {c:yyyy-MM-dd}[/]" : string.Empty;
            var cross = crossProject[item.Id].Any() ? $" [aqua]<- {string.Join(", ", crossProject[item.Id].Select(d => Markup.Escape(d.Type == DependencyType.FinishToStart && d.Lag.IsZero ? d.Predecessor.Value : $"{d.Predecessor} {Interop.Plan.PlanWriter.LinkLabel(d, program.Units)}")))}[/]" : string.Empty;
            var owner = item.Owner is { } o ? $" [grey]owner {Markup.Escape(o.Value)}[/]" : string.Empty;
            var waits = item.WaitsOn.Count > 0 ? $" [red]waits on {Markup.Escape(string.Join(", ", item.WaitsOn))}[/]" : string.Empty;
            var line = $"{marker}{Markup.Escape(item.Name)} [grey]{Markup.Escape(item.Id.Value)}{Markup.Escape(estimate)}{(who.Length > 0 ? " @" + Markup.Escape(who) : string.Empty)}[/]{status}{committed}{owner}{cross}{waits}";
            var node = parent.AddNode(line);
            foreach (var child in children.GetValueOrDefault(item.Id) ?? [])
            {
                AddItem(node, child, level + 1);
            }
        }
    }

    private static void RenderTeams(IAnsiConsole console, Program program, Func<PersonId?, string> name)
    {
        if (program.Teams.Count == 0)
        {
            return;
        }

        console.WriteLine();
        var table = new Table().Title("[bold]Teams[/]").AddColumns("Team", "Lead", "Members", "Capacity/week", "KTLO", "On-call", "Projects");
        foreach (var team in program.Teams)
        {
            var members = program.People.Where(p => p.Team == team.Id).ToList();
            var capacity = team.Capacity ?? new WorkDuration(members.Sum(m => m.WeeklyCapacity.Minutes));
            var rotations = program.Rotations.Where(r => r.Team == team.Id).Select(r => $"{r.Name} ({r.Members.Count}, {r.LoadPercent:0}%)");
            var projects = program.WorkItems.Where(i => i.Assignments.Any(a => a.Team == team.Id || (a.Person is { } p && members.Any(m => m.Id == p))))
                .Select(i => i.Project).Distinct().Count();
            table.AddRow(
                Markup.Escape(team.Name),
                name(team.Lead),
                members.Count.ToString(CultureInfo.InvariantCulture),
                $"{capacity.Hours:0}h",
                $"{team.KtloPercent:0}%",
                Markup.Escape(string.Join("; ", rotations)),
                projects.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(table);
    }

    private static void RenderRisks(IAnsiConsole console, Program program, Func<PersonId?, string> name)
    {
        if (program.Risks.Count == 0)
        {
            return;
        }

        console.WriteLine();
        var table = new Table().Title("[bold]Risks by schedule exposure[/]").AddColumns("Risk", "Probability", "Impact", "Exposure", "Owner", "Status");
        foreach (var risk in program.Risks.OrderByDescending(r => r.ScheduleExposure.Minutes).ThenBy(r => r.Id.Value, StringComparer.Ordinal))
        {
            table.AddRow(
                $"{Markup.Escape(risk.Title)} [grey]{Markup.Escape(risk.Id.Value)}[/]",
                risk.Probability.ToString(),
                risk.ScheduleImpact.Format(program.Units),
                $"{risk.ScheduleExposure.Days(program.Units):0.#}d",
                name(risk.Owner),
                risk.Status.ToString());
        }

        console.Write(table);
    }

    private static void RenderDecisions(IAnsiConsole console, Program program, Func<PersonId?, string> name)
    {
        if (program.Decisions.Count == 0)
        {
            return;
        }

        console.WriteLine();
        var table = new Table().Title("[bold]Decisions[/]").AddColumns("Decision", "Decider", "Due", "Status", "Blocks");
        foreach (var decision in program.Decisions.OrderBy(d => d.Status != DecisionStatus.Open).ThenBy(d => d.Due))
        {
            table.AddRow(
                $"{Markup.Escape(decision.Question)} [grey]{Markup.Escape(decision.Id.Value)}[/]",
                name(decision.Decider),
                decision.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-",
                decision.Status == DecisionStatus.Open ? "[yellow]open[/]" : decision.Status.ToString(),
                Markup.Escape(string.Join(", ", decision.Blocks)));
        }

        console.Write(table);
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
