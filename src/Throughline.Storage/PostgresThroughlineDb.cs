using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Throughline.Storage;

/// <summary>The database on PostgreSQL, for more than one app instance; its migrations are in <c>Migrations/Postgres</c>.</summary>
public sealed class PostgresThroughlineDb(DbContextOptions<PostgresThroughlineDb> options) : ThroughlineDb(options);

/// <summary>Lets <c>dotnet ef migrations add X --context PostgresThroughlineDb</c> build the context without a server.</summary>
internal sealed class PostgresThroughlineDbFactory : IDesignTimeDbContextFactory<PostgresThroughlineDb>
{
    public PostgresThroughlineDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresThroughlineDb>().UseNpgsql("Host=localhost;Database=throughline_design").Options);
}
