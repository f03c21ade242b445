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
}
