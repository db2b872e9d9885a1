using Throughline.Domain;
using Throughline.Scheduling.Forecasting;

namespace Throughline.Scheduling.Tests.Forecasting;

/// <summary>The work left on a started item varies as its estimate does, and risks' cost impacts are simulated.</summary>
public class RemainingAndCostTests
{
    private static readonly ProjectId Project = new("p");

    [Fact]
    public void An_explicit_remaining_duration_scales_with_the_sampled_duration_and_takes_a_linked_risk()
    {
        // a: 5 days, started Monday, 3 days left at the status date (Wednesday 08:00); b follows it for 2 days.
        var net = new Net();
        var a = net.Task(5);
        var b = net.Task(2);
        net.Link(a, b);
        net.Builder.StatusDate = TestCalendars.At(6, 8);
        net.Builder.SetProgress(a, TestCalendars.At(4, 8), null, 0, 3 * Net.Day);
        var network = net.Builder.Build();
        var builder = new ForecastModelBuilder(network);
        builder.SetDuration(a, DurationDistribution.Triangular, 4 * Net.Day, 5 * Net.Day, 10 * Net.Day);
        builder.AddRisk(0.5, Net.Day, [a]);
        builder.AddTarget(-1);
        var model = builder.Build();

        var run = MonteCarlo.Run(model, new MonteCarloOptions { Iterations = 8192 });

        // The deterministic finish is the engine's: status + 3 days + 2 days.
        var calendar = network.Calendars[0];
        var status = calendar.PositionOf(TestCalendars.At(6, 8));
        run.WorkingPosition(run.DeterministicFinish(0)).ShouldBe(status + (5 * Net.Day));

        // E[d] of triangular(4, 5, 10) is 19/3 days, so E[left] = 3 × (19/3) / 5 = 3.8 days; the risk adds half a day.
        var mean = 0.0;
        foreach (var finish in run.Finishes(0))
        {
            mean += run.WorkingPosition(finish) - status;
        }

        mean /= run.Iterations * (double)Net.Day;
        mean.ShouldBe(3.8 + 0.5 + 2, 0.02);

        // It spreads as the estimate does (it used to take two values, with and without the risk): the 95th
        // percentile of triangular(4, 5, 10) is 8.78 days, so the work left reaches 3 × 8.78 / 5 = 5.27 days.
        run.Finishes(0).ToArray().Distinct().Count().ShouldBeGreaterThan(500);
        run.WorkingPosition(run.Percentile(0, 0.95)).ShouldBeGreaterThan(status + (7 * Net.Day));
    }

    [Fact]
    public void Without_a_risk_a_started_item_at_its_most_likely_duration_keeps_its_remaining()
    {
        Worker.Scale(3 * Net.Day, 5 * Net.Day, 5 * Net.Day).ShouldBe(3 * Net.Day);
        Worker.Scale(3 * Net.Day, 10 * Net.Day, 5 * Net.Day).ShouldBe(6 * Net.Day);
        Worker.Scale(300, 7, 0).ShouldBe(300);
    }

    [Fact]
    public void Risk_costs_add_to_the_budget_in_the_shares_their_probabilities_give()
    {
        var program = new Program(new ProgramId("prog"), "Program", new DateOnly(2024, 3, 4))
        {
            Projects = [new Project(Project, "P") { Budget = new Money(100_000m, "EUR") }],
            WorkItems = [new WorkItem(new WorkItemId("build"), "Build", Project) { Estimate = Estimate.Single(new WorkDuration(5 * 480)) }],
            Risks =
            [
                new Risk(new RiskId("a"), "Vendor late", new Probability(0.25))
                {
                    ScheduleImpact = new WorkDuration(480), CostImpact = new Money(20_000m, "EUR"), LinkedItems = [new WorkItemId("build")],
                },
                new Risk(new RiskId("b"), "Licence price rise", new Probability(0.5)) { CostImpact = new Money(10_000m, "EUR") },
                new Risk(new RiskId("c"), "US fee", new Probability(0.5)) { CostImpact = new Money(5_000m, "USD") },
                new Risk(new RiskId("d"), "Closed", new Probability(0.9)) { CostImpact = new Money(50_000m, "EUR"), Status = RiskStatus.Closed },
            ],
        };

        var forecast = ProgramForecaster.Forecast(program, new ProgramForecastOptions { Iterations = 4096 });

        var cost = forecast.Cost.ShouldNotBeNull();
        cost.Currency.ShouldBe("EUR");
        cost.Planned.ShouldBe(100_000m);
        cost.Risks.ShouldBe([new RiskId("a"), new RiskId("b")]);

        // Latin Hypercube: a occurs in exactly 1,024 of 4,096 iterations and b in 2,048, so the mean is exact.
        cost.Expected.ShouldBe(110_000m);

        // Risk cost 0 (no risk), 10k (b only), 20k (a only), 30k (both): P(<= 10k) = P(not a) = 0.75 exactly.
        cost.P10.ShouldBe(100_000m);
        cost.P50.ShouldBe(110_000m);
        cost.P80.ShouldBe(120_000m);
        cost.P95.ShouldBe(130_000m);
        cost.ProbabilityWithinPlan.ShouldBe(0.375, 0.03);

        // The cost-only risk is not a schedule driver: the drivers are the schedule risks, as before.
        forecast.Drivers.Select(d => d.Id).ShouldBe([new RiskId("a")]);
    }

    [Fact]
    public void A_plan_without_budget_or_risk_costs_has_no_cost_forecast()
    {
        var program = new Program(new ProgramId("prog"), "Program", new DateOnly(2024, 3, 4))
        {
            WorkItems = [new WorkItem(new WorkItemId("build"), "Build", Project) { Estimate = Estimate.Single(new WorkDuration(480)) }],
        };

        ProgramForecaster.Forecast(program, new ProgramForecastOptions { Iterations = 1024 }).Cost.ShouldBeNull();
        ProgramForecaster.CostBasis(program with { Budget = [new BudgetLine(Project, new DateRange(new DateOnly(2024, 1, 1), new DateOnly(2024, 3, 31)), new Money(5m, "GBP"))] })
            .ShouldBe(new Money(5m, "GBP"));
    }
}
