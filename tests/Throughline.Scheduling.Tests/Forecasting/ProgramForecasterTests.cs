using Throughline.Domain;
using Throughline.Interop.Plan;
using Throughline.Scheduling.Forecasting;
using Throughline.Testing;

namespace Throughline.Scheduling.Tests.Forecasting;

public class ProgramForecasterTests
{
    private static readonly ProjectId Project = new("p");

    private static readonly Lazy<Program> Example = new(() => PlanReader.ReadFile(Path.Combine(RepoPaths.Examples, "cloud-migration.tl.yaml")).Program!);

    [Fact]
    public void The_example_forecasts_each_committed_item_then_the_program_end_from_the_deterministic_schedule()
    {
        var program = Example.Value;
        // The pure critical-path view: the leveled one plans the leveled schedule (CapacityAwareForecastTests).
        var forecast = ProgramForecaster.Forecast(program, new ProgramForecastOptions { Iterations = 2048, Unleveled = true });
        var schedule = ProgramScheduler.Schedule(program);

        forecast.Iterations.ShouldBe(2048);
        forecast.Milestones.Select(m => m.Id?.Value).ShouldBe(["cut-w2-live", "bill-first-run", "cut-dc-exit", null]);
        foreach (var m in forecast.Milestones.SkipLast(1))
        {
            // The same network as tl schedule: the plan's date is its scheduled finish.
            m.Deterministic.ShouldBe(DateOnly.FromDateTime(schedule[m.Id!.Value].Finish));
            m.Committed.ShouldNotBeNull();
            m.ProbabilityOnTime.ShouldNotBeNull();
        }

        forecast.ProgramEnd.Deterministic.ShouldBe(DateOnly.FromDateTime(schedule.ProjectFinish));
        forecast.ProgramEnd.Committed.ShouldBeNull();
        forecast.ProgramEnd.ProbabilityOnTime.ShouldBeNull();
        foreach (var m in forecast.Milestones)
        {
            m.P10.ShouldBeLessThanOrEqualTo(m.P50);
            m.P50.ShouldBeLessThanOrEqualTo(m.P80);
            m.P80.ShouldBeLessThanOrEqualTo(m.P90);
            m.P90.ShouldBeLessThanOrEqualTo(m.P95);
            m.Histogram.Sum(b => b.Count).ShouldBe(2048);
            m.Histogram[^1].Cumulative.ShouldBe(1);
            m.Histogram.Select(b => b.Date).ShouldBeInOrder();
        }

        // Merge bias: estimates skew late and paths join, so the single critical-path date is rarely met.
        forecast.ProgramEnd.ProbabilityByDeterministic.ShouldBeLessThan(0.5);
        forecast.ProgramEnd.P50.ShouldBeGreaterThanOrEqualTo(forecast.ProgramEnd.Deterministic);
        forecast.Drivers.Select(d => d.DaysAtP80).ShouldBeInOrder(SortDirection.Descending);
        forecast.Drivers.ShouldAllBe(d => d.DaysAtP80 >= 0);
        forecast.Drivers.Select(d => d.Id.Value).ShouldNotContain("r-eks-ip");   // occurred: already in the plan
        forecast.Criticality.Select(c => c.Index).ShouldBeInOrder(SortDirection.Descending);
        forecast.Criticality.ShouldContain(c => c.Index == 1);
        forecast.MergePoints.ShouldAllBe(p => p.Predecessors >= 2);
    }

