using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Data;

/// <summary>
/// Takes and gives back places with single conditional statements, run inside the caller's transaction. Two
/// requests for the last place at the same moment cannot both win: the database applies « taken &lt; capacity »
/// to one update at a time.
/// </summary>
public sealed class PlaceCounter(FamilyPortalDbContext db, PlaceTable places)
{
    private PlaceStatements Sql => places.For(db.Database);

    public async Task<bool> TryTakeAsync(int municipalityId, int activityId, DateOnly date, int? capacity, CancellationToken ct)
    {
        await EnsureRowAsync(municipalityId, activityId, date, ct);
        var taken = capacity is { } limit
            ? await db.Database.ExecuteSqlRawAsync(Sql.TakeWithinLimit, [activityId, date, limit], ct)
            : await db.Database.ExecuteSqlRawAsync(Sql.Take, [activityId, date], ct);
        return taken == 1;
    }

    public Task<int> GiveBackAsync(int activityId, DateOnly date, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(Sql.GiveBack, [activityId, date], ct);

    private Task<int> EnsureRowAsync(int municipalityId, int activityId, DateOnly date, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(Sql.EnsureRow, [activityId, date, municipalityId], ct);
}
