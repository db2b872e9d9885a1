using Throughline.Domain;
using Throughline.Domain.Budget;

namespace Throughline.Domain.Tests.Budget;

public class EarnedValueCalculatorTests
{
    private static readonly ProjectId Project = new("p");

    // Two budget lines: January 2027 (31 days) planned 31,000 with 12,000 actually spent; February 2027 (28 days)
    // planned 28,000, no actual yet. Three tasks: a 10d done, b 10d half done, c 20d not started.
    private static readonly BudgetLine[] Lines =
    [
        new(Project, new DateRange(new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 31)), new Money(31_000m, "USD")) { Actual = new Money(12_000m, "USD") },
        new(Project, new DateRange(new DateOnly(2027, 2, 1), new DateOnly(2027, 2, 28)), new Money(28_000m, "USD")),
    ];

    private static readonly WorkProgress[] Work =
    [
        new(new WorkItemId("a"), 10 * 480, 100),
        new(new WorkItemId("b"), 10 * 480, 50),
        new(new WorkItemId("c"), 20 * 480, 0),
    ];

    [Fact]
    public void Every_measure_matches_the_hand_computed_case()
    {
        // Status date 2027-01-20, the whole day counted.
        // BAC = 31,000 + 28,000                      = 59,000
        // PV  = 31,000 × 20/31 (January) + 0         = 20,000
        // done = (10 × 100% + 10 × 50% + 20 × 0%) / 40 = 37.5%
        // EV  = 59,000 × 0.375                       = 22,125
        // AC  = 12,000 (January's actual; February has not begun, so nothing accrues)
        // SV  = EV − PV = 2,125          CV  = EV − AC = 10,125
        // SPI = EV / PV = 1.10625        CPI = EV / AC = 1.84375
        // EAC = BAC / CPI = 59,000 × 12,000 / 22,125 = 32,000
        // ETC = EAC − AC = 20,000        VAC = BAC − EAC = 27,000
        // TCPI = (BAC − EV) / (BAC − AC) = 36,875 / 47,000 = 0.784574...
        var ev = EarnedValueCalculator.Compute("USD", Lines, Work, new DateOnly(2027, 1, 20));

        ev.BudgetAtCompletion.ShouldBe(59_000m);
        ((double)ev.PlannedValue).ShouldBe(20_000, 1e-6);
        ((double)ev.EarnedValueAmount).ShouldBe(22_125, 1e-6);
        ev.ActualCost.ShouldBe(12_000m);
        ev.AccruedCost.ShouldBe(0m);
        ((double)ev.ScheduleVariance).ShouldBe(2_125, 1e-6);
        ((double)ev.CostVariance).ShouldBe(10_125, 1e-6);
        ev.SchedulePerformanceIndex!.Value.ShouldBe(1.10625, 1e-9);
        ev.CostPerformanceIndex!.Value.ShouldBe(1.84375, 1e-9);
        ((double)ev.EstimateAtCompletion!.Value).ShouldBe(32_000, 1e-6);
        ((double)ev.EstimateToComplete!.Value).ShouldBe(20_000, 1e-6);
        ((double)ev.VarianceAtCompletion!.Value).ShouldBe(27_000, 1e-6);
        ev.ToCompletePerformanceIndex!.Value.ShouldBe(36_875.0 / 47_000, 1e-9);
        ev.PercentComplete.ShouldBe(0.375, 1e-9);
        ev.ActualsThrough.ShouldBe(new DateOnly(2027, 1, 31));
    }

    [Fact]
    public void A_begun_period_without_an_actual_accrues_at_plan()
    {
        // 2027-02-14: February is 14/28 gone, so 14,000 of its plan is accrued on top of January's 12,000.
        var ev = EarnedValueCalculator.Compute("USD", Lines, Work, new DateOnly(2027, 2, 14));

        ((double)ev.PlannedValue).ShouldBe(45_000, 1e-6);
        ((double)ev.AccruedCost).ShouldBe(14_000, 1e-6);
        ((double)ev.ActualCost).ShouldBe(26_000, 1e-6);
    }

    [Fact]
    public void Lines_in_another_currency_are_left_out()
    {
        BudgetLine[] lines = [.. Lines, new(Project, new DateRange(new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 31)), new Money(99_000m, "EUR"))];

        EarnedValueCalculator.Compute("USD", lines, Work, new DateOnly(2027, 1, 20)).BudgetAtCompletion.ShouldBe(59_000m);
    }

    [Fact]
    public void Ratios_are_null_when_nothing_was_planned_or_spent()
    {
        var ev = EarnedValueCalculator.Compute("USD", Lines, Work, new DateOnly(2026, 12, 1));

        ev.PlannedValue.ShouldBe(0m);
        ev.ActualCost.ShouldBe(0m);
        ev.SchedulePerformanceIndex.ShouldBeNull();
        ev.CostPerformanceIndex.ShouldBeNull();
    }

    [Fact]
    public void Rolling_up_adds_the_measures_and_recomputes_the_ratios()
    {
        var a = new EarnedValue("USD", new DateOnly(2027, 1, 20), 100m, 50m, 40m, 50m);
        var b = new EarnedValue("USD", new DateOnly(2027, 1, 20), 300m, 150m, 160m, 150m);

        var total = EarnedValue.RollUp("USD", new DateOnly(2027, 1, 20), [a, b]);

        total.BudgetAtCompletion.ShouldBe(400m);
        total.EarnedValueAmount.ShouldBe(200m);
        total.ActualCost.ShouldBe(200m);
        total.CostPerformanceIndex.ShouldBe(1.0);
        total.SchedulePerformanceIndex.ShouldBe(1.0);
    }

    [Fact]
    public void The_burn_chart_has_plan_throughout_actuals_to_the_status_date_and_a_forecast_to_the_finish()
    {
        var status = new DateOnly(2027, 1, 20);
        var ev = EarnedValueCalculator.Compute("USD", Lines, Work, status);

        var burn = EarnedValueCalculator.Burn(Lines, ev, new DateOnly(2027, 3, 31));

        burn.Select(p => p.Date).ShouldBe([new DateOnly(2026, 12, 31), status, new DateOnly(2027, 1, 31), new DateOnly(2027, 2, 28), new DateOnly(2027, 3, 31)]);
        burn[0].Planned.ShouldBe(0m);
        burn[0].Actual.ShouldBe(0m);
        burn[1].Actual.ShouldBe(12_000m);
        burn[1].Forecast.ShouldBe(12_000m);
        burn[2].Planned.ShouldBe(31_000m);
        burn[2].Actual.ShouldBeNull();
        burn[3].Planned.ShouldBe(59_000m);
        ((double)burn[4].Forecast!.Value).ShouldBe(32_000, 1e-6);
        burn.Zip(burn.Skip(1)).ShouldAllBe(pair => pair.First.Planned <= pair.Second.Planned);
    }

    [Fact]
    public void Work_progress_weighs_effort_over_estimate_and_skips_milestones_and_summaries()
    {
        var program = new Program(new ProgramId("x"), "X", new DateOnly(2027, 1, 4))
        {
            WorkItems =
            [
                new WorkItem(new WorkItemId("s"), "Summary", Project),
                new WorkItem(new WorkItemId("t1"), "T1", Project) { Parent = new WorkItemId("s"), Estimate = Estimate.Single(new WorkDuration(480)), Effort = new WorkDuration(960), Status = WorkItemStatus.Done },
                new WorkItem(new WorkItemId("t2"), "T2", Project) { Parent = new WorkItemId("s"), Estimate = Estimate.Single(new WorkDuration(480)), Progress = new Progress { PercentComplete = 25 } },
                new WorkItem(new WorkItemId("m"), "M", Project) { Kind = WorkItemKind.Milestone },
                new WorkItem(new WorkItemId("other"), "Other", new ProjectId("q")) { Estimate = Estimate.Single(new WorkDuration(480)) },
            ],
        };

        var work = WorkProgress.Of(program, Project);

        work.ShouldBe([new WorkProgress(new WorkItemId("t1"), 960, 100), new WorkProgress(new WorkItemId("t2"), 480, 25)]);
    }
}
