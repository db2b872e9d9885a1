using Microsoft.Data.Sqlite;
using Npgsql;
using Throughline.Storage;

namespace Throughline.Web.Hosting;

/// <summary>
/// A database too busy to answer in time is the server's temporary state, not a fault: 503 with Retry-After, so that
/// clients and load balancers try again, instead of a 500 (#14: "database is locked" under 64 concurrent writers).
/// Busy means: no turn at the SQLite write gate in time (<see cref="StoreBusyException"/>), SQLite's own busy or
/// locked error, or a PostgreSQL lock timeout, deadlock or serialisation failure.
/// </summary>
public static partial class StoreBusy
{
    /// <summary>Seconds a client is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 2;

    public static WebApplication UseStoreBusyAnswers(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(AnswerAsync);
        return app;
    }

    /// <summary>Whether <paramref name="exception"/> (or one it wraps) says the database is busy rather than broken.</summary>
    public static bool IsBusy(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is StoreBusyException
                || e is SqliteException { SqliteErrorCode: 5 or 6 }
                || e is PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure })
            {
                return true;
            }
        }

        return false;
    }

    private static async Task AnswerAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (IsBusy(e) && !context.Response.HasStarted)
        {
            LogBusy(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Throughline.StoreBusy"), context.Request.Method, context.Request.Path.ToString(), e.Message);
            context.Response.Clear();
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await TypedResults.Problem(
                title: "Busy",
                detail: $"the database is busy with other writes; nothing was changed; try again in {RetryAfterSeconds} s",
                statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(context);
        }
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "Database busy: {Method} {Path} answered 503 ({Reason})")]
    private static partial void LogBusy(ILogger logger, string method, string path, string reason);
}
