using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Throughline.Storage.Tests;

/// <summary>
/// A fresh, migrated database for one test: a SQLite file in a unique temp folder, or a database of its own on the
/// PostgreSQL server named by <c>THROUGHLINE_TEST_POSTGRES</c> (the test is skipped when that is not set).
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "THROUGHLINE_TEST_POSTGRES";

    private readonly string? folder;
    private readonly string? postgresAdmin;
    private readonly string? postgresName;

    private TestDatabase(string provider, string connectionString, string? folder, string? postgresAdmin, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.folder = folder;
        this.postgresAdmin = postgresAdmin;
        this.postgresName = postgresName;
    }

    public static TheoryData<string> Providers => ["sqlite", "postgres"];

    public string Provider { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        TestDatabase database;
        if (provider == "sqlite")
        {
            var folder = Path.Combine(Path.GetTempPath(), "throughline-storage-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            database = new TestDatabase(provider, $"Data Source={Path.Combine(folder, "test.db")};Pooling=False", folder, null, null);
        }
        else
        {
            var admin = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrEmpty(admin))
            {
                Assert.Skip($"{PostgresVariable} is not set: the PostgreSQL run of this test is skipped (./test.sh sets it)");
            }

            var name = "tl_storage_" + Guid.NewGuid().ToString("N");
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await command.ExecuteNonQueryAsync();
            }

            database = new TestDatabase(provider, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString, null, admin, name);
        }

        await using var db = database.Open();
        await db.Database.MigrateAsync();
        return database;
    }

    public ThroughlineDb Open() => Provider == "sqlite"
        ? new SqliteThroughlineDb(new DbContextOptionsBuilder<SqliteThroughlineDb>().UseSqlite(ConnectionString).Options)
        : new PostgresThroughlineDb(new DbContextOptionsBuilder<PostgresThroughlineDb>().UseNpgsql(ConnectionString).Options);

    public async ValueTask DisposeAsync()
    {
        if (folder is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }

        if (postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(postgresAdmin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
