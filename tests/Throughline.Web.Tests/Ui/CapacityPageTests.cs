using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Throughline.Web.Tests.Ui;

/// <summary>The capacity page counts each week's working time on the people's and teams' calendars.</summary>
public sealed class CapacityPageTests
{
    // One person in a one-person team, working three weeks from Monday 1 March 2027 on a calendar with a holiday on
    // Wednesday 10 March; the scheduler skips the holiday, so the work ends on Monday 22 March. The person is on leave
    // on Wednesday 17 March, which the scheduler does not plan around.
    private const string Plan = """
        program:
          id: {0}
          name: Holiday program
          start: 2027-03-01
          status-date: 2027-02-26
          calendar: office
        calendars:
          - id: office
            name: Office
            holidays:
              - {{ date: 2027-03-10, name: Founders' Day }}
        teams:
          - {{ id: solo, name: Solo team }}
        people:
          - {{ id: p-dee, name: Dee, role: engineer, team: solo, leave: [{{ from: 2027-03-17 }}] }}
        projects:
          - id: app
            name: App
            team: solo
            items:
              - {{ id: build, name: Build, estimate: 15d, people: [p-dee] }}
        """;

    [Fact]
    public async Task A_weekday_holiday_or_day_of_leave_leaves_four_fifths_of_a_week_and_is_named_and_work_planned_in_leave_is_over()
    {
        await using var database = await ServerDatabase.CreateAsync("sqlite");
        await using var server = new ThroughlineServer(database);
        var owner = await server.AdminAsync();
        var program = "p" + Guid.NewGuid().ToString("N")[..10];
        var import = await owner.Http.PostAsync("/api/programs/import", new StringContent(string.Format(System.Globalization.CultureInfo.InvariantCulture, Plan, program), Encoding.UTF8, "application/yaml"), TestContext.Current.CancellationToken);
        import.StatusCode.ShouldBe(HttpStatusCode.Created, await import.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var response = await owner.Http.GetAsync($"/programs/{program}/capacity", TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);

        foreach (var (table, row) in new[] { ("h-person-load", "Dee"), ("h-team-load", "Solo team") })
        {
            var weeks = Weeks(page, table, row);
            weeks.Keys.Take(4).ShouldBe(["1 Mar", "8 Mar", "15 Mar", "22 Mar"]);

            // A normal week: 40 h asked of 40 h, no capacity note.
            weeks["1 Mar"].GetAttribute("title").ShouldBe("40 h of 40 h available");
            weeks["1 Mar"].TextContent.Trim().ShouldBe("40");

            // The holiday week: four working days, so 32 h of capacity and 32 h of work, not an overload.
            weeks["8 Mar"].GetAttribute("title").ShouldBe("32 h of 32 h available (Founders' Day)");
            weeks["8 Mar"].TextContent.Trim().ShouldBe("32 of 32 h");
            weeks["8 Mar"].ClassList.ShouldNotContain("over");
            weeks["22 Mar"].TextContent.Trim().ShouldBe("8");

            // A day of leave also leaves 32 h, but the work planned in it is still asked for: an overload.
            weeks["15 Mar"].GetAttribute("title").ShouldBe($"40 h of 32 h available ({(row == "Dee" ? "leave" : "Dee on leave")})");
            weeks["15 Mar"].ClassList.ShouldContain("over");
        }

        var note = page.GetElementById("h-person-load")!.ParentElement!.QuerySelector("p")!;
        note.TextContent.ShouldContain("8 Mar: Founders' Day; 15 Mar: Dee on leave");
    }

    /// <summary>The week cells of one row of a load table, by the week's column heading ("8 Mar").</summary>
    private static Dictionary<string, IElement> Weeks(IDocument page, string headingId, string rowName)
    {
        var table = page.GetElementById(headingId)!.ParentElement!.QuerySelector("table")!;
        var headings = table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).ToList();
        var row = table.QuerySelectorAll("tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent.Trim().StartsWith(rowName, StringComparison.Ordinal));
        var cells = row.QuerySelectorAll("td").ToList();

        // The row's heading is the first column; its cells follow the headings after it (Available, KTLO, weeks).
        return headings.Skip(3).Select((week, i) => (week, cell: cells[i + 2])).ToDictionary(p => p.week, p => p.cell);
    }
}
