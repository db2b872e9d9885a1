using Microsoft.EntityFrameworkCore;
using Throughline.Storage;
using Throughline.Storage.Plans;

namespace Throughline.Web.Hosting;

/// <summary>
/// Chooses the database: PostgreSQL when <c>Database:Provider</c> is <c>postgres</c> or the connection string
/// <c>ConnectionStrings:Throughline</c> starts with <c>Host=</c>; otherwise SQLite, by default the file
/// <c>throughline.db</c> in the data folder (<c>Database:DataFolder</c>, default <c>data</c> under the content root).
/// </summary>
public static class StorageSetup
{
    public static WebApplicationBuilder AddThroughlineStorage(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var database = DatabaseSettings.From(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(database);
        if (database.IsPostgres)
        {
            builder.Services.AddDbContext<ThroughlineDb, PostgresThroughlineDb>(o => o.UseNpgsql(database.ConnectionString));
        }
        else
        {
            var gate = new SqliteWriteGate(TimeSpan.FromSeconds(builder.Configuration.GetValue("Database:WriteWaitSeconds", 30.0)));
            builder.Services.AddSingleton(gate);
            builder.Services.AddDbContext<ThroughlineDb, SqliteThroughlineDb>(o => o.UseSqlite(database.ConnectionString).AddInterceptors(gate));
        }

        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton(new RevisionCache(builder.Configuration.GetValue("Cache:MaxBytes", RevisionCache.DefaultBudgetBytes)));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ProgramSnapshots>();
        builder.Services.AddScoped<PlanEditor>();
        return builder;
    }
}

/// <summary>Which database the server uses and where.</summary>
public sealed record DatabaseSettings(bool IsPostgres, string ConnectionString, string? SqliteFile)
{
    public static DatabaseSettings From(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var connectionString = configuration.GetConnectionString("Throughline");
        var provider = configuration["Database:Provider"]?.ToLowerInvariant();
        var isPostgres = provider is "postgres" or "postgresql" or "npgsql"
            || (provider is null && connectionString?.TrimStart().StartsWith("Host=", StringComparison.OrdinalIgnoreCase) == true);
        if (isPostgres)
        {
            return new DatabaseSettings(true, connectionString ?? throw new InvalidOperationException("Database:Provider is postgres but ConnectionStrings:Throughline is not set"), null);
        }

        if (!string.IsNullOrEmpty(connectionString))
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
            return new DatabaseSettings(false, connectionString, file);
        }

        var folder = configuration["Database:DataFolder"] ?? Path.Combine(environment.ContentRootPath, "data");
        var path = Path.GetFullPath(Path.Combine(folder, "throughline.db"));
        return new DatabaseSettings(false, $"Data Source={path}", path);
    }
}
