namespace Throughline.Domain.Diagnostics;

// A work item's owner (its directly responsible individual) is one of the program's people.
public static partial class ProgramValidator
{
    private sealed partial class Context
    {
        public void CheckOwners()
        {
            for (var i = 0; i < program.WorkItems.Count; i++)
            {
                Person(program.WorkItems[i].Owner, EntityKind.WorkItem, i, "owner");
            }
        }
    }
}
