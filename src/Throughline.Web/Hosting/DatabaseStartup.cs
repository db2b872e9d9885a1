using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Throughline.Interop.Plan;
using Throughline.Storage;
using Throughline.Storage.Plans;
using Throughline.Storage.Rows;

namespace Throughline.Web.Hosting;

/// <summary>
/// Readies the database before the server takes requests: applies migrations (creating the SQLite file and its
/// folder on first start, in WAL mode), creates the administrator when there are no accounts, and on that first start
/// loads the cloud-migration example as a demo program.
/// </summary>
public static partial class DatabaseStartup
{
    /// <summary>The administrator's user name on a new server.</summary>
    public const string AdminUserName = "admin";

    public static async Task PrepareDatabaseAsync(this WebApplication app, bool loadDemo)
    {
        ArgumentNullException.ThrowIfNull(app);
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Throughline.Startup");
        if (settings.SqliteFile is { } file && Path.GetDirectoryName(file) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ThroughlineDb>();
        await db.Database.MigrateAsync();
        if (settings.SqliteFile is not null)
        {
            // WAL lets readers go on while one writer commits; the setting is kept in the database file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            LogDatabase(log, "SQLite", settings.SqliteFile);
        }
        else
        {
            LogDatabase(log, "PostgreSQL", new Npgsql.NpgsqlConnectionStringBuilder(settings.ConnectionString) { Password = null }.ConnectionString);
        }

        if (await db.Users.AnyAsync())
        {
            return;
        }

        var configured = app.Configuration["THROUGHLINE_ADMIN_PASSWORD"];
        var password = string.IsNullOrEmpty(configured) ? RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20) : configured;
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var admin = new UserRow
        {
            UserName = AdminUserName,
            DisplayName = "Administrator",
            IsAdmin = true,
            MustChangePassword = string.IsNullOrEmpty(configured),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        admin.PasswordHash = new PasswordHasher<UserRow>().HashPassword(admin, password);
        db.Users.Add(admin);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Another instance starting on the same database created it first.
            return;
        }

        if (string.IsNullOrEmpty(configured))
        {
            // Printed, not logged: it is meant for the person starting the server, once.
            Console.WriteLine($"Administrator account '{AdminUserName}' created with the one-time password: {password}");
            Console.WriteLine("Sign in with it and choose a new password (PUT /api/account/password); set THROUGHLINE_ADMIN_PASSWORD to choose it yourself.");
        }

        if (loadDemo && app.Configuration.GetValue("Demo:Load", true))
        {
            await using var stream = typeof(DatabaseStartup).Assembly.GetManifestResourceStream("Throughline.Web.demo.tl.yaml")
                ?? throw new InvalidOperationException("the demo plan is not embedded in the assembly");
            using var reader = new StreamReader(stream);
            var plan = PlanReader.Read(await reader.ReadToEndAsync(), "cloud-migration.tl.yaml");
            if (plan.Program is { } program && !plan.HasErrors)
            {
                var editor = scope.ServiceProvider.GetRequiredService<PlanEditor>();
                await editor.CreateProgramAsync(PlanRows.FromProgram(program), admin.Id, new Actor(admin.Id, admin.UserName), CancellationToken.None);
                LogDemo(log, program.Id.Value);
            }
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Database: {Provider} at {Location}")]
    private static partial void LogDatabase(ILogger logger, string provider, string location);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Demo program '{Program}' loaded (start with --no-demo to skip it)")]
    private static partial void LogDemo(ILogger logger, string program);
}
