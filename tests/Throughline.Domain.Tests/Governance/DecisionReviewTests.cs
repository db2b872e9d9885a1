using Throughline.Domain;
using Throughline.Domain.Governance;

namespace Throughline.Domain.Tests.Governance;

public class DecisionReviewTests
{
    private static readonly DateOnly StatusDate = new(2027, 3, 15);
    private static readonly WorkItemId Critical = new("critical-work");
    private static readonly WorkItemId Floating = new("floating-work");

    private static Program ProgramWith(params Decision[] decisions) => new(new ProgramId("x"), "X", new DateOnly(2027, 1, 4))
    {
        EscalationPath = [new EscalationLevel(1, "TPM") { ResponseHours = 24 }, new EscalationLevel(2, "Steering") { ResponseHours = 120 }],
        WorkItems =
        [
            new WorkItem(Critical, "Critical", new ProjectId("p")),
            new WorkItem(Floating, "Floating", new ProjectId("p")) { WaitsOn = [new DecisionId("waited-on")] },
        ],
        Decisions = decisions,
    };

    [Fact]
    public void An_overdue_decision_blocking_critical_work_is_escalated_by_its_days_overdue()
    {
        var decision = new Decision(new DecisionId("d"), "Which engine?") { Due = StatusDate.AddDays(-3), Blocks = [Critical] };

        var finding = DecisionReview.Review(ProgramWith(decision), StatusDate, new HashSet<WorkItemId> { Critical }).ShouldHaveSingleItem();

        finding.DaysOverdue.ShouldBe(3);
        finding.BlocksCritical.ShouldBe([Critical]);
        finding.EscalatedTo!.Name.ShouldBe("Steering");
    }

    [Fact]
    public void An_overdue_decision_blocking_only_work_with_slack_is_overdue_but_not_escalated()
    {
        var decision = new Decision(new DecisionId("waited-on"), "Which region?") { Due = StatusDate.AddDays(-3) };

        var finding = DecisionReview.Review(ProgramWith(decision), StatusDate, new HashSet<WorkItemId> { Critical }).ShouldHaveSingleItem();

        finding.IsOverdue.ShouldBeTrue();
        finding.Blocks.ShouldBe([Floating]);
        finding.EscalatedTo.ShouldBeNull();
    }

    [Theory]
    [InlineData(DecisionStatus.Decided)]
    [InlineData(DecisionStatus.Deferred)]
    [InlineData(DecisionStatus.Cancelled)]
    public void Only_open_decisions_can_be_overdue(DecisionStatus status)
    {
        var decision = new Decision(new DecisionId("d"), "Which engine?") { Due = StatusDate.AddDays(-30), Blocks = [Critical], Status = status };

        var finding = DecisionReview.Review(ProgramWith(decision), StatusDate, new HashSet<WorkItemId> { Critical }).ShouldHaveSingleItem();

        finding.IsOverdue.ShouldBeFalse();
        finding.EscalatedTo.ShouldBeNull();
    }

    [Fact]
    public void A_decision_due_on_the_status_date_is_not_yet_overdue()
    {
        var decision = new Decision(new DecisionId("d"), "Which engine?") { Due = StatusDate, Blocks = [Critical] };

        DecisionReview.Review(ProgramWith(decision), StatusDate, new HashSet<WorkItemId> { Critical }).ShouldHaveSingleItem().IsOverdue.ShouldBeFalse();
    }
}
