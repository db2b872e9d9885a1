using System.Xml.Linq;
using Throughline.Domain;
using Throughline.Domain.Calendars;
using Throughline.Interop.Mspdi;

namespace Throughline.Interop.Tests.Mspdi;

/// <summary>Calendars: weeks, bases, and exceptions in both the 2003 (DayType 0) and 2007+ (recurring) forms.</summary>
public sealed class MspdiCalendarTests
{
    private const string Day = "08:00-12:00,13:00-17:00";

    [Fact]
    public void Base_calendars_and_resource_calendars_derived_from_them()
    {
        var program = MspdiCorpus.Read("calendar-calendars-project2013-mspdi.xml").Program;

        ProgramShape.Calendars(program).ShouldBe(
        [
            $"cal1 Standard base= week=[off | {Day} | {Day} | {Day} | {Day} | {Day} | off] exceptions=[]",
            $"cal3 Calendar1 base= week=[off | {Day} | {Day} | {Day} | {Day} | {Day} | off] exceptions=[]",
            $"cal4 Calendar2 base= week=[off | {Day} | {Day} | {Day} | {Day} | {Day} | off] exceptions=[]",
            $"cal5 Resource One base=cal1 week=[off | {Day} | {Day} | {Day} | {Day} | {Day} | off] exceptions=[]",
            $"cal6 Resource Two base=cal1 week=[off | {Day} | {Day} | {Day} | {Day} | {Day} | off] exceptions=[]",
        ]);
        program.People.Select(p => p.Calendar?.Value).ShouldBe(["cal5", "cal6"]);
    }

    [Fact]
    public void Working_times_that_run_to_midnight_end_at_minute_1440()
    {
        var night = MspdiCorpus.Read("sample.xml").Program.Calendars.Single(c => c.Name == "Night Shift");

        night.Week[(int)DayOfWeek.Monday].ShouldBe([new WorkingTimeRange(23 * 60, 1440)]);
        night.Week[(int)DayOfWeek.Tuesday].ShouldBe([new WorkingTimeRange(0, 180), new WorkingTimeRange(240, 480), new WorkingTimeRange(23 * 60, 1440)]);
    }

    /// <summary>
    /// Project 2007+ writes each exception with its recurrence rule and again expanded as legacy DayType 0 weekdays.
    /// The reader expands the rules itself; its dates must be exactly Project's expansion.
    /// </summary>
    [Theory]
    [InlineData("calendar-recurring-exceptions-project2007-mspdi.xml")]
    [InlineData("calendar-recurring-exceptions-project2010-mspdi.xml")]
    [InlineData("calendar-recurring-exceptions-project2013-mspdi.xml")]
    [InlineData("calendar-recurring-exceptions-project2016-mspdi.xml")]
    public void Recurring_exceptions_expand_to_the_dates_Project_wrote(string file)
    {
        var calendar = MspdiCorpus.Read(file).Program.Calendars.ShouldHaveSingleItem();

        var ours = calendar.Exceptions.SelectMany(Days).Order().ToList();

        ours.Except(LegacyDays(MspdiCorpus.PathOf(file))).ShouldBeEmpty();
        LegacyDays(MspdiCorpus.PathOf(file)).Except(ours).ShouldBeEmpty();
        ours.Distinct().Count().ShouldBe(140);
        calendar.Exceptions.Where(e => !e.IsNonWorking).Select(e => e.From.ToString("yyyy-MM-dd", null)).ShouldBe(["2010-01-02", "2010-02-06", "2010-03-06"]);
        calendar.Exceptions.First(e => e.Name == "Monthly Relative 1").From.ShouldBe(new DateOnly(2002, 1, 7));
    }

    [Fact]
    public void Project_2003_exceptions_are_read_from_DayType_0_weekdays()
    {
        var calendar = MspdiCorpus.Read("caltest.xml").Program.Calendars.Where(c => c.Exceptions.Count > 0).ShouldHaveSingleItem();

        var legacy = LegacyDays(MspdiCorpus.PathOf("caltest.xml"));
        calendar.Exceptions.SelectMany(Days).Order().ShouldBe(legacy);
    }

    [Fact]
    public void An_exception_with_working_hours_keeps_them()
    {
        var xml = MspdiXml.Project(
            MspdiXml.Task(1, "A"),
            calendars: """
                <WeekDays><WeekDay><DayType>0</DayType><DayWorking>1</DayWorking>
                  <TimePeriod><FromDate>2025-01-11T00:00:00</FromDate><ToDate>2025-01-12T23:59:00</ToDate></TimePeriod>
                  <WorkingTimes><WorkingTime><FromTime>09:00:00</FromTime><ToTime>13:00:00</ToTime></WorkingTime></WorkingTimes>
                </WeekDay></WeekDays>
                """);

        var calendar = MspdiReader.ReadString(xml).Document.ShouldNotBeNull().Program.Calendars.ShouldHaveSingleItem();

        ProgramShape.Exception(calendar.Exceptions.ShouldHaveSingleItem()).ShouldBe("2025-01-11..2025-01-12  09:00-13:00");
        calendar.Week[(int)DayOfWeek.Wednesday].ShouldBe([WorkingTimeRange.FromHours(8, 12), WorkingTimeRange.FromHours(13, 17)]);
    }

    private static IEnumerable<(DateOnly, bool)> Days(CalendarException e) =>
        Enumerable.Range(0, e.To.DayNumber - e.From.DayNumber + 1).Select(i => (e.From.AddDays(i), !e.IsNonWorking));

    /// <summary>The legacy expansion, read straight from the XML without the reader.</summary>
    private static List<(DateOnly, bool)> LegacyDays(string path)
    {
        XNamespace ns = "http://schemas.microsoft.com/project";
        return XDocument.Load(path).Descendants(ns + "WeekDay")
            .Where(w => w.Element(ns + "DayType")?.Value == "0")
            .SelectMany(w =>
            {
                var from = DateOnly.FromDateTime(DateTime.Parse(w.Element(ns + "TimePeriod")!.Element(ns + "FromDate")!.Value, System.Globalization.CultureInfo.InvariantCulture));
                var to = DateOnly.FromDateTime(DateTime.Parse(w.Element(ns + "TimePeriod")!.Element(ns + "ToDate")!.Value, System.Globalization.CultureInfo.InvariantCulture));
                var working = w.Element(ns + "DayWorking")?.Value == "1";
                return Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(i => (from.AddDays(i), working));
            })
            .Order()
            .ToList();
    }
}
