using System.CommandLine;
using Spectre.Console;
using Throughline.Domain;
using Throughline.Domain.Engineering;
using Throughline.Domain.Roles;

namespace Throughline.Cli.Commands;

/// <summary>
/// <c>tl roles FILE</c>: who covers each responsibility in each project and across the program, the role gaps and who
/// could cover them. <c>tl roles assess</c> is the self-check (see <see cref="AssessCommand"/>).
/// </summary>
internal static class RolesCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A plan file (*.tl.yaml)" };
        var command = new Command("roles", "Show who covers each product, engineering and program responsibility, the gaps, and who could cover them")
        {
            file,
            AssessCommand.Create(),
        };
        command.SetAction(parse =>
        {
            var plan = Terminal.ReadPlan(parse.GetValue(file)!.ToString(), parse.InvocationConfiguration.Error);
            if (plan is null)
            {
                return ExitCodes.InvalidInput;
            }

            Render(Terminal.For(parse.InvocationConfiguration.Output), plan.Program!, RoleCoverageAnalyzer.Analyze(plan.Program!));
            return ExitCodes.Success;
        });
        return command;
    }

    internal static void Render(IAnsiConsole console, Program program, CoverageReport report)
    {
        var people = program.People.GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First());
        string Name(PersonId id) => Markup.Escape(people.TryGetValue(id, out var p) ? p.Name : id.Value);

        console.Write(new Rule($"[bold]Role coverage: {Markup.Escape(program.Name)}[/]").LeftJustified());
        var table = new Table().AddColumn("Responsibility").AddColumn("Owner");
        foreach (var project in report.Projects)
        {
            table.AddColumn(Markup.Escape(project.Project.Value));
        }

        table.AddColumn("Program");
        foreach (var responsibility in Responsibilities.All)
        {
            var cells = new List<string>
            {
                Responsibilities.Describe(responsibility),
                Responsibilities.RoleAbbreviation(Responsibilities.OwnerOf(responsibility)),
            };
            foreach (var project in report.Projects)
            {
                var coverage = project[responsibility];
                cells.Add(coverage switch
                {
                    { Person: { } p, Source: CoverageSource.RoleHolder } => Name(p),
                    { Person: { } p } => $"[yellow]{Name(p)}*[/]",
                    _ => "[red]gap[/]",
                });
            }

            var overall = report.Program.First(p => p.Responsibility == responsibility);
            cells.Add(overall.UncoveredIn.Count == 0 ? $"[green]all {report.Projects.Count}[/]" : $"[red]{overall.UncoveredIn.Count} gap{(overall.UncoveredIn.Count == 1 ? string.Empty : "s")}[/]");
            table.AddRow(cells.ToArray());
        }

        console.Write(table);
        var standIns = report.Projects.SelectMany(p => p.Responsibilities.Where(r => r.Source == CoverageSource.StandIn).Select(r => (p.Project, r))).ToList();
        if (standIns.Count > 0)
        {
            console.MarkupLine("[yellow]*[/] stand-in, not the role holder: " + Markup.Escape(string.Join("; ", standIns.GroupBy(s => (s.r.Person, s.Project)).Select(g => $"{g.Key.Person} on {g.Key.Project} ({g.First().r.Note})"))));
        }

        RenderHolders(console, program, Name);
        console.WriteLine();
        if (report.Gaps.Count == 0)
        {
            console.MarkupLine("[green]No role gaps.[/]");
            return;
        }

        console.MarkupLine($"[bold]Gaps ({report.Gaps.Count})[/]");
        foreach (var gap in report.Gaps)
        {
            console.MarkupLine($"[red]{Markup.Escape(Kind(gap.Kind))}[/]: {Markup.Escape(gap.Message)}");
            if (gap.MissingRole is { } role && gap.Suggestions.Count > 0)
            {
                console.MarkupLine($"  could cover as {Responsibilities.RoleAbbreviation(role)} for a while:");
                foreach (var suggestion in gap.Suggestions)
                {
                    console.MarkupLine($"  - {Name(suggestion.Person)} [grey]({Markup.Escape(suggestion.Person.Value)})[/]: {Markup.Escape(string.Join("; ", suggestion.Reasons))}");
                }
            }
        }
    }

    // Who holds which role where, with their allocation: the context a gap's suggestions are read in.
    private static void RenderHolders(IAnsiConsole console, Program program, Func<PersonId, string> name)
    {
        var capacity = CapacityCalculator.People(program).ToDictionary(p => p.Person);
        var holdings = program.Projects
            .SelectMany(p => Responsibilities.OwningRoles.Select(role => (Role: role, Person: Holder(p, role), p.Id)))
            .Where(h => h.Person is not null)
            .GroupBy(h => h.Person!.Value)
            .OrderBy(g => g.Key.Value, StringComparer.Ordinal)
            .ToList();
        if (holdings.Count == 0)
        {
            return;
        }

        console.WriteLine();
        var table = new Table().Title("[bold]Role holders[/]").AddColumns("Person", "Trade", "Holds", "Allocated");
        foreach (var holder in holdings)
        {
            var trade = program.People.FirstOrDefault(p => p.Id == holder.Key)?.Role;
            var holds = holder.GroupBy(h => h.Role).Select(g => $"{Responsibilities.RoleAbbreviation(g.Key)} of {string.Join(", ", g.Select(h => h.Id))}");
            var allocated = capacity.TryGetValue(holder.Key, out var c) && c.Allocations.Count > 0 ? c.AllocatedPercent : (double?)null;
            table.AddRow(
                name(holder.Key),
                trade is { } t ? Responsibilities.RoleName(t) : "?",
                Markup.Escape(string.Join("; ", holds)),
                allocated switch
                {
                    null => "not stated",
                    > 100.0001 => $"[red]{allocated:0.#}%[/]",
                    _ => $"{allocated:0.#}%",
                });
        }

        console.Write(table);
    }

    private static PersonId? Holder(Project project, FunctionalRole role) => role switch
    {
        FunctionalRole.ProductManager => project.ProductManager,
        FunctionalRole.EngineeringManager => project.EngineeringManager,
        _ => project.ProgramManager,
    };

    internal static string Kind(RoleGapKind kind) => kind switch
    {
        RoleGapKind.NoProductManager => "no product manager",
        RoleGapKind.NoEngineeringManager => "no engineering manager",
        RoleGapKind.NoProgramManager => "no TPM",
        RoleGapKind.UnownedCrossTeamDependencies => "nobody owns cross-team dependencies",
        RoleGapKind.EngineeringManagerActsAsProgramManager => "EM acting as TPM",
        RoleGapKind.TwoRolesOnePerson => "two roles, one person",
        RoleGapKind.ThreeRolesOnePerson => "three roles, one person",
    };
}
