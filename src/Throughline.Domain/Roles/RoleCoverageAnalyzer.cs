using System.Globalization;

namespace Throughline.Domain.Roles;

/// <summary>
/// Works out who covers each responsibility in each project and across the program, flags the role gaps (a project
/// without a product manager, cross-team dependencies nobody owns, one person wearing every hat, an engineering manager
/// doing the TPM's job) and, for each gap, suggests people already in the program who could cover it for a while.
/// </summary>
/// <remarks>
/// A responsibility is covered by the project's holder of the owning role. When that role is empty, a stand-in is
/// recognised only where the plan shows one: the owner of an objective the project moves covers objectives, the lead
/// of the owning team covers staffing, technical decisions and quality, and the owner of most of the project's open
/// risks covers risks. Everything else stays uncovered, because a plan cannot show who quietly does it.
/// </remarks>
public static class RoleCoverageAnalyzer
{
    /// <summary>Suggestions per gap; more than three stops being a shortlist.</summary>
    public const int MaxSuggestions = 3;

    /// <summary>Holding a role on this many projects already counts against taking one more.</summary>
    public const int StretchedAt = 3;

    public static CoverageReport Analyze(Program program)
    {
        ArgumentNullException.ThrowIfNull(program);
        var context = new Context(program);
        var projects = program.Projects.Select(context.Cover).ToList();
        var overall = Responsibilities.All.Select(r => new ProgramResponsibilityCoverage(
            r,
            projects.Select(p => p[r].Person).OfType<PersonId>().Distinct().ToList(),
            projects.Where(p => !p[r].IsCovered).Select(p => p.Project).ToList())).ToList();
        return new CoverageReport(projects, overall, context.Gaps());
    }

    private sealed class Context(Program program)
    {
        private readonly Dictionary<PersonId, Person> people = program.People.GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First());
        private readonly Dictionary<WorkItemId, ProjectId> projectOf = program.WorkItems.GroupBy(i => i.Id).ToDictionary(g => g.Key, g => g.First().Project);

        public ProjectCoverage Cover(Project project)
        {
            var list = new List<ResponsibilityCoverage>();
            foreach (var responsibility in Responsibilities.All)
            {
                var holder = Holder(project, Responsibilities.OwnerOf(responsibility));
                list.Add(holder is { } h ? new ResponsibilityCoverage(responsibility, h, CoverageSource.RoleHolder) : StandIn(project, responsibility));
            }

            return new ProjectCoverage(project.Id, list);
        }

        public List<RoleGap> Gaps()
        {
            var gaps = new List<RoleGap>();
            foreach (var project in program.Projects)
            {
                ProjectGaps(project, gaps);
            }

            // One person in all three roles across different projects: each project looks staffed, the person is not.
            foreach (var person in program.People.OrderBy(p => p.Id.Value, StringComparer.Ordinal))
            {
                var roles = Responsibilities.OwningRoles.Where(role => program.Projects.Any(p => Holder(p, role) == person.Id)).ToList();
                var alreadyReported = gaps.Any(g => g.Kind == RoleGapKind.ThreeRolesOnePerson && g.Person == person.Id);
                if (roles.Count == 3 && !alreadyReported)
                {
                    var where = string.Join("; ", Responsibilities.OwningRoles.Select(role => $"{Responsibilities.RoleAbbreviation(role)} of {string.Join(", ", program.Projects.Where(p => Holder(p, role) == person.Id).Select(p => p.Id))}"));
                    gaps.Add(new RoleGap(RoleGapKind.ThreeRolesOnePerson, null, $"{Label(person.Id)} covers all three roles across the program ({where})") { Person = person.Id });
                }
            }

            return gaps;
        }

