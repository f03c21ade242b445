using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Reservations;

/// <summary>
/// Takes and gives back places in <c>ActivityDayLoads</c> with single conditional statements, run inside
/// the caller's transaction. Two parents validating the last place at the same moment cannot both win:
/// the database applies « Booked &lt; capacity » to one update at a time.
/// </summary>
public sealed class CapacityGate(FamilyPortalDbContext db)
{
    public async Task<bool> TryTakeAsync(int municipalityId, int activityId, DateOnly day, int? capacity, CancellationToken ct)
    {
        await EnsureRowAsync(municipalityId, activityId, day, ct);
        var taken = capacity is { } limit
            ? await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE ActivityDayLoads SET Booked = Booked + 1 WHERE ActivityId = {activityId} AND Date = {day} AND Booked < {limit}", ct)
            : await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE ActivityDayLoads SET Booked = Booked + 1 WHERE ActivityId = {activityId} AND Date = {day}", ct);
        return taken == 1;
    }

    public Task<int> GiveBackAsync(int activityId, DateOnly day, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE ActivityDayLoads SET Booked = Booked - 1 WHERE ActivityId = {activityId} AND Date = {day} AND Booked > 0", ct);

    private Task<int> EnsureRowAsync(int municipalityId, int activityId, DateOnly day, CancellationToken ct) =>
        db.Database.IsSqlServer()
            // HOLDLOCK makes the existence test and the insert one step for concurrent transactions.
            ? db.Database.ExecuteSqlInterpolatedAsync($"""
                MERGE ActivityDayLoads WITH (HOLDLOCK) AS target
                USING (SELECT {activityId} AS ActivityId, {day} AS Date) AS source
                ON target.ActivityId = source.ActivityId AND target.Date = source.Date
                WHEN NOT MATCHED THEN INSERT (ActivityId, Date, MunicipalityId, Booked) VALUES ({activityId}, {day}, {municipalityId}, 0);
                """, ct)
            : db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT OR IGNORE INTO ActivityDayLoads (ActivityId, Date, MunicipalityId, Booked) VALUES ({activityId}, {day}, {municipalityId}, 0)", ct);
}
