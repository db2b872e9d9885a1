using Throughline.Domain;
using Throughline.Interop.Mspdi;
using Throughline.Scheduling;

namespace Throughline.Interop.Tests.Mspdi;

/// <summary>How much of a started task is done: the whole-number PercentComplete against the ActualDuration.</summary>
public sealed class MspdiProgressTests
{
    private static readonly WorkItemId T1 = new("t1");

    // 71h01m from Monday 2025-01-06 08:00, 4h27m done (PercentComplete says 6, which is 4h16m), 66h34m to go.
    private static readonly string Xml = MspdiXml.Project(
        "<Task><UID>1</UID><ID>1</ID><Name>Started</Name><OutlineLevel>1</OutlineLevel><Duration>PT71H1M0S</Duration>"
        + "<PercentComplete>6</PercentComplete><ActualStart>2025-01-06T08:00:00</ActualStart><ActualDuration>PT4H27M0S</ActualDuration>"
        + "<RemainingDuration>PT66H34M0S</RemainingDuration></Task>\n");

    [Fact]
    public void The_actual_duration_gives_the_exact_share_done_when_the_whole_percentage_does_not()
    {
        var document = MspdiReader.ReadString(Xml).Document.ShouldNotBeNull();

        document.Program.WorkItems[0].Progress.PercentComplete.ShouldBe(267 * 100.0 / 4261, 1e-9);
        var schedule = ProgramScheduler.Schedule(document.Program, MspdiFidelity.ScheduleOptions(document));
        schedule[T1].Finish.ShouldBe(new DateTime(2025, 1, 16, 16, 1, 0));
    }

    [Fact]
    public void A_share_that_is_not_a_whole_percentage_survives_export_and_import()
    {
        var first = MspdiReader.ReadString(Xml).Document.ShouldNotBeNull();
        var written = MspdiWriter.ToXml(first);

        written.Xml.ShouldContain("<ActualDuration>PT4H27M0S</ActualDuration>");
        var second = MspdiReader.ReadString(written.Xml).Document.ShouldNotBeNull();
        second.Program.WorkItems[0].Progress.PercentComplete.ShouldBe(first.Program.WorkItems[0].Progress.PercentComplete);
    }
}
