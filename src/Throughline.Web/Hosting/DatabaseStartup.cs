using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Throughline.Interop.Plan;
using Throughline.Storage;
using Throughline.Storage.Plans;
using Throughline.Storage.Rows;
using Throughline.Web.Auth;

namespace Throughline.Web.Hosting;

/// <summary>
/// Readies the database before the server takes requests: applies migrations (creating the SQLite file and its
/// folder on first start, in WAL mode, readable by the server's user only), creates the administrator when there are
/// no accounts (with a one-time password that expires, renewed at a start after it has), and on that first start loads
/// the cloud-migration example as a demo program.
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
        if (settings.SqliteFile is { } file)
        {
            SqliteFiles.CreatePrivate(file);
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

        var clock = app.Services.GetRequiredService<TimeProvider>();
        var hasher = app.Services.GetRequiredService<IPasswordHasher<UserRow>>();
        var lifetime = app.Services.GetRequiredService<AccountSettings>().OneTimePasswordLifetime;
        if (await db.Users.AnyAsync())
        {
            await RenewExpiredOneTimePasswordAsync(db, hasher, clock, lifetime);
            return;
        }

        var configured = app.Configuration["THROUGHLINE_ADMIN_PASSWORD"];
        var password = string.IsNullOrEmpty(configured) ? NewOneTimePassword() : configured;
        var now = clock.GetUtcNow().UtcDateTime;
        var admin = new UserRow
        {
            UserName = AdminUserName,
            DisplayName = "Administrator",
            IsAdmin = true,
            MustChangePassword = string.IsNullOrEmpty(configured),
            PasswordExpiresAt = string.IsNullOrEmpty(configured) ? now + lifetime : null,
            CreatedAt = now,
        };
        admin.PasswordHash = hasher.HashPassword(admin, password);
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
            PrintOneTimePassword(password, admin.PasswordExpiresAt!.Value);
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

    /// <summary>
    /// An administrator who never used the printed password before it expired gets a new one at the next start
    /// (the way back in without editing the database).
    /// </summary>
    private static async Task RenewExpiredOneTimePasswordAsync(ThroughlineDb db, IPasswordHasher<UserRow> hasher, TimeProvider clock, TimeSpan lifetime)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var admin = await db.Users.SingleOrDefaultAsync(u => u.UserName == AdminUserName && u.MustChangePassword && u.PasswordExpiresAt <= now);
        if (admin is null)
        {
            return;
        }

        var password = NewOneTimePassword();
        admin.PasswordHash = hasher.HashPassword(admin, password);
        admin.PasswordExpiresAt = now + lifetime;
        await db.SaveChangesAsync();
        PrintOneTimePassword(password, admin.PasswordExpiresAt.Value);
    }

    private static string NewOneTimePassword() => RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);

    private static void PrintOneTimePassword(string password, DateTime expires)
    {
        // Printed, not logged: it is meant for the person starting the server, once.
        Console.WriteLine($"Administrator account '{AdminUserName}' has the one-time password: {password} (until {expires:yyyy-MM-dd HH:mm} UTC)");
        Console.WriteLine("Sign in with it and choose a new password (PUT /api/account/password); set THROUGHLINE_ADMIN_PASSWORD to choose it yourself.");
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Database: {Provider} at {Location}")]
    private static partial void LogDatabase(ILogger logger, string provider, string location);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Demo program '{Program}' loaded (start with --no-demo to skip it)")]
    private static partial void LogDemo(ILogger logger, string program);
}