        private void ProjectGaps(Project project, List<RoleGap> gaps)
        {
            var (pm, em, tpm) = (project.ProductManager, project.EngineeringManager, project.ProgramManager);
            if (pm is null)
            {
                gaps.Add(Gap(RoleGapKind.NoProductManager, project, FunctionalRole.ProductManager, $"{project.Id} has no product manager: nobody owns {Owned(FunctionalRole.ProductManager)}"));
            }

            if (em is null)
            {
                gaps.Add(Gap(RoleGapKind.NoEngineeringManager, project, FunctionalRole.EngineeringManager, $"{project.Id} has no engineering manager: nobody owns {Owned(FunctionalRole.EngineeringManager)}"));
            }

            if (tpm is null)
            {
                var links = CrossProjectLinks(project.Id);
                gaps.Add(links.Count > 0
                    ? Gap(RoleGapKind.UnownedCrossTeamDependencies, project, FunctionalRole.ProgramManager, $"{project.Id} has {Count(links.Count, "cross-project dependency", "cross-project dependencies")} (with {string.Join(", ", links.Select(l => l.Other.Value).Distinct().Order(StringComparer.Ordinal))}) and no TPM to own them")
                    : Gap(RoleGapKind.NoProgramManager, project, FunctionalRole.ProgramManager, $"{project.Id} has no TPM: nobody owns {Owned(FunctionalRole.ProgramManager)}"));
            }

            if (pm is { } same && same == em && same == tpm)
            {
                gaps.Add(Gap(RoleGapKind.ThreeRolesOnePerson, project, FunctionalRole.ProgramManager, $"{Label(same)} is product manager, engineering manager and TPM of {project.Id}") with { Person = same });
                return;
            }

            if (tpm is { } t && t == em)
            {
                gaps.Add(Gap(RoleGapKind.EngineeringManagerActsAsProgramManager, project, FunctionalRole.ProgramManager, $"{Label(t)} is both engineering manager and TPM of {project.Id}: cross-team work competes with running the team") with { Person = t });
            }
            else if (tpm is { } acting && RoleOf(acting) == FunctionalRole.EngineeringManager)
            {
                gaps.Add(Gap(RoleGapKind.EngineeringManagerActsAsProgramManager, project, FunctionalRole.ProgramManager, $"{Label(acting)}, an engineering manager, acts as TPM of {project.Id}") with { Person = acting });
            }

            if (pm is { } p && (p == em || p == tpm))
            {
                var second = p == em ? FunctionalRole.EngineeringManager : FunctionalRole.ProgramManager;
                gaps.Add(Gap(RoleGapKind.TwoRolesOnePerson, project, second, $"{Label(p)} is both product manager and {Responsibilities.RoleName(second)} of {project.Id}") with { Person = p });
            }
        }

        private RoleGap Gap(RoleGapKind kind, Project project, FunctionalRole missing, string message) =>
            new(kind, project.Id, message) { MissingRole = missing, Suggestions = Suggest(project, missing) };

