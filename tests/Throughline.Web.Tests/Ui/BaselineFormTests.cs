using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Throughline.Web.Tests.Ui;

/// <summary>
/// The dashboard's "Take a baseline" form through the real host without a browser: it posts like a browser does (the
/// form's own fields, its anti-forgery token among them), and what it stores is seen through the API.
/// </summary>
public sealed class BaselineFormTests
{
    [Fact]
    public async Task An_editor_takes_a_baseline_from_the_dashboard_and_the_api_lists_it()
    {
        await using var database = await ServerDatabase.CreateAsync("sqlite");
        await using var server = new ThroughlineServer(database);
        var owner = await server.AdminAsync();
        var program = await owner.CreateProgramAsync();
        var editor = await server.AsEditorAsync(owner, program);
        var session = await server.SignInAsync(editor.UserName, ThroughlineServer.UserPassword);
        var dashboard = $"/programs/{program}?view=tpm";

        var before = await PageAsync(session, dashboard);
        var form = BaselineForm(before).ShouldNotBeNull();
        form.QuerySelector("label[for=baseline-name]")!.TextContent.ShouldBe("Baseline name");
        form.QuerySelector("button[type=submit]")!.TextContent.ShouldBe("Take a baseline");
        before.QuerySelectorAll("[role=status]").ShouldAllBe(e => !e.TextContent.Contains("taken", StringComparison.Ordinal));

        var posted = await PostAsync(session, dashboard, form, "  review-1 ");

        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await PageAsync(session, posted.Headers.Location!.ToString());
        after.QuerySelectorAll("[role=status]").Select(e => e.TextContent).ShouldContain(t => t.StartsWith("Baseline 'review-1' taken", StringComparison.Ordinal));
        after.QuerySelector("#h-changes")!.ParentElement!.TextContent.ShouldContain("Nothing moved since baseline review-1");
        var baselines = await ListAsync(owner, program);
        baselines.Count.ShouldBe(1);
        baselines[0]!["name"]!.ToString().ShouldBe("review-1");
        baselines[0]!["takenBy"]!.ToString().ShouldBe(editor.UserName);
    }

    [Theory]
    [InlineData("review-1", "The baseline was not taken: there is already a baseline 'review-1'.")]
    [InlineData("   ", "Give the baseline a name of 1 to 200 characters, other than 'now'.")]
    [InlineData("now", "Give the baseline a name of 1 to 200 characters, other than 'now'.")]
    public async Task A_duplicate_or_invalid_name_shows_why_beside_the_field_and_stores_nothing(string name, string message)
    {
        await using var database = await ServerDatabase.CreateAsync("sqlite");
        await using var server = new ThroughlineServer(database);
        var owner = await server.AdminAsync();
        var program = await owner.CreateProgramAsync();
        (await owner.Http.PostAsJsonAsync($"/api/programs/{program}/baselines", new { name = "review-1" }, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var dashboard = $"/programs/{program}?view=tpm";

        var posted = await PostAsync(owner, dashboard, BaselineForm(await PageAsync(owner, dashboard)).ShouldNotBeNull(), name);

        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await ParseAsync(posted);
        var input = (IHtmlInputElement)BaselineForm(page).ShouldNotBeNull().QuerySelector("#baseline-name")!;
        input.GetAttribute("aria-invalid").ShouldBe("true");
        input.GetAttribute("aria-describedby")!.Split(' ').ShouldContain("baseline-name-error");
        input.Value.ShouldBe(name);
        var error = page.QuerySelector("#baseline-name-error")!;
        error.GetAttribute("role").ShouldBe("alert");
        error.TextContent.ShouldBe(message);
        page.QuerySelectorAll("[role=status]").ShouldAllBe(e => !e.TextContent.Contains("taken", StringComparison.Ordinal));
        (await ListAsync(owner, program)).Select(b => b!["name"]!.ToString()).ShouldBe(["review-1"]);
    }

    [Fact]
    public async Task A_viewer_sees_no_form_and_a_forged_post_is_refused_and_stores_nothing()
    {
        await using var database = await ServerDatabase.CreateAsync("sqlite");
        await using var server = new ThroughlineServer(database);
        var owner = await server.AdminAsync();
        var program = await owner.CreateProgramAsync();
        var viewer = await server.AsViewerAsync(owner, program);
        var session = await server.SignInAsync(viewer.UserName, ThroughlineServer.UserPassword);
        var dashboard = $"/programs/{program}?view=tpm";

        var page = await PageAsync(session, dashboard);
        BaselineForm(page).ShouldBeNull();
        page.QuerySelector("#baseline-name").ShouldBeNull();
        page.QuerySelector("#h-changes")!.ParentElement!.TextContent.ShouldContain("an editor or owner takes one on this page");

        // The form a viewer is not shown, posted anyway with the page's own anti-forgery token (the sign-out form's).
        // The framework refuses a post to a form the page did not render with a plain 400 before any handler runs,
        // as it does for the import form, which a viewer is not shown either.
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var forged = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "baseline",
            ["BaselineName"] = "sneaky",
        });
        var posted = await session.Http.PostAsync(dashboard, forged, TestContext.Current.CancellationToken);

        posted.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await posted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("no form on the page");
        (await ListAsync(owner, program)).ShouldBeEmpty();
    }

    private static async Task<IDocument> PageAsync(ApiClient client, string path)
    {
        var response = await client.Http.GetAsync(path, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await ParseAsync(response);
    }

    private static async Task<IDocument> ParseAsync(HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);

    private static IHtmlFormElement? BaselineForm(IDocument page) =>
        page.QuerySelector("input[name=_handler][value=baseline]")?.Closest("form") as IHtmlFormElement;

    /// <summary>Submits the form as a browser would: every named field of it as rendered, with the name typed in.</summary>
    private static async Task<HttpResponseMessage> PostAsync(ApiClient client, string path, IHtmlFormElement form, string name)
    {
        var fields = form.QuerySelectorAll("input[name]").Cast<IHtmlInputElement>().ToDictionary(i => i.Name!, i => i.Value);
        fields["BaselineName"] = name;
        using var content = new FormUrlEncodedContent(fields);
        return await client.Http.PostAsync(path, content, TestContext.Current.CancellationToken);
    }

    private static async Task<JsonArray> ListAsync(ApiClient client, string program)
    {
        var response = await client.Http.GetAsync($"/api/programs/{program}/baselines", TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonArray>(TestContext.Current.CancellationToken))!;
    }
}
