using System.Text;
using Throughline.Domain.Diagnostics;
using Throughline.Interop.Mspdi;

namespace Throughline.Interop.Tests.Mspdi;

/// <summary>Malformed or hostile input is refused with a located diagnostic, within a counted bound, and never with an exception.</summary>
public sealed class MspdiHostileInputTests
{
    [Fact]
    public void Entity_expansion_is_refused_before_it_expands()
    {
        const string laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE Project [
              <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
              <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
              <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
              <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
              <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
              <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
            ]>
            <Project xmlns="http://schemas.microsoft.com/project"><Name>&f;</Name></Project>
            """;
        var result = MspdiReader.ReadString(laughs, "laughs.xml");

        // Refused at the DTD, so the 67-million-character name was never built (no clock: CONTRIBUTING rule 6).
        var error = Refused(result, DiagnosticCodes.UnsafeXml);
        // .NET raises the DTD refusal without a position, so the location is the file's start.
        error.ToString().ShouldStartWith("laughs.xml:1:1: error TL1402: the file declares a DTD");
    }

    [Fact]
    public void External_entities_are_refused_without_being_fetched()
    {
        const string xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE Project [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <Project xmlns="http://schemas.microsoft.com/project"><Name>&secret;</Name></Project>
            """;

        Refused(MspdiReader.ReadString(xxe), DiagnosticCodes.UnsafeXml);
    }

    [Fact]
    public void A_truncated_file_is_a_syntax_error_at_the_point_it_stops()
    {
        var text = File.ReadAllText(MspdiCorpus.PathOf("task-links-project2013-mspdi.xml"));
        var cut = text[..(text.Length / 2)];

        var error = Refused(MspdiReader.ReadString(cut, "cut.xml"), DiagnosticCodes.Syntax);

        error.Location!.Line.ShouldBe(cut.Count(c => c == '\n') + 1);
        error.Message.ShouldStartWith("not well-formed XML: ");
    }

    [Fact]
    public void No_truncation_of_a_real_file_throws()
    {
        var text = File.ReadAllText(MspdiCorpus.PathOf("sample.xml"));

        for (var length = 0; length < text.Length; length += 997)
        {
            var result = MspdiReader.ReadString(text[..length], "cut.xml");
            result.Succeeded.ShouldBeFalse($"cut at {length}");
            result.Diagnostics.ShouldContain(d => d.IsError && d.Location != null);
        }
    }

    [Theory]
    [InlineData("<html><body/></html>", "root element is <html>")]
    [InlineData("<Project xmlns=\"urn:other\"/>", "<Project xmlns=\"urn:other\">")]
    [InlineData("<?xml version=\"1.0\"?><APIBusinessObjects xmlns=\"http://xmlns.oracle.com/Primavera/P6/V8.3/API/BusinessObjects\"/>", "APIBusinessObjects")]
    public void Other_XML_is_not_taken_for_MSPDI(string xml, string said)
    {
        Refused(MspdiReader.ReadString(xml), DiagnosticCodes.NotMspdi).Message.ShouldContain(said);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not xml at all")]
    [InlineData("\0\u0001\u0002binary")]
    public void Empty_or_non_XML_input_is_a_syntax_error(string text)
    {
        Refused(MspdiReader.ReadString(text), DiagnosticCodes.Syntax);
    }

    [Fact]
    public void Binary_bytes_are_a_syntax_error()
    {
        var bytes = Enumerable.Range(0, 4096).Select(i => (byte)((i * 7919) % 256)).ToArray();
        using var stream = new MemoryStream(bytes);

        MspdiReader.Read(stream, "noise.bin").Succeeded.ShouldBeFalse();
    }

    [Fact]
    public void A_bad_date_is_refused_with_its_location()
    {
        var xml = MspdiXml.Project(MspdiXml.Task(1, "A", "<ConstraintType>4</ConstraintType><ConstraintDate>2014-13-45T08:00:00</ConstraintDate>"));

        var error = Refused(MspdiReader.ReadString(xml, "dates.xml"), DiagnosticCodes.InvalidDate);

        error.Message.ShouldContain("2014-13-45T08:00:00");
        error.Location!.Line.ShouldBe(xml.Split('\n').ToList().FindIndex(l => l.Contains("2014-13-45", StringComparison.Ordinal)) + 1);
    }

    [Fact]
    public void A_date_outside_Microsoft_Projects_range_is_refused()
    {
        var xml = MspdiXml.Project(MspdiXml.Task(1, "A", "<ActualStart>1900-01-01T08:00:00</ActualStart>"));

        Refused(MspdiReader.ReadString(xml), DiagnosticCodes.InvalidDate).Message.ShouldContain("outside");
    }

    [Fact]
    public void An_unknown_link_type_is_refused()
    {
        var xml = MspdiXml.Project(MspdiXml.Task(1, "A") + MspdiXml.Task(2, "B", MspdiXml.Link(1, type: 7, lag: 0, format: 7)));

        Refused(MspdiReader.ReadString(xml), DiagnosticCodes.InvalidValue).Message.ShouldContain("unknown <Type> 7");
    }

    [Fact]
    public void An_unknown_constraint_type_is_refused()
    {
        var xml = MspdiXml.Project(MspdiXml.Task(1, "A", "<ConstraintType>12</ConstraintType>"));

        Refused(MspdiReader.ReadString(xml), DiagnosticCodes.InvalidValue).Message.ShouldContain("<ConstraintType> 12");
    }

    [Theory]
    [InlineData("<Duration>eight hours</Duration>")]
    [InlineData("<Duration>-PT8H0M0S</Duration>")]
    [InlineData("<Duration>PT99999999999H0M0S</Duration>")]
    public void A_bad_duration_is_refused(string duration)
    {
        var xml = MspdiXml.Project($"<Task><UID>1</UID><Name>A</Name><OutlineLevel>1</OutlineLevel>{duration}</Task>");

        Refused(MspdiReader.ReadString(xml), DiagnosticCodes.InvalidDuration);
    }

    [Fact]
    public void A_task_UID_used_twice_is_refused()
    {
        var xml = MspdiXml.Project(MspdiXml.Task(1, "A") + MspdiXml.Task(1, "B"));

        Refused(MspdiReader.ReadString(xml), DiagnosticCodes.DuplicateId);
    }

    [Fact]
    public void A_task_without_a_UID_is_refused()
    {
        var xml = MspdiXml.Project("<Task><Name>A</Name><OutlineLevel>1</OutlineLevel></Task>");

        Refused(MspdiReader.ReadString(xml), DiagnosticCodes.MissingField);
    }

    [Fact]
    public void A_document_over_the_size_limit_is_refused()
    {
        var xml = MspdiXml.Project(string.Concat(Enumerable.Range(1, 200).Select(i => MspdiXml.Task(i, "Task " + i))));

        var result = MspdiReader.ReadString(xml, "big.xml", new MspdiReadOptions { MaxCharactersInDocument = 2000 });

        Refused(result, DiagnosticCodes.UnsafeXml).Message.ShouldContain("2,000-character limit");
    }

    [Fact]
    public void A_missing_file_is_an_error_not_an_exception()
    {
        var error = Refused(MspdiReader.ReadFile(Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid(), "x.xml")), DiagnosticCodes.Syntax);

        error.Message.ShouldStartWith("cannot read ");
    }

