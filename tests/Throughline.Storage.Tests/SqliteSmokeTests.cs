using Microsoft.EntityFrameworkCore;

namespace Throughline.Storage.Tests;

public sealed class SqliteSmokeTests
{
    private sealed class Db(DbContextOptions<Db> o) : DbContext(o)
    {
        public DbSet<Row> Rows => Set<Row>();
    }

    private sealed class Row
    {
        public int Id { get; set; }
        public string Name { get; set; } = "";
    }

    [Fact]
    public void Sqlite_provider_round_trips_a_row()
    {
        using var conn = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
        conn.Open();
        using var db = new Db(new DbContextOptionsBuilder<Db>().UseSqlite(conn).Options);
        db.Database.EnsureCreated();
        db.Rows.Add(new Row { Name = "x" });
        db.SaveChanges();
        db.Rows.Single().Name.ShouldBe("x");
    }
}
