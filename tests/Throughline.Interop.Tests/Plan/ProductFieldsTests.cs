using Throughline.Domain;
using Throughline.Domain.Diagnostics;
using Throughline.Interop.Plan;

namespace Throughline.Interop.Tests.Plan;

/// <summary>The product and engineering fields: read as written, written back, and checked.</summary>
public class ProductFieldsTests
{
    private const string Items = """
        - id: a
          name: Flags
          estimate: 5d
          problem: Tenants cannot be moved back one by one.
          prd: https://wiki.example.com/prd/flags
          requirements:
            - Flip a tenant in 5 minutes
            - Every flip is audited
          rice: { reach: 1200, impact: 2, confidence: 80%, effort: 1.5 }
          wsjf: { value: 8, time-criticality: 5, risk-reduction: 3, job-size: 4 }
        - id: b
          name: Dunning
          rice: { reach: 900, impact: 0.5, confidence: 80% }
          wsjf: { value: 5, time-criticality: 3, job-size: 3 }
        """;

    private const string Registers = """
        product-metrics:
          - id: m-wau
            name: Weekly active users
            kind: adoption
            product: Web app
            unit: users
            baseline: 100
            target: 150
            current: 120
            target-date: 2027-09-30
            owner: p-a
            projects: [site]
            history:
              - { date: 2027-01-29, value: 105 }
              - { date: 2027-02-26, value: 112 }
        tech-decisions:
          - id: adr-1
            title: Flags in the database
            status: proposed
            date: 2027-02-01
            author: p-a
            context: Deploys take an hour.
            decision: A flags table read on every request.
            consequences: One more query per request.
            items: [a]
        """;

    [Fact]
    public void Every_product_field_is_read_as_written()
    {
        var result = PlanReader.Read(Plan(), "plan.tl.yaml");

        result.Diagnostics.ShouldBeEmpty(string.Join(Environment.NewLine, result.Diagnostics));
        var program = result.Program!;
        var a = program.WorkItems.Single(i => i.Id.Value == "a");
        a.Problem.ShouldBe("Tenants cannot be moved back one by one.");
        a.Prd.ShouldBe("https://wiki.example.com/prd/flags");
        a.Requirements.ShouldBe(["Flip a tenant in 5 minutes", "Every flip is audited"]);
        (a.Rice!.Reach, a.Rice.Impact, a.Rice.Confidence, a.Rice.Effort).ShouldBe((1200, 2, 80, 1.5));
        a.Wsjf!.Score.ShouldBe(4);
        program.WorkItems.Single(i => i.Id.Value == "b").Wsjf!.RiskReduction.ShouldBe(0);
        program.Projects[0].Problem.ShouldBe("Nobody can find anything.");
        var kr = program.Objectives.ShouldHaveSingleItem().KeyResults.ShouldHaveSingleItem();
        kr.History.ShouldBe([new MetricReading(new DateOnly(2027, 1, 29), 10)]);
        kr.Trend.ShouldBe(MetricTrend.Improving);
        var metric = program.ProductMetrics.ShouldHaveSingleItem();
        (metric.Kind, metric.Current, metric.History.Count, metric.Trend).ShouldBe((ProductMetricKind.Adoption, 120, 2, MetricTrend.Improving));
        metric.Projects.ShouldBe([new ProjectId("site")]);
        var record = program.TechDecisions.ShouldHaveSingleItem();
        (record.Status, record.Outcome, record.Items.Single().Value).ShouldBe((TechDecisionStatus.Proposed, "A flags table read on every request.", "a"));
    }

    [Fact]
    public void Every_product_field_survives_writing_and_reading_back()
    {
        var original = PlanReader.Read(Plan(), "plan.tl.yaml").Program!;

        var written = PlanWriter.Write(original);
        var reread = PlanReader.Read(written, "written.tl.yaml");

        reread.Diagnostics.ShouldBeEmpty(written);
        ProgramShape.Describe(reread.Program!).ShouldBe(ProgramShape.Describe(original));
        written.ShouldContain("rice: {reach: 1200, impact: 2, confidence: 80%, effort: 1.5}");
    }

    [Fact]
    public void A_negative_rice_factor_is_an_invalid_value_at_the_value()
    {
        var result = PlanReader.Read(PlanText.WithItems("- id: a\n  name: A\n  rice: { reach: -5, impact: 1, confidence: 50% }"), "plan.tl.yaml");

        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe(DiagnosticCodes.InvalidValue);
        diagnostic.Location.ShouldBe(new SourceLocation("plan.tl.yaml", 19, 24));   // the -5
    }

    [Fact]
    public void A_technical_decision_linked_to_an_undefined_item_points_at_the_link()
    {
        var text = PlanText.WithItems("- { id: a, name: A }") + "tech-decisions:\n  - id: adr-1\n    title: T\n    items: [a, nope]\n";

        var diagnostic = PlanReader.Read(text, "plan.tl.yaml").Diagnostics.ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe(DiagnosticCodes.UndefinedReference);
        diagnostic.Message.ShouldContain("undefined work item 'nope'");
        diagnostic.Location!.Line.ShouldBe(21);   // the items line of adr-1
    }

    private static string Plan() =>
        PlanText.WithItems(Items)
            .Replace("  start: 2027-01-04", "  start: 2027-01-04\n  objectives:\n    - id: o\n      title: O\n      key-results:\n        - { metric: M, baseline: 0, target: 100, current: 20, history: [{ date: 2027-01-29, value: 10 }] }", StringComparison.Ordinal)
            .Replace("    name: Site\n", "    name: Site\n    problem: Nobody can find anything.\n    prd: https://wiki.example.com/prd/site\n", StringComparison.Ordinal)
        + Registers;
}
