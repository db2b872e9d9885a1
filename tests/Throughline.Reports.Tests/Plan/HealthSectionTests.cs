using Throughline.Domain.Diagnostics;
using Throughline.Domain.Health;
using Throughline.Interop.Plan;

namespace Throughline.Reports.Tests.Plan;

/// <summary>The plan file's <c>health:</c> section, read by <see cref="PlanReader"/> and written back by <see cref="PlanWriter"/>.</summary>
public class HealthSectionTests
{
    private const string Head = """
        program:
          id: x
          name: X
          start: 2027-01-04
          hours-per-day: 6
        """;

    private static PlanReadResult Read(string health) => PlanReader.Read(Head + "\n" + health, "plan.tl.yaml");

    [Fact]
    public void Without_a_health_section_the_defaults_apply()
    {
        Read(string.Empty).Program!.Health.ShouldBe(HealthRules.Default);
    }

    [Fact]
    public void Every_threshold_is_read_and_what_is_left_out_keeps_its_default()
    {
        var result = Read("""
            health:
              schedule: { amber-days-late: 2, red-days-late: 15, amber-slack: 3d, red-slack: -1d }
              budget: { amber-cpi: 0.97, red-cpi: 0.92 }
              risk: { amber-exposure: 1d, red-exposure: 4d, amber-cost-exposure: 20000, red-cost-exposure: 50000, escalate-exposure: 3d, escalate-cost-exposure: 40000 }
              governance: { amber-overdue-decisions: 2, red-stale-days: 21 }
            """);

        result.Diagnostics.ShouldBeEmpty();
        var rules = result.Program!.Health;
        rules.Schedule.ShouldBe(new ScheduleHealth { AmberDaysLate = 2, RedDaysLate = 15, AmberSlackDays = 3, RedSlackDays = -1 });
        rules.Budget.ShouldBe(new BudgetHealth { AmberCpi = 0.97, RedCpi = 0.92 });
        rules.Risk.AmberExposureDays.ShouldBe(1);
        rules.Risk.RedExposureDays.ShouldBe(4);
        rules.Risk.AmberCostExposure.ShouldBe(20_000m);
        rules.Risk.RedCostExposure.ShouldBe(50_000m);
        rules.Risk.Escalation.ExposureDays.ShouldBe(3);
        rules.Risk.Escalation.CostExposure.ShouldBe(40_000m);
        rules.Governance.ShouldBe(GovernanceHealth.Default with { AmberOverdueDecisions = 2, RedStaleDays = 21 });
    }

    [Fact]
    public void Durations_are_in_the_program_s_units()
    {
        // Six-hour days: "12h" of slack is two days.
        Read("health: { schedule: { amber-slack: 12h } }").Program!.Health.Schedule.AmberSlackDays.ShouldBe(2);
    }

    [Fact]
    public void A_red_line_before_its_amber_line_is_an_error_at_the_red_value()
    {
        var result = Read("""
            health:
              budget:
                amber-cpi: 0.9
                red-cpi: 0.95
            """);

        var error = result.Diagnostics.ShouldHaveSingleItem();
        error.Code.ShouldBe(DiagnosticCodes.InvalidValue);
        error.Message.ShouldContain("red-cpi is at most amber-cpi");
        error.Location!.Line.ShouldBe(9);
        error.Location.Column.ShouldBe(14);
    }

    [Theory]
    [InlineData("health: { budget: { amber-cpi: 0 } }", DiagnosticCodes.InvalidValue)]
    [InlineData("health: { governance: { red-stale-days: 2.5 } }", DiagnosticCodes.InvalidValue)]
    [InlineData("health: { risk: { amber-exposure: soon } }", DiagnosticCodes.InvalidDuration)]
    [InlineData("health: { schedule: { amber-late: 3 } }", DiagnosticCodes.UnknownField)]
    [InlineData("health: { cost: { amber-cpi: 0.9 } }", DiagnosticCodes.UnknownField)]
    public void Bad_thresholds_are_diagnostics(string yaml, string code)
    {
        Read(yaml).Diagnostics.ShouldContain(d => d.Code == code);
    }

    [Fact]
    public void The_writer_keeps_the_thresholds_that_differ_from_the_defaults()
    {
        var program = Read("""
            health:
              schedule: { red-days-late: 15, amber-slack: 3d }
              risk: { red-cost-exposure: 50000, escalate-exposure: 3d }
            """).Program!;

        var written = PlanWriter.Write(program);
        var again = PlanReader.Read(written, "again.tl.yaml");

        again.Diagnostics.ShouldBeEmpty();
        again.Program!.Health.ShouldBe(program.Health);
        written.ShouldNotContain("budget:");
        PlanWriter.Write(program with { Health = HealthRules.Default }).ShouldNotContain("health:");
    }
}