    [Fact]
    public void Recurrences_with_degenerate_rules_finish()
    {
        var calendar = """
            <Exceptions>
              <Exception><TimePeriod><FromDate>1984-01-01T00:00:00</FromDate><ToDate>2149-12-31T23:59:00</ToDate></TimePeriod>
                <Name>every day</Name><Type>7</Type><Period>0</Period><DayWorking>0</DayWorking></Exception>
              <Exception><TimePeriod><FromDate>1984-01-01T00:00:00</FromDate><ToDate>2149-12-31T23:59:00</ToDate></TimePeriod>
                <Name>every weekday</Name><Type>6</Type><Period>-3</Period><DaysOfWeek>127</DaysOfWeek><DayWorking>0</DayWorking></Exception>
              <Exception><TimePeriod><FromDate>1984-01-01T00:00:00</FromDate><ToDate>2149-12-31T23:59:00</ToDate></TimePeriod>
                <Name>nonsense</Name><Type>5</Type><Period>1</Period><MonthItem>42</MonthItem><MonthPosition>9</MonthPosition><DayWorking>0</DayWorking></Exception>
            </Exceptions>
            """;
        var result = MspdiReader.ReadString(MspdiXml.Project(MspdiXml.Task(1, "A"), calendars: calendar));

        // The work is bounded by count, not by a clock: at most one exception per day of the 1984-2149 range per rule.
        var exceptions = result.Document.ShouldNotBeNull().Program.Calendars.Single().Exceptions;
        var days = new DateOnly(2149, 12, 31).DayNumber - new DateOnly(1984, 1, 1).DayNumber + 1;
        exceptions.Count.ShouldBeLessThanOrEqualTo(days + 1);
        exceptions.Count(e => e.Name == "every day").ShouldBe(1);
        exceptions.Count(e => e.Name == "every weekday").ShouldBe(new DateOnly(2149, 12, 31).DayNumber - new DateOnly(1984, 1, 1).DayNumber + 1);
        result.Diagnostics.ShouldContain(d => d.Message.Contains("\"nonsense\" covers no date", StringComparison.Ordinal));
    }

    [Fact]
    public void Input_in_another_encoding_is_read_by_its_declaration()
    {
        var xml = MspdiXml.Project(MspdiXml.Task(1, "Café")).Replace("UTF-8", "ISO-8859-1", StringComparison.Ordinal);
        using var stream = new MemoryStream(Encoding.Latin1.GetBytes(xml));

        MspdiReader.Read(stream, "latin1.xml").Document.ShouldNotBeNull().Program.WorkItems.Single().Name.ShouldBe("Café");
    }

    private static Diagnostic Refused(MspdiReadResult result, string code)
    {
        result.Document.ShouldBeNull();
        var error = result.Diagnostics.FirstOrDefault(d => d.IsError && d.Code == code);
        return error.ShouldNotBeNull($"no {code} error among: {string.Join(Environment.NewLine, result.Diagnostics)}");
    }
}
