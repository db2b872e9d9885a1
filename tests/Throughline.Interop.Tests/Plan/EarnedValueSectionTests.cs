using Throughline.Domain.Budget;
using Throughline.Domain.Diagnostics;
using Throughline.Interop.Plan;

namespace Throughline.Interop.Tests.Plan;

/// <summary>The plan file's <c>earned-value:</c> section, read by <see cref="PlanReader"/> and written back by <see cref="PlanWriter"/>.</summary>
public class EarnedValueSectionTests
{
    private static readonly string Budget = PlanText.WithItems("- { id: a, name: A, estimate: 5d }") + """
        budget:
          - { project: site, period: 2027-01, category: labour, planned: 10000, actual: 9000 }
          - { project: site, period: 2027-01, category: Services, planned: 2000 }
          - { project: site, period: 2027-01, category: cloud, planned: 5000 }
        """;

    private static PlanReadResult Read(string section) => PlanReader.Read(Budget + "\n" + section, "plan.tl.yaml");

    [Fact]
    public void Without_the_section_every_line_is_work()
    {
        var result = Read(string.Empty);

        result.Diagnostics.ShouldBeEmpty();
        result.Program!.EarnedValue.ShouldBe(EarnedValueSettings.Default);
        result.Program.EarnedValue.WorkCategories.ShouldBeNull();
    }

    [Fact]
    public void The_work_categories_are_read_in_order_and_match_the_budget_without_case()
    {
        var result = Read("earned-value:\n  work-categories: [labour, services]\n");

        result.Diagnostics.ShouldBeEmpty();
        var settings = result.Program!.EarnedValue;
        settings.WorkCategories.ShouldBe(["labour", "services"]);
        result.Program.Budget.Select(settings.IsWork).ShouldBe([true, true, false]);
    }

    [Fact]
    public void A_category_no_line_uses_is_a_warning_at_its_entry_and_the_rest_still_counts()
    {
        var result = Read("earned-value:\n  work-categories:\n    - labour\n    - consulting\n");

        var warning = result.Diagnostics.ShouldHaveSingleItem();
        warning.Severity.ShouldBe(Severity.Warning);
        warning.Code.ShouldBe(DiagnosticCodes.UnusedWorkCategory);
        warning.Message.ShouldBe("earned-value.work-categories: no budget line has category 'consulting'; the budget's categories are Services, cloud, labour");
        var line = (Budget + "\n").Split('\n').Length + 3;
        warning.Location.ShouldBe(new SourceLocation("plan.tl.yaml", line, 7));
        result.HasErrors.ShouldBeFalse();
        result.Program!.EarnedValue.WorkCategories.ShouldBe(["labour", "consulting"]);
    }

    [Theory]
    [InlineData("earned-value:\n  work-categories: []\n", DiagnosticCodes.InvalidValue, "list at least one budget category")]
    [InlineData("earned-value:\n  work-categories: labour\n", DiagnosticCodes.InvalidValue, "a list of budget categories")]
    [InlineData("earned-value:\n  work-categories: [{ name: labour }]\n", DiagnosticCodes.InvalidValue, "each entry is a budget category")]
    [InlineData("earned-value:\n  work-category: [labour]\n", DiagnosticCodes.UnknownField, "did you mean 'work-categories'?")]
    public void A_malformed_section_is_an_error_and_reads_as_the_default(string section, string code, string message)
    {
        var result = Read(section);

        var error = result.Diagnostics.ShouldHaveSingleItem();
        error.Code.ShouldBe(code);
        error.IsError.ShouldBeTrue();
        error.Message.ShouldContain(message);
        result.Program!.EarnedValue.ShouldBe(EarnedValueSettings.Default);
    }

    [Fact]
    public void The_writer_writes_the_setting_back_and_leaves_the_default_out()
    {
        var program = Read("earned-value:\n  work-categories: [labour, services]\n").Program!;

        var written = PlanWriter.Write(program);
        var again = PlanReader.Read(written, "again.tl.yaml");

        written.ShouldContain("earned-value:\n  work-categories: [labour, services]\n");
        again.Diagnostics.ShouldBeEmpty();
        again.Program!.EarnedValue.ShouldBe(program.EarnedValue);
        PlanWriter.Write(again.Program).ShouldBe(written);
        PlanWriter.Write(program with { EarnedValue = EarnedValueSettings.Default }).ShouldNotContain("earned-value");
    }
}
