using Throughline.Domain;
using Throughline.Interop.Mspdi;
using Throughline.Scheduling;

namespace Throughline.Interop.Tests.Mspdi;

/// <summary>Split tasks and the ignore-resource-calendar flag: what the schedule needs beyond the domain model.</summary>
public sealed class MspdiSplitTests
{
    private static readonly WorkItemId T1 = new("t1");
    private static readonly WorkItemId T2 = new("t2");

    // Three days of work from Monday 2025-01-06, with no work written for Wednesday: a split.
    private static readonly string Assignments = """
        <Assignments>
          <Assignment><UID>1</UID><TaskUID>1</TaskUID><ResourceUID>-65535</ResourceUID>
            <TimephasedData><Type>1</Type><UID>1</UID><Start>2025-01-06T08:00:00</Start><Finish>2025-01-07T08:00:00</Finish><Unit>2</Unit><Value>PT8H0M0S</Value></TimephasedData>
            <TimephasedData><Type>1</Type><UID>1</UID><Start>2025-01-06T09:00:00</Start><Finish>2025-01-06T09:01:00</Finish><Unit>0</Unit><Value>PT0H0M0S</Value></TimephasedData>
            <TimephasedData><Type>1</Type><UID>1</UID><Start>2025-01-07T08:00:00</Start><Finish>2025-01-08T08:00:00</Finish><Unit>2</Unit><Value>PT8H0M0S</Value></TimephasedData>
            <TimephasedData><Type>1</Type><UID>1</UID><Start>2025-01-08T08:00:00</Start><Finish>2025-01-09T08:00:00</Finish><Unit>2</Unit><Value>PT0H0M0S</Value></TimephasedData>
            <TimephasedData><Type>1</Type><UID>1</UID><Start>2025-01-09T08:00:00</Start><Finish>2025-01-09T17:00:00</Finish><Unit>2</Unit><Value>PT8H0M0S</Value></TimephasedData>
            <TimephasedData><Type>1</Type><UID>1</UID><Start>2025-01-09T17:00:00</Start><Finish>2025-01-10T17:00:00</Finish><Unit>2</Unit><Value>PT0H0M0S</Value></TimephasedData>
          </Assignment>
        </Assignments>
        """;

    [Fact]
    public void A_day_without_work_between_worked_days_is_read_as_a_split_and_delays_the_finish()
    {
        var xml = MspdiXml.Project(
            "<Task><UID>1</UID><ID>1</ID><Name>Split</Name><OutlineLevel>1</OutlineLevel><Duration>PT24H0M0S</Duration></Task>\n" + MspdiXml.Task(2, "Plain"),
            header: Assignments);
        var document = MspdiReader.ReadString(xml).Document.ShouldNotBeNull();

        // The minute-long zero (a contour's rounding) and the zero after the last work are not splits.
        document.Splits[T1].ShouldBe([new SplitPeriod(new DateTime(2025, 1, 8, 8, 0, 0), new DateTime(2025, 1, 9, 8, 0, 0))]);
        document.Splits.ContainsKey(T2).ShouldBeFalse();

        var schedule = ProgramScheduler.Schedule(document.Program, MspdiFidelity.ScheduleOptions(document));
        schedule[T1].Finish.ShouldBe(new DateTime(2025, 1, 9, 17, 0, 0));
        schedule[T2].Finish.ShouldBe(new DateTime(2025, 1, 6, 17, 0, 0));
    }

    [Fact]
    public void The_ignore_resource_calendar_flag_is_read_per_task()
    {
        var xml = MspdiXml.Project(
            MspdiXml.Task(1, "Flagged", "<IgnoreResourceCalendar>1</IgnoreResourceCalendar>") + MspdiXml.Task(2, "Not flagged", "<IgnoreResourceCalendar>0</IgnoreResourceCalendar>"));
        var document = MspdiReader.ReadString(xml).Document.ShouldNotBeNull();

        document.IgnoreResourceCalendar.ShouldBe(new HashSet<WorkItemId> { T1 });
        MspdiFidelity.ScheduleOptions(document).IgnoreResourceCalendars.ShouldContain(T1);
    }
}
