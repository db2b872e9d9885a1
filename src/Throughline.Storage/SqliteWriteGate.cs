using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Throughline.Storage;

/// <summary>
/// Lets one SQLite write run at a time in this process, the others waiting their turn here instead of in SQLite.
/// SQLite has one writer; a second one polls the lock with growing sleeps until its busy timeout, so under 64
/// concurrent writers some waited past the 30 s timeout and got "database is locked", a 500 (#14). Waiting on a
/// semaphore instead is first come, first served, and costs no polling. A write is a transaction (held from
/// <c>BEGIN</c> to its commit, rollback or the connection's close) or a statement other than a <c>SELECT</c> run
/// outside one. A wait longer than <see cref="Wait"/> throws <see cref="StoreBusyException"/>, which the server
/// answers with 503 and Retry-After. Reads are not gated: in WAL mode they never wait for a writer. Only for SQLite,
/// which is one process's database; on PostgreSQL, writes to one program are serialised by its row lock.
/// </summary>
public sealed class SqliteWriteGate(TimeSpan wait) : IDbTransactionInterceptor, IDbConnectionInterceptor, IDbCommandInterceptor
{
    private readonly SemaphoreSlim gate = new(1, 1);

    // The connections that hold the gate now, and whether for a transaction or a single statement.
    private readonly ConcurrentDictionary<DbConnection, Hold> holders = new();
    private int waiting;

    private enum Hold
    {
        Transaction,
        Statement,
    }

    /// <summary>How long a write waits for its turn before it is refused (<c>Database:WriteWaitSeconds</c>, default 30 s).</summary>
    public TimeSpan Wait { get; } = wait;

    /// <summary>Writes waiting for their turn now.</summary>
    public int Waiting => Volatile.Read(ref waiting);

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Enter(connection, Hold.Transaction);
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(connection, Hold.Transaction, cancellationToken);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Leave(ConnectionOf(eventData), Hold.Transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Leave(ConnectionOf(eventData), Hold.Transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Leave(ConnectionOf(eventData), Hold.Transaction);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionFailed(transaction, eventData);
        return Task.CompletedTask;
    }

    // A transaction disposed without a commit or rollback raises neither; its connection closes then.
    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Leave(connection, null);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Leave(connection, null);
        return Task.CompletedTask;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (IsLoneWrite(command))
        {
            Enter(command.Connection!, Hold.Statement);
        }

        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (IsLoneWrite(command))
        {
            await EnterAsync(command.Connection!, Hold.Statement, cancellationToken);
        }

        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Leave(command?.Connection, Hold.Statement);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Leave(command?.Connection, Hold.Statement);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (IsLoneWrite(command))
        {
            Enter(command.Connection!, Hold.Statement);
        }

        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (IsLoneWrite(command))
        {
            await EnterAsync(command.Connection!, Hold.Statement, cancellationToken);
        }

        return result;
    }

    // A statement that returns rows (an INSERT ... RETURNING) writes until its reader is done.
    public InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        Leave(command?.Connection, Hold.Statement);
        return result;
    }

    public ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        Leave(command?.Connection, Hold.Statement);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        Leave(command?.Connection, Hold.Statement);
        return result;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Leave(command?.Connection, Hold.Statement);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(command?.Connection, Hold.Statement);
        return Task.CompletedTask;
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        if (IsLoneWrite(command))
        {
            Enter(command.Connection!, Hold.Statement);
        }

        return result;
    }

    public async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        if (IsLoneWrite(command))
        {
            await EnterAsync(command.Connection!, Hold.Statement, cancellationToken);
        }

        return result;
    }

    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Leave(command?.Connection, Hold.Statement);
        return result;
    }

    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Leave(command?.Connection, Hold.Statement);
        return ValueTask.FromResult(result);
    }

    // A finished transaction no longer knows its connection; the context does.
    private static DbConnection? ConnectionOf(DbContextEventData? eventData) => eventData?.Context?.Database.GetDbConnection();

    /// <summary>A statement that may write, run outside a transaction (inside one, the transaction holds the gate).</summary>
    private bool IsLoneWrite(DbCommand command) =>
        command.Transaction is null && command.Connection is { } connection && !holders.ContainsKey(connection)
        && !command.CommandText.AsSpan().TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase);

    private void Enter(DbConnection connection, Hold hold)
    {
        Interlocked.Increment(ref waiting);
        bool entered;
        try
        {
            entered = gate.Wait(Wait);
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
        }

        Held(connection, hold, entered);
    }

    private async Task EnterAsync(DbConnection connection, Hold hold, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref waiting);
        bool entered;
        try
        {
            entered = await gate.WaitAsync(Wait, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
        }

        Held(connection, hold, entered);
    }

    private void Held(DbConnection connection, Hold hold, bool entered)
    {
        if (!entered)
        {
            throw new StoreBusyException($"waited {Wait.TotalSeconds:0} s for the other writes to the database to finish");
        }

        if (!holders.TryAdd(connection, hold))
        {
            gate.Release();
            throw new InvalidOperationException("a connection began a write while it already held the write gate");
        }
    }

    /// <summary>Releases the gate if <paramref name="connection"/> holds it (for <paramref name="hold"/>, or for anything when null).</summary>
    private void Leave(DbConnection? connection, Hold? hold)
    {
        if (connection is null || !holders.TryGetValue(connection, out var held) || (hold is { } expected && held != expected))
        {
            return;
        }

        if (holders.TryRemove(connection, out _))
        {
            gate.Release();
        }
    }
}

/// <summary>The database is too busy to take a write now; the caller should try again shortly (503 with Retry-After).</summary>
public sealed class StoreBusyException(string message) : Exception(message);
