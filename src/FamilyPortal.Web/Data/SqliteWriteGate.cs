using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FamilyPortal.Web.Data;

/// <summary>
/// SQLite has one writer at a time. A writer that finds the file locked is retried by the driver, which
/// puts its thread to sleep between tries until the command timeout: under the opening-day rush (« Valider »,
/// sign-ins, baskets) the waiting writers held thread-pool threads, and some lost every race for 30 seconds
/// and failed with « database is locked » (see docs/performance.md). With this interceptor the portal's
/// writers queue for the lock in turn, without holding a thread: a write transaction, or a write statement
/// outside one, first takes the single place of a semaphore and gives it back when it commits, rolls back,
/// fails, or its connection closes. Reads never wait (write-ahead log). Only registered for SQLite: SQL
/// Server locks rows, not the whole database.
/// </summary>
public sealed class SqliteWriteGate : DbTransactionInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor, IDisposable
{
    /// <summary>
    /// Past this wait the writer goes on without its turn (and SQLite's own 30-second timeout applies) rather
    /// than wait for ever. Long, because a queue of writers on an overloaded machine is not a reason to fail:
    /// with 30 seconds, writers that had waited their turn that long then failed on the lock.
    /// </summary>
    private static readonly TimeSpan WaitLimit = TimeSpan.FromMinutes(2);

    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>The connections holding the turn, and whether for one statement (true) or a transaction (false).</summary>
    private readonly ConcurrentDictionary<Guid, bool> _holders = new();

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await TakeAsync(eventData.ConnectionId, statement: false, cancellationToken);
        return result;
    }

    public override InterceptionResult<DbTransaction> TransactionStarting(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Take(eventData.ConnectionId, statement: false);
        return result;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => GiveBack(eventData.ConnectionId);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        GiveBack(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => GiveBack(eventData.ConnectionId);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        GiveBack(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => GiveBack(eventData.ConnectionId);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        GiveBack(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    // A transaction disposed without commit or rollback (an exception in the work) ends with its connection.
    void IDbConnectionInterceptor.ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => GiveBack(eventData.ConnectionId);

    Task IDbConnectionInterceptor.ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        GiveBack(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    void IDbConnectionInterceptor.ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => GiveBack(eventData.ConnectionId);

    Task IDbConnectionInterceptor.ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        GiveBack(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    // A write statement outside a transaction (ExecuteUpdate, ExecuteDelete, a single-row SaveChanges) holds the turn while it runs.
    async ValueTask<InterceptionResult<int>> IDbCommandInterceptor.NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken)
    {
        if (IsLoneWrite(command))
        {
            await TakeAsync(eventData.ConnectionId, statement: true, cancellationToken);
        }
        return result;
    }

    InterceptionResult<int> IDbCommandInterceptor.NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (IsLoneWrite(command))
        {
            Take(eventData.ConnectionId, statement: true);
        }
        return result;
    }

    ValueTask<int> IDbCommandInterceptor.NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken)
    {
        EndStatement(eventData.ConnectionId);
        return ValueTask.FromResult(result);
    }

    int IDbCommandInterceptor.NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        EndStatement(eventData.ConnectionId);
        return result;
    }

    async ValueTask<InterceptionResult<DbDataReader>> IDbCommandInterceptor.ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken)
    {
        if (IsLoneWrite(command))
        {
            await TakeAsync(eventData.ConnectionId, statement: true, cancellationToken);
        }
        return result;
    }

    InterceptionResult<DbDataReader> IDbCommandInterceptor.ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (IsLoneWrite(command))
        {
            Take(eventData.ConnectionId, statement: true);
        }
        return result;
    }

    // A write read through a reader (INSERT … RETURNING) is done once the reader is closed.
    InterceptionResult IDbCommandInterceptor.DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        EndStatement(eventData.ConnectionId);
        return result;
    }

    ValueTask<InterceptionResult> IDbCommandInterceptor.DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        EndStatement(eventData.ConnectionId);
        return ValueTask.FromResult(result);
    }

    InterceptionResult IDbCommandInterceptor.DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        EndStatement(eventData.ConnectionId);
        return result;
    }

    void IDbCommandInterceptor.CommandFailed(DbCommand command, CommandErrorEventData eventData) => EndStatement(eventData.ConnectionId);

    Task IDbCommandInterceptor.CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken)
    {
        EndStatement(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    void IDbCommandInterceptor.CommandCanceled(DbCommand command, CommandEndEventData eventData) => EndStatement(eventData.ConnectionId);

    Task IDbCommandInterceptor.CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken)
    {
        EndStatement(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public void Dispose() => _turn.Dispose();

    /// <summary>Holds the turn now (tests look at it to see that a failed writer gave it back).</summary>
    public bool IsTaken => _turn.CurrentCount == 0;

    internal static bool IsLoneWrite(DbCommand command)
    {
        if (command.Transaction is not null)
        {
            return false;
        }
        var sql = command.CommandText.AsSpan();
        // Skip blank lines and the comments EF writes for tagged queries.
        while (true)
        {
            sql = sql.TrimStart();
            if (!sql.StartsWith("--", StringComparison.Ordinal))
            {
                break;
            }
            var end = sql.IndexOf('\n');
            sql = end < 0 ? [] : sql[(end + 1)..];
        }
        return sql.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase)
            || sql.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || sql.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase)
            || sql.StartsWith("REPLACE", StringComparison.OrdinalIgnoreCase);
    }

    private async ValueTask TakeAsync(Guid connection, bool statement, CancellationToken cancellationToken)
    {
        if (!_holders.ContainsKey(connection) && await _turn.WaitAsync(WaitLimit, cancellationToken))
        {
            _holders[connection] = statement;
        }
    }

    private void Take(Guid connection, bool statement)
    {
        if (!_holders.ContainsKey(connection) && _turn.Wait(WaitLimit))
        {
            _holders[connection] = statement;
        }
    }

    private void EndStatement(Guid connection)
    {
        if (_holders.TryGetValue(connection, out var statement) && statement)
        {
            GiveBack(connection);
        }
    }

    private void GiveBack(Guid connection)
    {
        if (_holders.TryRemove(connection, out _))
        {
            _turn.Release();
        }
    }
}
