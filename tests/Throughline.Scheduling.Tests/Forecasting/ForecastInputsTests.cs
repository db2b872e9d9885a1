using Throughline.Domain;
using Throughline.Interop.Plan;
using Throughline.Scheduling.Forecasting;

namespace Throughline.Scheduling.Tests.Forecasting;

/// <summary>The plan's uncertainty inputs reach the forecast: team and category spreads, distributions, tag correlation.</summary>
public class ForecastInputsTests
{
    private static readonly ProgramForecastOptions Options = new() { Iterations = 4096, RankRisks = false };

    [Fact]
    public void A_wider_team_uncertainty_widens_P80_minus_P50()
    {
        var narrow = Forecast(Plan(Chain(8, "10d"), team: "uncertainty: { optimistic: 95%, pessimistic: 110% }"));
        var wide = Forecast(Plan(Chain(8, "10d"), team: "uncertainty: { optimistic: 90%, pessimistic: 200% }"));

        Spread(wide).ShouldBeGreaterThan(Spread(narrow));
        wide.ProgramEnd.P50.ShouldBeGreaterThan(narrow.ProgramEnd.P50);
    }

    [Fact]
    public void A_category_spread_overrides_the_team_and_the_program_default()
    {
        const string Forecasting = "forecast:\n  uncertainty: { optimistic: 95%, pessimistic: 110% }\n  categories:\n    risky: { optimistic: 90%, pessimistic: 200% }\n";
        var plain = Forecast(Plan(Chain(8, "10d"), team: "uncertainty: { optimistic: 95%, pessimistic: 110% }", forecast: Forecasting));
        var tagged = Forecast(Plan(Chain(8, "10d", "tags: [risky]"), team: "uncertainty: { optimistic: 95%, pessimistic: 110% }", forecast: Forecasting));
        var programOnly = Forecast(Plan(Chain(8, "10d"), forecast: Forecasting));

        Spread(tagged).ShouldBeGreaterThan(Spread(plain));
        Describe(programOnly).ShouldBe(Describe(plain));   // the team's spread equals the program's here
    }

    [Fact]
    public void The_item_distribution_is_used_over_the_team_and_program_ones_and_the_option_overrides_all()
    {
        const string Estimate = "{ optimistic: 5d, likely: 10d, pessimistic: 30d }";
        var chosen = Plan(Chain(4, Estimate, "distribution: triangular"), team: "distribution: lognormal", forecast: "forecast:\n  distribution: pert\n");
        var bare = Plan(Chain(4, Estimate));

        var byItem = Forecast(chosen);
        var triangular = Forecast(bare, DurationDistribution.Triangular);
        var pert = Forecast(bare);

        Describe(byItem).ShouldBe(Describe(triangular));
        Describe(byItem).ShouldNotBe(Describe(pert));
        Spread(triangular).ShouldBeGreaterThan(Spread(pert));   // the triangular's tails are heavier
        Describe(Forecast(chosen, DurationDistribution.BetaPert)).ShouldBe(Describe(pert));
    }

    [Fact]
    public void The_team_distribution_is_used_when_the_item_has_none()
    {
        const string Estimate = "{ optimistic: 5d, likely: 10d, pessimistic: 30d }";

        var byTeam = Forecast(Plan(Chain(4, Estimate), team: "distribution: lognormal", forecast: "forecast:\n  distribution: triangular\n"));
        var byProgram = Forecast(Plan(Chain(4, Estimate), forecast: "forecast:\n  distribution: triangular\n"));

        Describe(byTeam).ShouldBe(Describe(Forecast(Plan(Chain(4, Estimate)), DurationDistribution.LogNormal)));
        Describe(byProgram).ShouldBe(Describe(Forecast(Plan(Chain(4, Estimate)), DurationDistribution.Triangular)));
    }