        /// <summary>
        /// Ranks everyone who could stand in: people in the role by trade score highest, then people with spare time,
        /// then people already connected to the project. Ties break on the person id.
        /// </summary>
        private List<CoverSuggestion> Suggest(Project project, FunctionalRole role)
        {
            var onProject = new[] { project.ProductManager, project.EngineeringManager, project.ProgramManager }.OfType<PersonId>().ToHashSet();
            var candidates = new List<(PersonId Id, double Score, List<string> Reasons)>();
            foreach (var person in program.People)
            {
                if (onProject.Contains(person.Id) || person.Role == FunctionalRole.Executive)
                {
                    continue;
                }

                var reasons = new List<string>();
                var score = 0.0;
                var connected = false;
                if (person.Role == role)
                {
                    score += 3;
                    reasons.Add($"a {Responsibilities.RoleName(role)} by role");
                }

                var holds = program.Projects.Where(p => Holder(p, role) == person.Id).Select(p => p.Id.Value).ToList();
                if (holds.Count is > 0 and < StretchedAt)
                {
                    score += 1;
                    reasons.Add($"already {Responsibilities.RoleAbbreviation(role)} of {string.Join(", ", holds)}");
                }
                else if (holds.Count >= StretchedAt)
                {
                    score -= 1;
                    reasons.Add($"already stretched as {Responsibilities.RoleAbbreviation(role)} of {holds.Count} projects");
                }

                var allocated = person.Allocations.Sum(a => a.Percent);
                var spare = 100 - allocated;
                if (spare >= 20)
                {
                    score += spare / 25;
                    reasons.Add($"{spare.ToString("0.#", CultureInfo.InvariantCulture)}% of their time unallocated");
                }
                else if (allocated >= 100)
                {
                    score -= 2;
                    reasons.Add("fully allocated");
                }

                if (person.Allocations.FirstOrDefault(a => a.Project == project.Id) is { } here)
                {
                    score += 2;
                    connected = true;
                    reasons.Add($"already on {project.Id} ({here.Percent.ToString("0.#", CultureInfo.InvariantCulture)}%)");
                }

                foreach (var reason in Connections(project, person, role))
                {
                    score += 1;
                    connected = true;
                    reasons.Add(reason);
                }

                if ((person.Role == role || (connected && person.Role is FunctionalRole.ProductManager or FunctionalRole.EngineeringManager or FunctionalRole.ProgramManager)) && score > 0)
                {
                    candidates.Add((person.Id, score, reasons));
                }
            }

            return candidates
                .OrderByDescending(c => c.Score)
                .ThenBy(c => c.Id.Value, StringComparer.Ordinal)
                .Take(MaxSuggestions)
                .Select(c => new CoverSuggestion(c.Id, c.Reasons))
                .ToList();
        }

        private IEnumerable<string> Connections(Project project, Person person, FunctionalRole role)
        {
            switch (role)
            {
                case FunctionalRole.ProductManager:
                    foreach (var other in program.Projects.Where(p => p.Id != project.Id && p.ProductManager == person.Id))
                    {
                        var shared = other.Objectives.Intersect(project.Objectives).ToList();
                        if (shared.Count > 0)
                        {
                            yield return $"PM of {other.Id}, which moves the same objective ({string.Join(", ", shared)})";
                        }
                    }

                    break;
                case FunctionalRole.EngineeringManager:
                    if (project.OwningTeam is { } team && program.Teams.Any(t => t.Id == team && t.Lead == person.Id))
                    {
                        yield return $"leads {team}, the owning team";
                    }

                    break;
                case FunctionalRole.ProgramManager:
                    var linked = CrossProjectLinks(project.Id).Select(l => l.Other).ToHashSet();
                    foreach (var other in program.Projects.Where(p => linked.Contains(p.Id) && p.ProgramManager == person.Id))
                    {
                        yield return $"TPM of {other.Id}, which shares dependencies with {project.Id}";
                    }

                    break;
            }
        }

        private ResponsibilityCoverage StandIn(Project project, Responsibility responsibility)
        {
            switch (responsibility)
            {
                case Responsibility.Objectives:
                    foreach (var id in project.Objectives)
                    {
                        if (program.Objectives.FirstOrDefault(o => o.Id == id)?.Owner is { } owner)
                        {
                            return new(responsibility, owner, CoverageSource.StandIn, $"owns {id}");
                        }
                    }

                    break;
                case Responsibility.Staffing or Responsibility.TechnicalDecisions or Responsibility.QualityAndOnCall:
                    if (project.OwningTeam is { } team && program.Teams.FirstOrDefault(t => t.Id == team)?.Lead is { } lead)
                    {
                        return new(responsibility, lead, CoverageSource.StandIn, $"leads {team}");
                    }

                    break;
                case Responsibility.Risks:
                    var owner2 = program.Risks
                        .Where(r => r.Owner is not null && r.Status is RiskStatus.Open or RiskStatus.Mitigating && r.LinkedItems.Any(i => projectOf.GetValueOrDefault(i) == project.Id))
                        .GroupBy(r => r.Owner!.Value)
                        .OrderByDescending(g => g.Count())
                        .ThenBy(g => g.Key.Value, StringComparer.Ordinal)
                        .FirstOrDefault();
                    if (owner2 is not null)
                    {
                        return new(responsibility, owner2.Key, CoverageSource.StandIn, $"owns {Count(owner2.Count(), "open risk", "open risks")} on it");
                    }

                    break;
            }

            return new ResponsibilityCoverage(responsibility, null, CoverageSource.Uncovered);
        }

        private List<(Dependency Link, ProjectId Other)> CrossProjectLinks(ProjectId project)
        {
            var links = new List<(Dependency, ProjectId)>();
            foreach (var dependency in program.Dependencies)
            {
                if (!projectOf.TryGetValue(dependency.Predecessor, out var from) || !projectOf.TryGetValue(dependency.Successor, out var to) || from == to)
                {
                    continue;
                }

                if (from == project)
                {
                    links.Add((dependency, to));
                }
                else if (to == project)
                {
                    links.Add((dependency, from));
                }
            }

            return links;
        }

        private static PersonId? Holder(Project project, FunctionalRole role) => role switch
        {
            FunctionalRole.ProductManager => project.ProductManager,
            FunctionalRole.EngineeringManager => project.EngineeringManager,
            FunctionalRole.ProgramManager => project.ProgramManager,
            _ => null,
        };

        private FunctionalRole? RoleOf(PersonId id) => people.TryGetValue(id, out var person) ? person.Role : null;

        private string Label(PersonId id) => people.TryGetValue(id, out var person) ? $"{person.Name} ({id})" : id.Value;

        private static string Owned(FunctionalRole role) => string.Join(", ", Responsibilities.OwnedBy(role).Select(Responsibilities.Describe));

        private static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n.ToString(CultureInfo.InvariantCulture)} {many}";
    }
}
