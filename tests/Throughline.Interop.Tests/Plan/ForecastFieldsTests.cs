using Throughline.Domain;
using Throughline.Domain.Diagnostics;
using Throughline.Interop.Plan;

namespace Throughline.Interop.Tests.Plan;

/// <summary>The forecast's uncertainty inputs: the 'forecast' section, and a team's and an item's distribution and spread.</summary>
public class ForecastFieldsTests
{
    private const string Forecast = """
        forecast:
          distribution: triangular
          uncertainty: { optimistic: 80%, pessimistic: 200% }
          correlation: 0.5
          categories:
            migration: { optimistic: 100%, pessimistic: 300% }
            docs: { optimistic: 95%, pessimistic: 110% }
          correlate: [migration, db]
        """;

    [Fact]
    public void Every_forecast_field_is_read_as_written()
    {
        var result = PlanReader.Read(Plan(), "plan.tl.yaml");

        result.Diagnostics.ShouldBeEmpty(string.Join(Environment.NewLine, result.Diagnostics));
        var program = result.Program!;
        var forecast = program.Forecast;
        forecast.Distribution.ShouldBe(DurationDistribution.Triangular);
        forecast.Uncertainty.ShouldBe(new Uncertainty(0.8, 2.0));
        forecast.Correlation.ShouldBe(0.5);
        forecast.Categories.Keys.ShouldBe(["migration", "docs"]);
        forecast.Categories["migration"].ShouldBe(new Uncertainty(1.0, 3.0));
        forecast.Categories["docs"].ShouldBe(new Uncertainty(0.95, 1.1));
        forecast.Correlate.ShouldBe(["migration", "db"]);
        var team = program.Teams.Single();
        team.Distribution.ShouldBe(DurationDistribution.LogNormal);
        team.Uncertainty.ShouldBe(new Uncertainty(0.9, 1.6));
        program.WorkItems.Single(i => i.Id.Value == "a").Distribution.ShouldBe(DurationDistribution.BetaPert);
        program.WorkItems.Single(i => i.Id.Value == "b").Distribution.ShouldBeNull();
    }

    [Fact]
    public void A_plan_without_forecast_fields_has_none()
    {
        var program = PlanReader.Read(PlanText.WithItems("- id: a\n  name: A\n  estimate: 2d\n"), "plan.tl.yaml").Program!;

        program.Forecast.IsEmpty.ShouldBeTrue();
        program.Teams.Single().Uncertainty.ShouldBeNull();
        PlanWriter.Write(program).ShouldNotContain("forecast");
    }

    [Fact]
    public void Forecast_fields_survive_writing()
    {
        var original = PlanReader.Read(Plan(), "plan.tl.yaml").Program!;

        var written = PlanWriter.Write(original);
        var reread = PlanReader.Read(written, "written.tl.yaml");

        reread.Diagnostics.ShouldBeEmpty(string.Join(Environment.NewLine, reread.Diagnostics));
        ProgramShape.Describe(reread.Program!).ShouldBe(ProgramShape.Describe(original));
        written.ShouldContain("uncertainty: {optimistic: 90%, pessimistic: 160%}");
        written.ShouldContain("distribution: pert");
    }

    [Fact]
    public void An_unknown_distribution_is_located_with_a_suggestion()
    {
        var text = PlanText.WithItems("- id: a\n  name: A\n  estimate: 2d\n  distribution: perts\n");

        var error = PlanReader.Read(text, "plan.tl.yaml").Diagnostics.ShouldHaveSingleItem();

        error.Code.ShouldBe(DiagnosticCodes.InvalidValue);
        error.Message.ShouldContain("did you mean 'pert'");
        error.Location!.Line.ShouldBe(text.Split('\n').ToList().FindIndex(l => l.Contains("perts", StringComparison.Ordinal)) + 1);
    }

    [Theory]
    [InlineData("{ optimistic: 120%, pessimistic: 150% }", "optimistic")]
    [InlineData("{ optimistic: 90%, pessimistic: 80% }", "pessimistic is at least 100%")]
    [InlineData("{ optimistic: 90%, pessimistic: 2000% }", "pessimistic")]
    [InlineData("{ optimistic: 90% }", "pessimistic")]
    [InlineData("150%", "optimistic: 90%, pessimistic: 150%")]
    public void A_bad_uncertainty_is_located(string value, string expected)
    {
        var text = PlanText.Header + "\nforecast:\n  uncertainty: " + value + "\n";

        var result = PlanReader.Read(text, "plan.tl.yaml");

        var error = result.Diagnostics.ShouldHaveSingleItem();
        error.Severity.ShouldBe(Severity.Error);
        error.Message.ShouldContain(expected);
        error.Location!.Line.ShouldBe(text.Split('\n').Length - 1);
        result.Program!.Forecast.Uncertainty.ShouldBeNull();
    }

    [Theory]
    [InlineData("correlation: 1.5", "correlation")]
    [InlineData("categories: { migration: { optimistic: 50 } }", "pessimistic")]
    [InlineData("colerate: [db]", "colerate")]
    [InlineData("uncertainty: { optimistic: 90%, pessimistic: 150%, likely: 100% }", "likely")]
    [InlineData("distribution: normal", "triangular, pert, lognormal")]
    public void A_bad_forecast_field_is_located(string field, string expected)
    {
        var text = PlanText.Header + "\nforecast:\n  " + field + "\n";

        var error = PlanReader.Read(text, "plan.tl.yaml").Diagnostics.ShouldHaveSingleItem();

        error.Message.ShouldContain(expected);
        error.Location!.Line.ShouldBe(text.Split('\n').Length - 1);
    }

    private static string Plan() =>
        PlanText.Header.Replace("    name: Web", "    name: Web\n    distribution: lognormal\n    uncertainty: { optimistic: 90%, pessimistic: 160% }", StringComparison.Ordinal)
        + "\nprojects:\n  - id: site\n    name: Site\n    items:\n"
        + PlanText.Indent("- id: a\n  name: A\n  estimate: 2d\n  tags: [migration]\n  distribution: pert\n- id: b\n  name: B\n  estimate: 3d\n", 6)
        + Forecast;
}