    [Fact]
    public void Items_sharing_a_correlated_tag_move_together_so_their_sum_spreads_more()
    {
        // Items of no team, so the tag is their only shared driver.
        var items = Chain(12, "10d", "tags: [db]");
        var independent = Forecast(Plan(items, teamless: true));
        var correlated = Forecast(Plan(items, teamless: true, forecast: "forecast:\n  correlate: [db]\n  correlation: 0.6\n"));
        var stronger = Forecast(Plan(items, teamless: true, forecast: "forecast:\n  correlate: [db]\n  correlation: 0.6\n"), correlation: 0.9);

        // Var(Σ) = Σ σ² + Σ_{i≠j} ρ σ²: with 12 items at ρ = 0.6 about 7.6 times the independent variance.
        var ratio = Variance(correlated) / Variance(independent);
        ratio.ShouldBeGreaterThan(4);
        Variance(stronger).ShouldBeGreaterThan(Variance(correlated));
        Describe(Forecast(Plan(items, teamless: true, forecast: "forecast:\n  correlate: [other]\n"))).ShouldBe(Describe(independent));
    }

    [Fact]
    public void A_tag_correlates_in_addition_to_the_team()
    {
        var items = Chain(12, "10d", "tags: [db]");
        var team = Forecast(Plan(items, forecast: "forecast:\n  correlation: 0.3\n"));
        var teamAndTag = Forecast(Plan(items, forecast: "forecast:\n  correlation: 0.3\n  correlate: [db]\n"));

        Variance(teamAndTag).ShouldBeGreaterThan(Variance(team) * 1.3);
    }

    private static ProgramForecast Forecast(string plan, DurationDistribution? distribution = null, double? correlation = null)
    {
        var read = PlanReader.Read(plan, "plan.tl.yaml");
        read.Diagnostics.ShouldBeEmpty(string.Join(Environment.NewLine, read.Diagnostics));
        return ProgramForecaster.Forecast(read.Program!, Options with { Distribution = distribution, Correlation = correlation });
    }

    /// <summary>P80 − P50 of the program end, in calendar days.</summary>
    private static int Spread(ProgramForecast forecast) => forecast.ProgramEnd.P80.DayNumber - forecast.ProgramEnd.P50.DayNumber;

    /// <summary>The variance of the program end's finish day, from its histogram.</summary>
    private static double Variance(ProgramForecast forecast)
    {
        var bins = forecast.ProgramEnd.Histogram;
        var n = (double)bins.Sum(b => b.Count);
        var mean = bins.Sum(b => b.Count * (double)b.Date.DayNumber) / n;
        return bins.Sum(b => b.Count * Math.Pow(b.Date.DayNumber - mean, 2)) / n;
    }

    private static string Describe(ProgramForecast forecast) =>
        string.Join(';', forecast.Milestones.Select(m => $"{m.P10} {m.P50} {m.P80} {m.P90} {m.P95} " + string.Join(',', m.Histogram.Select(b => $"{b.Date}:{b.Count}"))));

    /// <summary>n items in a chain, each with the estimate and extra lines given.</summary>
    private static string Chain(int n, string estimate, string extra = "") =>
        string.Concat(Enumerable.Range(1, n).Select(i =>
            $"      - id: i{i}\n        name: Item {i}\n        estimate: {estimate}\n"
            + (i > 1 ? $"        depends-on: [i{i - 1}]\n" : string.Empty)
            + (extra.Length > 0 ? $"        {extra}\n" : string.Empty)));

    private static string Plan(string items, string team = "", bool teamless = false, string forecast = "") =>
        "program:\n  id: demo\n  name: Demo\n  start: 2027-01-04\n"
        + "teams:\n  - id: web\n    name: Web\n" + (team.Length > 0 ? $"    {team}\n" : string.Empty)
        + "projects:\n  - id: site\n    name: Site\n" + (teamless ? string.Empty : "    team: web\n") + "    items:\n" + items
        + forecast;
}
