using Microsoft.Data.Sqlite;
using Npgsql;

namespace Throughline.Web.Tests;

/// <summary>
/// A database of its own for one test's server: a SQLite file in a unique temp folder, or a fresh database on the
/// PostgreSQL server named by <c>THROUGHLINE_TEST_POSTGRES</c> (the PostgreSQL run of a test is skipped when it is not set).
/// </summary>
public sealed class ServerDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "THROUGHLINE_TEST_POSTGRES";

    private readonly string? folder;
    private readonly string? postgresAdmin;
    private readonly string? postgresName;

    private ServerDatabase(string connectionString, string? folder, string? postgresAdmin, string? postgresName)
    {
        ConnectionString = connectionString;
        this.folder = folder;
        this.postgresAdmin = postgresAdmin;
        this.postgresName = postgresName;
    }

    /// <summary>Every test that takes a provider runs on both; PostgreSQL only where the variable is set.</summary>
    public static TheoryData<string> Providers => ["sqlite", "postgres"];

    public string ConnectionString { get; }

    public static async Task<ServerDatabase> CreateAsync(string provider)
    {
        if (provider == "sqlite")
        {
            var folder = Path.Combine(Path.GetTempPath(), "throughline-web-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            return new ServerDatabase($"Data Source={Path.Combine(folder, "server.db")}", folder, null, null);
        }

        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrEmpty(admin))
        {
            Assert.Skip($"{PostgresVariable} is not set: the PostgreSQL run of this test is skipped (./test.sh sets it)");
        }

        var name = "tl_web_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new ServerDatabase(new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString, null, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (folder is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A server still closing its connections; the temp folder is cleaned by the system.
            }
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
