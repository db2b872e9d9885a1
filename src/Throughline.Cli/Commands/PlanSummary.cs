using Throughline.Domain;

namespace Throughline.Cli.Commands;

internal static class PlanSummary
{
    public static string Describe(Program program) =>
        $"{program.Projects.Count} projects, {program.WorkItems.Count} items, {program.Dependencies.Count} dependencies, " +
        $"{program.Teams.Count} teams, {program.Risks.Count} risks, {program.Decisions.Count} decisions";
}
