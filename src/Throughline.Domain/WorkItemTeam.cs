namespace Throughline.Domain;

/// <summary>
/// Which team does a work item: its team assignment, else its first assigned person's team, else its project's
/// owning team. One rule for the forecast (whose pace an item follows), the reports and the web app.
/// </summary>
public static class WorkItemTeam
{
    /// <summary>The team of <paramref name="item"/>, with people and projects looked up by the caller's own index.</summary>
    public static TeamId? Of(WorkItem item, Func<PersonId, Person?> person, Func<ProjectId, Project?> project)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(project);
        foreach (var assignment in item.Assignments)
        {
            if (assignment.Team is { } team)
            {
                return team;
            }

            if (assignment.Person is { } id && person(id)?.Team is { } personTeam)
            {
                return personTeam;
            }
        }

        return project(item.Project)?.OwningTeam;
    }

    /// <summary>The team of <paramref name="item"/> in <paramref name="program"/>.</summary>
    public static TeamId? Of(Program program, WorkItem item)
    {
        ArgumentNullException.ThrowIfNull(program);
        return Of(item, id => program.People.FirstOrDefault(p => p.Id == id), id => program.Projects.FirstOrDefault(p => p.Id == id));
    }
}
