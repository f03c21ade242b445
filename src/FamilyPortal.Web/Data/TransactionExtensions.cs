using System.Data;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Data;

public static class TransactionExtensions
{
    /// <summary>
    /// Runs the work in one database transaction, through the provider's execution strategy so that SQL
    /// Server's retry-on-failure replays the whole unit rather than half of it.
    /// </summary>
    public static Task<T> InTransactionAsync<T>(this FamilyPortalDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async cancellation =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellation);
            var result = await work(cancellation);
            await transaction.CommitAsync(cancellation);
            return result;
        }, ct);

    /// <summary>
    /// The same with an explicit isolation level, for a check-then-insert that must see a stable set of
    /// rows (a count). A replayed unit starts from an empty change tracker: the rows added by the failed
    /// try must not be inserted twice.
    /// </summary>
    public static Task<T> InTransactionAsync<T>(this FamilyPortalDbContext db, IsolationLevel isolation, Func<CancellationToken, Task<T>> work, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async cancellation =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(isolation, cancellation);
            var result = await work(cancellation);
            await transaction.CommitAsync(cancellation);
            return result;
        }, ct);
}
