using System.Text.Json;
using Throughline.Domain;
using Throughline.Interop.Plan;
using Throughline.Testing;

namespace Throughline.Cli.Tests.Commands;

public sealed class DepsCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tl-deps-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Lists_every_cross_team_dependency_of_the_main_example_with_need_by_and_float()
    {
        var path = Path.Combine(RepoPaths.Examples, "cloud-migration.tl.yaml");
        var program = PlanReader.ReadFile(path).Program!;
        var items = program.WorkItems.ToDictionary(i => i.Id);
        var crossTeam = program.Dependencies.Count(d => WorkItemTeam.Of(program, items[d.Predecessor]) != WorkItemTeam.Of(program, items[d.Successor]));

        var (exitCode, output, _) = TlRunner.Run("deps", path, "--format", "json");

        exitCode.ShouldBe(0);
        var rows = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        crossTeam.ShouldBeGreaterThan(10);
        rows.Count.ShouldBe(crossTeam);
        rows.ShouldAllBe(r => r.GetProperty("providerTeam").GetString() != r.GetProperty("consumerTeam").GetString());
        rows.Select(r => DateOnly.ParseExact(r.GetProperty("needBy").GetString()!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ShouldAllBe(d => d.Year >= 2027);
        var open = rows.Where(r => r.GetProperty("status").GetString() != "done").Select(r => r.GetProperty("floatWorkingDays").GetDouble()).ToList();
        open.ShouldBe(open.Order().ToList(), "open links first, least float first");
        rows.SkipWhile(r => r.GetProperty("status").GetString() != "done").ShouldAllBe(r => r.GetProperty("status").GetString() == "done");
    }

    [Fact]
    public void An_agreed_need_by_sets_the_float_and_a_provider_past_it_is_late()
    {
        var plan = Path.Combine(_folder, "deps.tl.yaml");
        File.WriteAllText(plan, """
            program: { id: x, name: X, start: 2027-01-04 }
            teams:
              - { id: api, name: API, capacity: 40h }
              - { id: web, name: Web, capacity: 40h }
            people:
              - { id: p-ann, name: Ann Lee, role: engineer }
            projects:
              - id: p
                name: P
                items:
                  - { id: build-api, name: Build the API, estimate: 10d, team: api, owner: p-ann, link: "https://tracker.example.com/API-1" }
                  - id: use-api
                    name: Use the API
                    estimate: 5d
                    team: web
                    depends-on:
                      - { item: build-api, type: SS, lag: 2d, need-by: 2027-01-08, note: agreed at the planning review }
            """);

        var (exitCode, csv, error) = TlRunner.Run("deps", plan, "--format", "csv");

        exitCode.ShouldBe(0, error + csv);
        var lines = csv.TrimEnd().Split('\n');
        lines.Length.ShouldBe(2);
        // Released at the API's start + 2 working days (Wed 6 Jan); needed by Fri 8 Jan: 2 working days of float.
        lines[1].ShouldBe("build-api,api,p-ann,use-api,web,,SS+2d,2027-01-08,true,2,at risk,agreed at the planning review");
    }

    [Fact]
    public void Show_writes_a_cross_project_link_with_its_type_and_lag()
    {
        var (_, output, _) = TlRunner.Run("show", Path.Combine(RepoPaths.Examples, "product-launch.tl.yaml"));

        output.ShouldContain("<- be-api SS+2d");
    }
}
