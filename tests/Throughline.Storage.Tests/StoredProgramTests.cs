using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Throughline.Interop.Plan;
using Throughline.Storage.Plans;
using Throughline.Storage.Rows;
using Throughline.Testing;

namespace Throughline.Storage.Tests;

/// <summary>The same storage behaviour on every provider: SQLite always, PostgreSQL when THROUGHLINE_TEST_POSTGRES is set.</summary>
public sealed class StoredProgramTests
{
    private static readonly Actor Tester = new(null, "tester");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_stored_program_reads_back_as_the_plan_it_was_made_from(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var original = PlanReader.ReadFile(Path.Combine(RepoPaths.Examples, "cloud-migration.tl.yaml")).Program!;
        var owner = await AddUserAsync(database);

        await using (var db = database.Open())
        {
            var created = await Editor(db).CreateProgramAsync(PlanRows.FromProgram(original), owner, Tester, TestContext.Current.CancellationToken);
            created.Status.ShouldBe(EditStatus.Saved);
        }

        await using (var db = database.Open())
        {
            var program = await db.Programs.SingleAsync(TestContext.Current.CancellationToken);
            var snapshot = await new ProgramSnapshots(new RevisionCache()).GetAsync(db, program, TestContext.Current.CancellationToken);
            PlanWriter.Write(snapshot.Plan.Program!).ShouldBe(PlanWriter.Write(original));
            (await db.Memberships.SingleAsync(TestContext.Current.CancellationToken)).Permission.ShouldBe(Permission.Owner);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_update_with_a_stale_version_is_refused_and_changes_nothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var program = await CreateSmallProgramAsync(database);
        var teams = PlanResource.All.Single(r => r.Name == "teams");

        await using var db = database.Open();
        var first = await Editor(db).UpdateAsync(program, teams, "core", 1, Team("Core one"), Tester, TestContext.Current.CancellationToken);
        var second = await Editor(db).UpdateAsync(program, teams, "core", 1, Team("Core two"), Tester, TestContext.Current.CancellationToken);

        first.Status.ShouldBe(EditStatus.Saved);
        second.Status.ShouldBe(EditStatus.Stale);
        second.CurrentVersion.ShouldBe(2);
        await using var check = database.Open();
        var row = await check.Teams.SingleAsync(t => t.Key == "core", TestContext.Current.CancellationToken);
        row.Version.ShouldBe(2);
        row.Fields.ShouldContain("Core one");
        (await check.Changes.CountAsync(c => c.EntityType == "teams", TestContext.Current.CancellationToken)).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_change_that_adds_a_plan_error_is_refused_with_the_field_named(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var program = await CreateSmallProgramAsync(database);
        var items = PlanResource.All.Single(r => r.Name == "work-items");

        await using var db = database.Open();
        var result = await Editor(db).UpdateAsync(program, items, "build", 1,
            new JsonObject { ["name"] = "Build", ["project"] = "app", ["estimate"] = "three days", ["team"] = "nobody" }, Tester, TestContext.Current.CancellationToken);

        result.Status.ShouldBe(EditStatus.Invalid);
        result.Errors.Keys.ShouldContain("estimate", string.Join("; ", result.Errors.Select(e => e.Key + ": " + string.Join(", ", e.Value))));
        result.Errors.Keys.ShouldContain("team");
        await using var check = database.Open();
        (await check.WorkItems.SingleAsync(i => i.Key == "build", TestContext.Current.CancellationToken)).Version.ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Deleting_a_work_item_deletes_its_dependencies_with_it(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var program = await CreateSmallProgramAsync(database);
        var items = PlanResource.All.Single(r => r.Name == "work-items");

        await using var db = database.Open();
        var result = await Editor(db).DeleteAsync(program, items, "design", 1, Tester, TestContext.Current.CancellationToken);

        result.Status.ShouldBe(EditStatus.Saved);
        await using var check = database.Open();
        (await check.Dependencies.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(0);
        (await check.Changes.Where(c => c.Action == "deleted").Select(c => c.EntityType).ToListAsync(TestContext.Current.CancellationToken))
            .ShouldBe(["dependencies", "work-items"], ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_project_with_items_cannot_be_deleted(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var program = await CreateSmallProgramAsync(database);

        await using var db = database.Open();
        var result = await Editor(db).DeleteAsync(program, PlanResource.All.Single(r => r.Name == "projects"), "app", 1, Tester, TestContext.Current.CancellationToken);

        result.Status.ShouldBe(EditStatus.Conflict);
        result.Detail.ShouldNotBeNull().ShouldContain("2 work items");
    }

    [Fact]
    public void Each_provider_has_migrations_for_the_whole_model()
    {
        using var sqlite = new SqliteThroughlineDb(new DbContextOptionsBuilder<SqliteThroughlineDb>().UseSqlite("Data Source=:memory:").Options);
        using var postgres = new PostgresThroughlineDb(new DbContextOptionsBuilder<PostgresThroughlineDb>().UseNpgsql("Host=localhost").Options);

        sqlite.Database.HasPendingModelChanges().ShouldBeFalse();
        postgres.Database.HasPendingModelChanges().ShouldBeFalse();
    }

    private static PlanEditor Editor(ThroughlineDb db) => new(db, new ProgramSnapshots(new RevisionCache()), TimeProvider.System);

    private static JsonObject Team(string name) => new() { ["id"] = "core", ["name"] = name, ["capacity"] = "80h" };

    private static async Task<long> AddUserAsync(TestDatabase database)
    {
        await using var db = database.Open();
        var user = new UserRow { UserName = "owner", DisplayName = "Owner", PasswordHash = "x", CreatedAt = DateTime.UtcNow };
        db.Users.Add(user);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return user.Id;
    }

    private static async Task<ProgramRow> CreateSmallProgramAsync(TestDatabase database)
    {
        var plan = PlanReader.Read(
            """
            program: { id: small, name: Small, start: 2027-01-04 }
            teams:
              - { id: core, name: Core, capacity: 80h }
            projects:
              - id: app
                name: App
                items:
                  - { id: design, name: Design, estimate: 2d, team: core }
                  - { id: build, name: Build, estimate: 5d, team: core, depends-on: [design] }
            """, "small.tl.yaml");
        plan.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()).ShouldBeEmpty();
        var owner = await AddUserAsync(database);
        await using var db = database.Open();
        var result = await Editor(db).CreateProgramAsync(PlanRows.FromProgram(plan.Program!), owner, Tester, TestContext.Current.CancellationToken);
        return result.Program.ShouldNotBeNull();
    }
}
