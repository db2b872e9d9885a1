namespace Throughline.Domain.Diagnostics;

// Progress that cannot be true as written: warnings, since the plan still schedules.
public static partial class ProgramValidator
{
    private sealed partial class Context
    {
        public void CheckStatusDates()
        {
            if (program.StatusDate is { } status && status < program.Start)
            {
                Add(Severity.Warning, DiagnosticCodes.StatusDateBeforeStart, $"status-date {status:yyyy-MM-dd} is before the program starts ({program.Start:yyyy-MM-dd}); nothing can have happened yet", EntityKind.Program, 0, "status-date");
            }

            for (var i = 0; i < program.WorkItems.Count; i++)
            {
                var item = program.WorkItems[i];
                if (item.IsDoneWithoutActuals)
                {
                    Add(Severity.Warning, DiagnosticCodes.DoneWithoutActuals, $"'{item.Id}' is done but has no actual-start and actual-finish; its dates are guessed from the plan and its slack is not reported", EntityKind.WorkItem, i, "status");
                }
            }
        }
    }
}
