using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Data;

/// <summary>
/// Keeps the context's connection open over a run of queries, closed at the end: one open instead of one per query.
/// Each open costs more than a small query on SQLite, whose provider registers its SQL functions on the connection
/// every time (docs/performance.md, « The week grid's cost »).
/// </summary>
public sealed class ConnectionHold : IAsyncDisposable
{
    private readonly FamilyPortalDbContext _db;

    private ConnectionHold(FamilyPortalDbContext db) => _db = db;

    public static async Task<ConnectionHold> OpenAsync(FamilyPortalDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.OpenConnectionAsync(ct);
        return new ConnectionHold(db);
    }

    public async ValueTask DisposeAsync() => await _db.Database.CloseConnectionAsync();
}
