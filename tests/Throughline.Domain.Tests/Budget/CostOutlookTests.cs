using Throughline.Domain;
using Throughline.Domain.Budget;

namespace Throughline.Domain.Tests.Budget;

public class CostOutlookTests
{
    private static readonly ProjectId Project = new("p");

    private static readonly DateRange January = new(new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 31));
    private static readonly DateRange February = new(new DateOnly(2027, 2, 1), new DateOnly(2027, 2, 28));
    private static readonly DateRange SecondQuarter = new(new DateOnly(2027, 4, 1), new DateOnly(2027, 6, 30));

    // Labour follows the work: January 31,000 planned (12,000 spent), February 28,000. Cloud hosting does not:
    // January 10,000 planned (9,000 spent), February 10,000, Q2 30,000.
    private static readonly BudgetLine[] Lines =
    [
        new(Project, January, new Money(31_000m, "USD")) { Category = "labour", Actual = new Money(12_000m, "USD") },
        new(Project, February, new Money(28_000m, "USD")) { Category = "labour" },
        new(Project, January, new Money(10_000m, "USD")) { Category = "cloud", Actual = new Money(9_000m, "USD") },
        new(Project, February, new Money(10_000m, "USD")) { Category = "cloud" },
        new(Project, SecondQuarter, new Money(30_000m, "USD")) { Category = "cloud" },
    ];

    // 10d done, 10d half done, 20d not started: 37.5% of the work.
    private static readonly WorkProgress[] Work =
    [
        new(new WorkItemId("a"), 10 * 480, 100),
        new(new WorkItemId("b"), 10 * 480, 50),
        new(new WorkItemId("c"), 20 * 480, 0),
    ];

    private static readonly EarnedValueSettings LabourIsWork = new() { WorkCategories = ["labour"] };

    [Fact]
    public void Earned_value_counts_only_the_work_categories()
    {
        // Status 2027-01-20, the labour lines alone:
        // BAC = 31,000 + 28,000 = 59,000     PV = 31,000 × 20/31 = 20,000
        // EV  = 59,000 × 0.375 = 22,125      AC = 12,000
        // SPI = 22,125 / 20,000 = 1.10625    CPI = 22,125 / 12,000 = 1.84375
        // EAC = 59,000 / 1.84375 = 32,000    ETC = 20,000    VAC = 27,000
        // TCPI = (59,000 − 22,125) / (59,000 − 12,000) = 36,875 / 47,000
        var work = CostOutlook.Compute("USD", Lines, Work, LabourIsWork, new DateOnly(2027, 1, 20)).Work!;

        work.BudgetAtCompletion.ShouldBe(59_000m);
        ((double)work.PlannedValue).ShouldBe(20_000, 1e-6);
        ((double)work.EarnedValueAmount).ShouldBe(22_125, 1e-6);
        work.ActualCost.ShouldBe(12_000m);
        work.SchedulePerformanceIndex!.Value.ShouldBe(1.10625, 1e-9);
        work.CostPerformanceIndex!.Value.ShouldBe(1.84375, 1e-9);
        ((double)work.EstimateAtCompletion!.Value).ShouldBe(32_000, 1e-6);
        ((double)work.EstimateToComplete!.Value).ShouldBe(20_000, 1e-6);
        ((double)work.VarianceAtCompletion!.Value).ShouldBe(27_000, 1e-6);
        work.ToCompletePerformanceIndex!.Value.ShouldBe(36_875.0 / 47_000, 1e-9);
    }

    [Fact]
    public void Run_costs_are_forecast_at_actual_plus_the_plan_for_the_rest()
    {
        // Cloud on 2027-01-20: budget 10,000 + 10,000 + 30,000 = 50,000; planned to date 10,000 × 20/31 = 6,451.61;
        // actual 9,000 (January's report). Forecast = 9,000 + (50,000 − 6,451.61) = 52,548.39; variance −2,548.39.
        // Whole program: budget 59,000 + 50,000 = 109,000; forecast EAC 32,000 + 52,548.39 = 84,548.39.
        var cost = CostOutlook.Compute("USD", Lines, Work, LabourIsWork, new DateOnly(2027, 1, 20));
        var run = cost.Run!;

        run.Budget.ShouldBe(50_000m);
        ((double)run.PlannedToDate).ShouldBe(10_000.0 * 20 / 31, 1e-6);
        run.Actual.ShouldBe(9_000m);
        run.AccruedCost.ShouldBe(0m);
        ((double)run.ForecastAtCompletion).ShouldBe(9_000 + 50_000 - (10_000.0 * 20 / 31), 1e-6);
        ((double)run.VarianceAtCompletion).ShouldBe((10_000.0 * 20 / 31) - 9_000, 1e-6);
        cost.Budget.ShouldBe(109_000m);
        cost.ActualCost.ShouldBe(21_000m);
        ((double)cost.ForecastAtCompletion!.Value).ShouldBe(32_000 + 9_000 + 50_000 - (10_000.0 * 20 / 31), 1e-6);
    }

    [Fact]
    public void A_begun_run_cost_period_without_an_actual_accrues_at_plan()
    {
        // 2027-02-14: February's cloud line is 14/28 gone, so 5,000 accrues on top of January's 9,000; the plan to date
        // is 15,000 and the rest 35,000, so the forecast is 14,000 + 35,000.
        var run = CostOutlook.Compute("USD", Lines, Work, LabourIsWork, new DateOnly(2027, 2, 14)).Run!;

        ((double)run.PlannedToDate).ShouldBe(15_000, 1e-6);
        ((double)run.AccruedCost).ShouldBe(5_000, 1e-6);
        ((double)run.Actual).ShouldBe(14_000, 1e-6);
        ((double)run.ForecastAtCompletion).ShouldBe(49_000, 1e-6);
    }

    [Fact]
    public void Without_a_setting_every_line_is_work_as_before()
    {
        var status = new DateOnly(2027, 1, 20);

        var cost = CostOutlook.Compute("USD", Lines, Work, EarnedValueSettings.Default, status);

        cost.Run.ShouldBeNull();
        cost.Work.ShouldBe(EarnedValueCalculator.Compute("USD", Lines, Work, status));
        // All 109,000 earned at 37.5% against 21,000 spent: CPI 1.95 and EAC 56,000, the flattering figures the split corrects.
        ((double)cost.Work!.EstimateAtCompletion!.Value).ShouldBe(56_000, 1e-6);
        cost.ForecastAtCompletion.ShouldBe(cost.Work.EstimateAtCompletion);
    }

    [Fact]
    public void Categories_match_without_case_and_a_line_without_one_is_a_run_cost()
    {
        var settings = new EarnedValueSettings { WorkCategories = ["Labour"] };

        settings.IsWork(Lines[0]).ShouldBeTrue();
        settings.IsWork(Lines[2]).ShouldBeFalse();
        settings.IsWork(Lines[0] with { Category = null }).ShouldBeFalse();
        EarnedValueSettings.Default.IsWork(Lines[0] with { Category = null }).ShouldBeTrue();
    }

    [Fact]
    public void Settings_naming_the_same_categories_are_equal()
    {
        new EarnedValueSettings { WorkCategories = ["labour", "services"] }.ShouldBe(new EarnedValueSettings { WorkCategories = ["labour", "services"] });
        new EarnedValueSettings { WorkCategories = ["labour"] }.ShouldNotBe(EarnedValueSettings.Default);
    }

    [Fact]
    public void A_project_with_only_run_costs_has_no_earned_value_and_its_forecast_is_the_run_forecast()
    {
        var cost = CostOutlook.Compute("USD", Lines[2..], Work, LabourIsWork, new DateOnly(2027, 2, 14));

        cost.Work.ShouldBeNull();
        cost.ForecastAtCompletion.ShouldBe(cost.Run!.ForecastAtCompletion);
    }

    [Fact]
    public void Rolling_up_adds_each_half_on_its_own()
    {
        var status = new DateOnly(2027, 1, 20);
        var a = CostOutlook.Compute("USD", Lines, Work, LabourIsWork, status);
        var b = CostOutlook.Compute("USD", Lines[2..], Work, LabourIsWork, status);

        var total = CostOutlook.RollUp("USD", status, [a, b]);

        total.Work!.BudgetAtCompletion.ShouldBe(59_000m);
        total.Run!.Budget.ShouldBe(100_000m);
        total.Run.Actual.ShouldBe(18_000m);
        total.Budget.ShouldBe(159_000m);
    }

    [Fact]
    public void The_whole_burn_chart_plans_every_line_and_forecasts_to_the_whole_forecast()
    {
        var status = new DateOnly(2027, 1, 20);
        var cost = CostOutlook.Compute("USD", Lines, Work, LabourIsWork, status);

        var burn = EarnedValueCalculator.Burn(Lines, cost, new DateOnly(2027, 6, 30));

        burn[^1].Date.ShouldBe(new DateOnly(2027, 6, 30));
        burn[^1].Planned.ShouldBe(109_000m);
        ((double)burn[^1].Forecast!.Value).ShouldBe((double)cost.ForecastAtCompletion!.Value, 1e-6);
        burn.Single(p => p.Date == status).Actual.ShouldBe(21_000m);
    }
}
