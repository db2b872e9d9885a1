using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Throughline.Web.Tests;

public sealed class HistoryTests
{
    [Theory]
    [MemberData(nameof(ServerDatabase.Providers), MemberType = typeof(ServerDatabase))]
    public async Task Every_change_is_recorded_with_who_and_the_values_before_and_after(string provider)
    {
        await using var database = await ServerDatabase.CreateAsync(provider);
        await using var server = new ThroughlineServer(database);
        var owner = await server.CreateUserAsync();
        var program = await owner.CreateProgramAsync();
        var editor = await server.AsEditorAsync(owner, program);
        var (risk, etag) = await editor.ReadAsync($"/api/programs/{program}/risks/r-late");
        risk["probability"] = "60%";

        (await editor.PutAsync($"/api/programs/{program}/risks/r-late", risk, etag)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var history = await owner.Http.GetFromJsonAsync<JsonArray>($"/api/programs/{program}/history?type=risks&id=r-late", TestContext.Current.CancellationToken);

        var change = history!.Single()!;
        change["user"]!.ToString().ShouldBe(editor.UserName);
        change["action"]!.ToString().ShouldBe("updated");
        change["before"]!["probability"]!.ToString().ShouldBe("30%");
        change["after"]!["probability"]!.ToString().ShouldBe("60%");
    }

    [Theory]
    [MemberData(nameof(ServerDatabase.Providers), MemberType = typeof(ServerDatabase))]
    public async Task A_baseline_compared_with_now_shows_what_slipped_what_was_added_and_removed_and_who_changed(string provider)
    {
        await using var database = await ServerDatabase.CreateAsync(provider);
        await using var server = new ThroughlineServer(database);
        var owner = await server.CreateUserAsync();
        var program = await owner.CreateProgramAsync();
        (await owner.Http.PostAsJsonAsync($"/api/programs/{program}/baselines", new { name = "review-1" }, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var (build, etag) = await owner.ReadAsync($"/api/programs/{program}/work-items/build");
        build["estimate"] = "10d";
        build["people"] = new JsonArray("p-ana");
        (await owner.PutAsync($"/api/programs/{program}/work-items/build", build, etag)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await owner.Http.PostAsJsonAsync($"/api/programs/{program}/work-items", new { id = "qa", name = "QA", project = "ops", estimate = "1d" }, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var comparison = await owner.GetJsonAsync($"/api/programs/{program}/baselines/compare?from=review-1");

        var launch = comparison["milestonesMoved"]!.AsArray().Single(m => m!["id"]!.ToString() == "launch")!;
        launch["workingDays"]!.GetValue<double>().ShouldBe(5);
        comparison["slipped"]!.AsArray().Select(m => m!["id"]!.ToString()).ShouldBe(["build", "launch"], ignoreOrder: true);
        comparison["added"]!.AsArray().Select(a => a!.ToString()).ShouldBe(["qa"]);
        comparison["removed"]!.AsArray().ShouldBeEmpty();
        var owners = comparison["ownersChanged"]!.AsArray().Single()!;
        owners["id"]!.ToString().ShouldBe("build");
        owners["before"]!.ToString().ShouldBe("p-ben");
        owners["after"]!.ToString().ShouldBe("p-ana");
    }

    [Theory]
    [MemberData(nameof(ServerDatabase.Providers), MemberType = typeof(ServerDatabase))]
    public async Task Two_baselines_compare_with_each_other(string provider)
    {
        await using var database = await ServerDatabase.CreateAsync(provider);
        await using var server = new ThroughlineServer(database);
        var owner = await server.CreateUserAsync();
        var program = await owner.CreateProgramAsync();
        await owner.Http.PostAsJsonAsync($"/api/programs/{program}/baselines", new { name = "before" }, TestContext.Current.CancellationToken);
        var (design, etag) = await owner.ReadAsync($"/api/programs/{program}/work-items/design");
        (await owner.DeleteAsync($"/api/programs/{program}/dependencies/1", (await owner.ReadAsync($"/api/programs/{program}/dependencies/1")).ETag)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await owner.DeleteAsync($"/api/programs/{program}/work-items/design", etag)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await owner.Http.PostAsJsonAsync($"/api/programs/{program}/baselines", new { name = "after" }, TestContext.Current.CancellationToken);

        var comparison = await owner.GetJsonAsync($"/api/programs/{program}/baselines/compare?from=before&to=after");

        comparison["removed"]!.AsArray().Select(r => r!.ToString()).ShouldBe(["design"]);
        comparison["programFinish"]!["workingDays"]!.GetValue<double>().ShouldBe(-2);
        design["name"]!.ToString().ShouldBe("Design");
    }
}
