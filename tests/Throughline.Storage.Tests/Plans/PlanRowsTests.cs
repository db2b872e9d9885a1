using Throughline.Interop.Plan;
using Throughline.Storage.Plans;
using Throughline.Testing;

namespace Throughline.Storage.Tests.Plans;

public sealed class PlanRowsTests
{
    public static TheoryData<string> Examples => ["cloud-migration.tl.yaml", "product-launch.tl.yaml"];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Splitting_a_program_into_rows_and_joining_them_gives_the_same_program(string example)
    {
        var original = PlanReader.ReadFile(Path.Combine(RepoPaths.Examples, example));
        original.HasErrors.ShouldBeFalse();

        var rows = PlanRows.FromProgram(original.Program!);
        var joined = rows.Read();

        joined.Diagnostics.Where(d => d.IsError).ShouldBeEmpty();
        PlanWriter.Write(joined.Program!).ShouldBe(PlanWriter.Write(original.Program!));
    }

    [Fact]
    public void Health_thresholds_and_the_earned_value_setting_survive_the_rows()
    {
        var original = PlanReader.Read(
            """
            program: { id: p, name: P, start: 2027-01-04 }
            projects:
              - id: a
                name: A
                items:
                  - { id: x, name: X, estimate: 2d }
            budget:
              - { project: a, period: 2027-01, category: labour, planned: 1000 }
            health:
              schedule:
                red-days-late: 15
              budget:
                amber-cpi: 0.97
            earned-value:
              work-categories: [labour]
            """, "p.tl.yaml");
        original.HasErrors.ShouldBeFalse();

        var joined = PlanRows.FromProgram(original.Program!).Read();

        var written = PlanWriter.Write(joined.Program!);
        written.ShouldBe(PlanWriter.Write(original.Program!));
        written.ShouldContain("health:");
        written.ShouldContain("earned-value:");
    }

    [Fact]
    public void Every_entity_of_the_example_gets_a_row()
    {
        var program = PlanReader.ReadFile(Path.Combine(RepoPaths.Examples, "cloud-migration.tl.yaml")).Program!;

        var rows = PlanRows.FromProgram(program);

        rows.Projects.Count.ShouldBe(program.Projects.Count);
        rows.WorkItems.Select(i => i.Key).ShouldBe(program.WorkItems.Select(i => i.Id.Value), ignoreOrder: true);
        rows.Dependencies.Count.ShouldBe(program.Dependencies.Count);
        rows.WorkItems.Count(i => i.IsMilestone).ShouldBe(program.WorkItems.Count(i => i.IsMilestone));
        rows.Risks.Count.ShouldBe(program.Risks.Count);
        rows.Decisions.Count.ShouldBe(program.Decisions.Count);
        rows.BudgetLines.Count.ShouldBe(program.Budget.Count);
        rows.Objectives.Count.ShouldBe(program.Objectives.Count);
        rows.People.Count.ShouldBe(program.People.Count);
        rows.Teams.Count.ShouldBe(program.Teams.Count);
    }

    [Fact]
    public void A_dependency_in_short_form_keeps_its_type_and_lag()
    {
        var plan = PlanReader.Read(
            """
            program: { id: p, name: P, start: 2027-01-04 }
            projects:
              - id: a
                name: A
                items:
                  - { id: x, name: X, estimate: 2d }
                  - { id: y, name: Y, estimate: 2d, depends-on: ["x SS+1d"] }
                  - { id: z, name: Z, estimate: 2d, depends-on: [{ item: y, type: FF, lag: -1d }] }
            """, "p.tl.yaml");

        var rows = PlanRows.FromProgram(plan.Program!);

        rows.Dependencies.Select(d => d.Fields).ShouldBe(
        [
            """{"predecessor":"x","successor":"y","type":"SS","lag":"1d"}""",
            """{"predecessor":"y","successor":"z","type":"FF","lag":"-1d"}""",
        ]);
        var back = rows.Read().Program!;
        back.Dependencies.ShouldBe(plan.Program!.Dependencies);
    }
}