    [Theory]
    [InlineData("cloud-migration.tl.yaml")]
    [InlineData("product-launch.tl.yaml")]
    public void The_forecast_network_is_the_network_tl_schedule_builds(string example)
    {
        // ProgramScheduler schedules ProgramNetwork's network, the one the forecaster samples: every date must agree.
        var program = PlanReader.ReadFile(Path.Combine(RepoPaths.Examples, example)).Program!;
        var schedule = ProgramScheduler.Schedule(program);
        var built = ProgramNetwork.Build(program);
        var result = CriticalPath.Schedule(built.Network);

        for (var t = 0; t < built.ItemOf.Count; t++)
        {
            var id = program.WorkItems[built.ItemOf[t]].Id;
            if (built.Index[id] != built.ItemOf[t])
            {
                continue;
            }

            (result.StartDate(t), result.FinishDate(t)).ShouldBe((schedule[id].Start, schedule[id].Finish), id.Value);
        }

        built.ItemOf.Count.ShouldBe(schedule.Items.Count);
        built.Diagnostics.Select(d => d.Code).ShouldBe(schedule.Diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void A_milestone_pinned_by_a_constraint_is_flagged_and_keeps_its_scheduled_date()
    {
        var program = PlanReader.ReadFile(Path.Combine(RepoPaths.Examples, "product-launch.tl.yaml")).Program!;
        var schedule = ProgramScheduler.Schedule(program);

        var forecast = ProgramForecaster.Forecast(program, new ProgramForecastOptions { Iterations = 1024, RankRisks = false });

        var launch = forecast.Milestones.Single(m => m.Id?.Value == "gtm-launch");
        launch.PinnedBy.ShouldBe(ConstraintType.MustStartOn);
        launch.Deterministic.ShouldBe(DateOnly.FromDateTime(schedule[new WorkItemId("gtm-launch")].Finish));
        launch.DrivenBy.ShouldBe(DrivingChain.Into(program, schedule, new WorkItemId("gtm-launch"))[^2]);
        forecast.ProgramEnd.PinnedBy.ShouldBeNull();
    }

    [Fact]
    public void A_pinned_commitment_is_forecast_by_the_work_that_drives_it_not_as_a_certain_100_percent()
    {
        // As the risk test below, but the launch is pinned to its committed date: the pin holds the date in every
        // iteration, so its own finish is always on time; the build that drives it is late whenever the risk occurs.
        var program = Plan(
            [
                Item("build", 5),
                Item("launch", 0) with { Kind = WorkItemKind.Milestone, Committed = new DateOnly(2024, 3, 8), Constraint = new Constraint(ConstraintType.MustFinishOn, new DateTime(2024, 3, 8, 17, 0, 0)) },
            ],
            [Dependency.FinishToStart(new WorkItemId("build"), new WorkItemId("launch"))])
            with
            {
                Risks = [new Risk(new RiskId("r"), "Vendor late", new Probability(0.25)) { ScheduleImpact = new WorkDuration(480), LinkedItems = [new WorkItemId("build")] }],
            };

        var launch = ProgramForecaster.Forecast(program, new ProgramForecastOptions { Iterations = 4096, DefaultUncertainty = new Uncertainty(1, 1) }).Milestones[0];

        launch.PinnedBy.ShouldBe(ConstraintType.MustFinishOn);
        launch.DrivenBy.ShouldBe(new WorkItemId("build"));
        launch.ProbabilityOnTime.ShouldBe(0.75);
        launch.P80.ShouldBe(new DateOnly(2024, 3, 11));
    }

    [Fact]
    public void An_overdue_decision_gating_the_work_costs_chance_on_time()
    {
        // Build (3d) would finish Thursday 7 March and the launch holds a week's buffer; the decision it waits on was
        // due on 1 March and is still open on the status date, so its expected lag (1, 5, 15 days) now comes first.
        var decided = Plan(
            [
                Item("build", 3) with { WaitsOn = [new DecisionId("d")] },
                Item("launch", 0) with { Kind = WorkItemKind.Milestone, Committed = new DateOnly(2024, 3, 15) },
            ],
            [Dependency.FinishToStart(new WorkItemId("build"), new WorkItemId("launch"))])
            with
            {
                StatusDate = new DateOnly(2024, 3, 4),
                Decisions = [new Decision(new DecisionId("d"), "Which vendor?") { Due = new DateOnly(2024, 3, 1), Status = DecisionStatus.Decided, DecidedOn = new DateOnly(2024, 3, 1) }],
            };
        var overdue = decided with { Decisions = [decided.Decisions[0] with { Status = DecisionStatus.Open, DecidedOn = null }] };
        var options = new ProgramForecastOptions { Iterations = 4096, DefaultUncertainty = new Uncertainty(1, 1), RankRisks = false };

        var before = ProgramForecaster.Forecast(decided, options).Milestones[0];
        var after = ProgramForecaster.Forecast(overdue, options).Milestones[0];
        var schedule = ProgramScheduler.Schedule(overdue);

        before.ProbabilityOnTime.ShouldBe(1);
        after.ProbabilityOnTime!.Value.ShouldBeLessThan(0.9);
        after.ProbabilityOnTime!.Value.ShouldBeGreaterThan(0);
        schedule[new WorkItemId("build")].Start.ShouldBe(new DateTime(2024, 3, 12, 8, 0, 0));   // the gate's 5 days: Tue 5 to Mon 11 March
        schedule.Gates[new DecisionId("d")].Finish.ShouldBe(new DateTime(2024, 3, 11, 17, 0, 0));
    }

    [Fact]
    public void A_risk_with_probability_p_on_the_only_path_makes_the_committed_date_a_1_minus_p_bet()
    {
        var program = Plan(
            [
                Item("build", 5),
                Item("launch", 0) with { Kind = WorkItemKind.Milestone, Committed = new DateOnly(2024, 3, 8) },
            ],
            [Dependency.FinishToStart(new WorkItemId("build"), new WorkItemId("launch"))])
            with
            {
                Risks = [new Risk(new RiskId("r"), "Vendor late", new Probability(0.25)) { ScheduleImpact = new WorkDuration(480), LinkedItems = [new WorkItemId("build"), new WorkItemId("launch")] }],
            };

        var forecast = ProgramForecaster.Forecast(program, new ProgramForecastOptions { Iterations = 4096, DefaultUncertainty = new Uncertainty(1, 1) });

        var launch = forecast.Milestones[0];
        launch.Deterministic.ShouldBe(new DateOnly(2024, 3, 8));
        launch.ProbabilityOnTime.ShouldBe(0.75);
        launch.P80.ShouldBe(new DateOnly(2024, 3, 11));
        forecast.Drivers.Single().DaysAtP80.ShouldBe(1);
        forecast.Drivers.Single().DaysAtP80ByMilestone.ShouldBe([1.0, 1.0]);
        forecast.Drivers.Single().Occurrence.ShouldBe(0.25);
    }

    [Fact]
    public void Items_take_their_team_from_the_assignment_then_the_person_then_the_project()
    {
        var program = Plan([], []) with
        {
            People = [new Person(new PersonId("ana"), "Ana", FunctionalRole.Engineer) { Team = new TeamId("web") }],
            Projects = [new Project(Project, "P") { OwningTeam = new TeamId("platform") }],
        };

        WorkItemTeam.Of(program, Item("a", 1) with { Assignments = [Assignment.ToTeam(new TeamId("data"))] }).ShouldBe(new TeamId("data"));
        WorkItemTeam.Of(program, Item("b", 1) with { Assignments = [Assignment.ToPerson(new PersonId("ana"))] }).ShouldBe(new TeamId("web"));
        WorkItemTeam.Of(program, Item("c", 1)).ShouldBe(new TeamId("platform"));
    }

    private static WorkItem Item(string id, double days) => new(new WorkItemId(id), id, Project)
    {
        Estimate = days > 0 ? Estimate.Single(new WorkDuration((long)(days * 480))) : null,
    };

    private static Program Plan(IReadOnlyList<WorkItem> items, IReadOnlyList<Dependency> links) =>
        new(new ProgramId("prog"), "Program", new DateOnly(2024, 3, 4)) { WorkItems = items, Dependencies = links };
}
