namespace Throughline.Domain.Diagnostics;

public static partial class ProgramValidator
{
    private sealed partial class Context
    {
        /// <summary>
        /// Every duration and lag the engine turns into dates must fit in <see cref="PlanRange"/>: one estimate of a
        /// million weeks once made every page of its program answer 500 (#14). Dates are range-checked when read.
        /// </summary>
        public void CheckRanges()
        {
            var limit = FormattableString.Invariant($"the longest a plan can hold is {PlanRange.MaxMinutes / 1440:N0} days (every day from {PlanRange.MinDate:yyyy-MM-dd} to {PlanRange.MaxDate:yyyy-MM-dd})");
            for (var i = 0; i < program.WorkItems.Count; i++)
            {
                var item = program.WorkItems[i];
                if (item.Estimate is { } estimate && !(PlanRange.Fits(estimate.Optimistic.Minutes) && PlanRange.Fits(estimate.MostLikely.Minutes) && PlanRange.Fits(estimate.Pessimistic.Minutes)))
                {
                    TooLong($"'{item.Id}' has an estimate of {Days(estimate.Pessimistic.Minutes)}; {limit}", EntityKind.WorkItem, i, "estimate");
                }

                if (item.Effort is { } effort && !PlanRange.Fits(effort.Minutes))
                {
                    TooLong($"'{item.Id}' has an effort of {Days(effort.Minutes)}; {limit}", EntityKind.WorkItem, i, "effort");
                }

                if (item.Progress.Remaining is { } remaining && !PlanRange.Fits(remaining.Minutes))
                {
                    TooLong($"'{item.Id}' has {Days(remaining.Minutes)} remaining; {limit}", EntityKind.WorkItem, i, "remaining");
                }
            }

            for (var i = 0; i < program.Dependencies.Count; i++)
            {
                var dependency = program.Dependencies[i];
                var fits = dependency.Lag.Kind == LagKind.PercentOfPredecessor
                    ? Math.Abs((double)dependency.Lag.Amount) <= PlanRange.MaxPercentLag
                    : PlanRange.Fits(dependency.Lag.Amount);
                if (!fits)
                {
                    var what = dependency.Lag.Kind == LagKind.PercentOfPredecessor
                        ? FormattableString.Invariant($"a lag of {dependency.Lag.Amount:N0}% of its predecessor; a percentage lag is at most {PlanRange.MaxPercentLag:N0}%")
                        : $"a lag of {Days(dependency.Lag.Amount)}; {limit}";
                    TooLong($"'{dependency.Successor}' depends on '{dependency.Predecessor}' with {what}", EntityKind.Dependency, i, "lag");
                }
            }

            for (var i = 0; i < program.Risks.Count; i++)
            {
                if (!PlanRange.Fits(program.Risks[i].ScheduleImpact.Minutes))
                {
                    TooLong($"risk '{program.Risks[i].Id}' has an impact of {Days(program.Risks[i].ScheduleImpact.Minutes)}; {limit}", EntityKind.Risk, i, "impact");
                }
            }
        }

        private void TooLong(string message, EntityKind kind, int index, string field) =>
            Add(Severity.Error, DiagnosticCodes.OutOfRange, message, kind, index, field);

        /// <summary>Minutes as whole 24-hour days, for a message (the exact working-time form could be a 16-digit number of weeks).</summary>
        private static string Days(long minutes) => FormattableString.Invariant($"about {Math.Abs((double)minutes) / 1440:N0} days");
    }
}
