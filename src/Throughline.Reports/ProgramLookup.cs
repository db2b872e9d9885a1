using Throughline.Domain;

namespace Throughline.Reports;

/// <summary>A program's entities by id (the first of two with one id wins, as in the scheduler), and the names a report prints.</summary>
internal sealed class ProgramLookup
{
    public ProgramLookup(Program program)
    {
        Program = program;
        foreach (var item in program.WorkItems)
        {
            Items.TryAdd(item.Id, item);
        }

        foreach (var person in program.People)
        {
            People.TryAdd(person.Id, person);
        }

        foreach (var project in program.Projects)
        {
            Projects.TryAdd(project.Id, project);
        }

        foreach (var team in program.Teams)
        {
            Teams.TryAdd(team.Id, team);
        }

        Summaries = program.WorkItems.Where(i => i.Parent is not null).Select(i => i.Parent!.Value).ToHashSet();
    }

    public Program Program { get; }

    public Dictionary<WorkItemId, WorkItem> Items { get; } = [];

    public Dictionary<PersonId, Person> People { get; } = [];

    public Dictionary<ProjectId, Project> Projects { get; } = [];

    public Dictionary<TeamId, Team> Teams { get; } = [];

    /// <summary>Items that have children.</summary>
    public HashSet<WorkItemId> Summaries { get; }

    public string ItemName(WorkItemId id) => Items.TryGetValue(id, out var item) ? item.Name : id.Value;

    public string PersonName(PersonId? id) => id is { } p ? People.TryGetValue(p, out var person) ? person.Name : p.Value : "none named";

    public string ProjectName(ProjectId id) => Projects.TryGetValue(id, out var project) ? project.Name : id.Value;

    public string TeamName(TeamId id) => Teams.TryGetValue(id, out var team) ? team.Name : id.Value;

    /// <summary>The team doing an item: its team assignment, else its first person's team, else its project's owner.</summary>
    public TeamId? TeamOf(WorkItem item) =>
        WorkItemTeam.Of(item, id => People.GetValueOrDefault(id), id => Projects.GetValueOrDefault(id));

    /// <summary>Done, or actually finished.</summary>
    public static bool IsFinished(WorkItem item) => item.Status is WorkItemStatus.Done or WorkItemStatus.Cancelled || item.Progress.ActualFinish is not null;
}
