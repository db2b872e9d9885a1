using System.Globalization;

namespace Throughline.Interop.Tests.Mspdi;

/// <summary>Small MSPDI documents written inline for tests of one rule at a time.</summary>
internal static class MspdiXml
{
    public static string Project(string tasks, string calendars = "", string header = "") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <Project xmlns="http://schemas.microsoft.com/project">
          <Name>inline.xml</Name>
          <StartDate>2025-01-06T08:00:00</StartDate>
          <CalendarUID>1</CalendarUID>
          {header}
          <Calendars>
            <Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar>{calendars}</Calendar>
          </Calendars>
          <Tasks>
            <Task><UID>0</UID><ID>0</ID><OutlineLevel>0</OutlineLevel><Summary>1</Summary></Task>
        {tasks}
          </Tasks>
        </Project>
        """;

    public static string Task(int uid, string name, string extra = "") => string.Create(
        CultureInfo.InvariantCulture,
        $"<Task><UID>{uid}</UID><ID>{uid}</ID><Name>{name}</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration>{extra}</Task>\n");

    public static string Link(int predecessor, int type, long lag, int format) => string.Create(
        CultureInfo.InvariantCulture,
        $"<PredecessorLink><PredecessorUID>{predecessor}</PredecessorUID><Type>{type}</Type><LinkLag>{lag}</LinkLag><LagFormat>{format}</LagFormat></PredecessorLink>");
}
