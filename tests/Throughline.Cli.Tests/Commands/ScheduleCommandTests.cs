using System.Text.Json;
using Throughline.Testing;

namespace Throughline.Cli.Tests.Commands;

public class ScheduleCommandTests
{
    private static readonly string MainExample = Path.Combine(RepoPaths.Examples, "cloud-migration.tl.yaml");

    [Fact]
    public void Json_output_follows_the_contract_for_a_plan()
    {
        var (exitCode, output, _) = TlRunner.Run("schedule", MainExample, "--format", "json");

        exitCode.ShouldBe(0);
        using var json = JsonDocument.Parse(output);
        var tasks = json.RootElement.GetProperty("tasks");
        tasks.GetArrayLength().ShouldBe(Throughline.Interop.Plan.PlanReader.ReadFile(MainExample).Program!.WorkItems.Count);
        var first = tasks[0];
        first.GetProperty("uid").ValueKind.ShouldBe(JsonValueKind.Null);
        string[] names = ["uid", "id", "name", "start", "finish", "earlyStart", "earlyFinish", "lateStart", "lateFinish", "totalSlackMinutes", "freeSlackMinutes", "critical"];
        first.EnumerateObject().Select(p => p.Name).ShouldBe(names);
        first.GetProperty("start").GetString()!.ShouldMatch(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$");
        json.RootElement.GetProperty("diagnostics").ValueKind.ShouldBe(JsonValueKind.Array);
        tasks.EnumerateArray().ShouldContain(t => t.GetProperty("critical").GetBoolean());
    }

    [Fact]
    public void Json_output_carries_the_mspdi_uid()
    {
        var file = Path.Combine(RepoPaths.RequireShared("mspdi"), "task-links-project2013-mspdi.xml");

        var (exitCode, output, _) = TlRunner.Run("schedule", file, "--format", "json");

        exitCode.ShouldBe(0);
        using var json = JsonDocument.Parse(output);
        // One row per task of the file, each with the UID the file gives it (an empty list would pass ShouldAllBe).
        var document = Throughline.Interop.Mspdi.MspdiReader.ReadFile(file).Document!;
        var uids = json.RootElement.GetProperty("tasks").EnumerateArray().Select(t => (t.GetProperty("id").GetString()!, t.GetProperty("uid").GetInt32())).ToList();
        uids.Count.ShouldBe(document.Program.WorkItems.Count);
        uids.ShouldBe(document.Program.WorkItems.Select(i => (i.Id.Value, document.TaskUids[i.Id])), ignoreOrder: true);
    }

    [Fact]
    public void A_Primavera_XER_export_is_scheduled_from_its_data_date()
    {
        var file = Path.Combine(RepoPaths.RequireShared("other/xer"), "SP10 - COST LOADED.xer");

        var (exitCode, output, error) = TlRunner.Run("schedule", file, "--format", "json");

        exitCode.ShouldBe(0, error);
        using var json = JsonDocument.Parse(output);
        var tasks = json.RootElement.GetProperty("tasks").EnumerateArray().ToList();
        tasks.Count.ShouldBeGreaterThan(3994);
        tasks.ShouldContain(t => t.GetProperty("id").GetString() == "P1EWCC-FWP03-5730");
    }

    [Fact]
    public void A_cut_short_XER_file_is_refused_with_its_location()
    {
        var file = Path.Combine(Path.GetTempPath(), $"cut-{Guid.NewGuid():N}.xer");
        File.WriteAllText(file, "ERMHDR\t8.1\t2017-09-27\tProject\n%T\tPROJECT\n%F\tproj_id\n%R\t1\n");
        try
        {
            var (exitCode, _, error) = TlRunner.Run("schedule", file);

            exitCode.ShouldBe(2);
            error.ShouldContain($"{file}:4:1: error TL1410:");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Table_output_shows_committed_dates_and_the_critical_path()
    {
        var (exitCode, output, _) = TlRunner.Run("schedule", MainExample);

        exitCode.ShouldBe(0);
        output.ShouldContain("Committed dates");
        output.ShouldContain("Critical path");
    }

    [Fact]
    public void Csv_output_has_a_header_and_a_row_per_item()
    {
        var (exitCode, output, _) = TlRunner.Run("schedule", MainExample, "--format", "csv");
        var program = Throughline.Interop.Plan.PlanReader.ReadFile(MainExample).Program!;

        exitCode.ShouldBe(0);
        var lines = output.TrimEnd().Split('\n');
        lines[0].ShouldStartWith("uid,id,name,start,finish");
        lines.Length.ShouldBe(program.WorkItems.Count + 1);
    }

    [Fact]
    public void An_invalid_plan_exits_2_with_its_diagnostics()
    {
        var file = Path.Combine(Path.GetTempPath(), "tl-schedule-" + Guid.NewGuid().ToString("N") + ".tl.yaml");
        File.WriteAllText(file, "program: { id: x, name: X, start: 2027-01-04 }\nprojects:\n  - id: p\n    name: P\n    items:\n      - { id: a, name: A, depends-on: [b] }\n      - { id: b, name: B, depends-on: [a] }\n");
        try
        {
            var (exitCode, _, error) = TlRunner.Run("schedule", file, "--format", "json");

            exitCode.ShouldBe(2);
            error.ShouldContain("error TL2003: dependency cycle: a -> b -> a");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
