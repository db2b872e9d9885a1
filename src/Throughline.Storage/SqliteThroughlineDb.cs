using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Throughline.Storage;

/// <summary>The database on SQLite, the embedded default; its migrations are in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteThroughlineDb(DbContextOptions<SqliteThroughlineDb> options) : ThroughlineDb(options);

/// <summary>Lets <c>dotnet ef migrations add X --context SqliteThroughlineDb</c> build the context without the web host.</summary>
internal sealed class SqliteThroughlineDbFactory : IDesignTimeDbContextFactory<SqliteThroughlineDb>
{
    public SqliteThroughlineDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteThroughlineDb>().UseSqlite("Data Source=design.db").Options);
}
