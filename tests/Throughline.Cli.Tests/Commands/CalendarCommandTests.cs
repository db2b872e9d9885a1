using System.Text;
using Throughline.Testing;

namespace Throughline.Cli.Tests.Commands;

public class CalendarCommandTests
{
    private static readonly string MainExample = Path.Combine(RepoPaths.Examples, "cloud-migration.tl.yaml");

    [Fact]
    public void Writes_an_icalendar_to_standard_output()
    {
        var (exitCode, output, _) = TlRunner.Run("calendar", MainExample);

        exitCode.ShouldBe(0);
        output.ShouldStartWith("BEGIN:VCALENDAR\r\n");
        output.ShouldEndWith("END:VCALENDAR\r\n");
        output.ShouldContain("\r\nUID:forum-weekly-review@skyline.throughline\r\n");
        output.ShouldContain("\r\nRRULE:FREQ=WEEKLY;BYDAY=TU\r\n");
        output.ShouldContain("\r\nRRULE:FREQ=MONTHLY;BYDAY=1TH\r\n");
        output.ShouldContain("\r\nSUMMARY:Milestone: ");
        output.Split("\r\n").ShouldAllBe(line => Encoding.UTF8.GetByteCount(line) <= 75);
    }

    [Fact]
    public void Writes_the_same_calendar_to_a_file_with_out()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tl-calendar-{Guid.NewGuid():N}.ics");
        try
        {
            var (exitCode, output, _) = TlRunner.Run("calendar", MainExample, "--out", path);

            exitCode.ShouldBe(0);
            output.ShouldBeEmpty();
            var bytes = File.ReadAllBytes(path);
            bytes[0].ShouldBe((byte)'B');
            var text = Encoding.UTF8.GetString(bytes);
            text.ShouldStartWith("BEGIN:VCALENDAR\r\nPRODID:");
            text.ShouldEndWith("END:VCALENDAR\r\n");
            text.ShouldContain("X-WR-CALNAME:");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_file_is_an_error()
    {
        var (exitCode, _, _) = TlRunner.Run("calendar", Path.Combine(RepoPaths.Examples, "does-not-exist.tl.yaml"));

        exitCode.ShouldNotBe(0);
    }
}
