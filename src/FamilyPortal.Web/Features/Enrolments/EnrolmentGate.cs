using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Enrolments;

/// <summary>
/// Takes and gives back enrolment places in <c>EnrolmentLoads</c> with single conditional statements inside
/// the caller's transaction, as the booking capacity gate does for days: two acceptances of the last place
/// at the same moment cannot both win.
/// </summary>
public sealed class EnrolmentGate(FamilyPortalDbContext db)
{
    public async Task<bool> TryTakeAsync(int municipalityId, int activityId, DateOnly start, int? capacity, CancellationToken ct)
    {
        await EnsureRowAsync(municipalityId, activityId, start, ct);
        var taken = capacity is { } limit
            ? await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE EnrolmentLoads SET Taken = Taken + 1 WHERE ActivityId = {activityId} AND StartDate = {start} AND Taken < {limit}", ct)
            : await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE EnrolmentLoads SET Taken = Taken + 1 WHERE ActivityId = {activityId} AND StartDate = {start}", ct);
        return taken == 1;
    }

    public Task<int> GiveBackAsync(int activityId, DateOnly start, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE EnrolmentLoads SET Taken = Taken - 1 WHERE ActivityId = {activityId} AND StartDate = {start} AND Taken > 0", ct);

    public async Task<int> TakenAsync(int activityId, DateOnly start, CancellationToken ct) =>
        await db.EnrolmentLoads.AsNoTracking().Where(l => l.ActivityId == activityId && l.StartDate == start)
            .Select(l => (int?)l.Taken).SingleOrDefaultAsync(ct) ?? 0;

    private Task<int> EnsureRowAsync(int municipalityId, int activityId, DateOnly start, CancellationToken ct) =>
        db.Database.IsSqlServer()
            ? db.Database.ExecuteSqlInterpolatedAsync($"""
                MERGE EnrolmentLoads WITH (HOLDLOCK) AS target
                USING (SELECT {activityId} AS ActivityId, {start} AS StartDate) AS source
                ON target.ActivityId = source.ActivityId AND target.StartDate = source.StartDate
                WHEN NOT MATCHED THEN INSERT (ActivityId, StartDate, MunicipalityId, Taken) VALUES ({activityId}, {start}, {municipalityId}, 0);
                """, ct)
            : db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT OR IGNORE INTO EnrolmentLoads (ActivityId, StartDate, MunicipalityId, Taken) VALUES ({activityId}, {start}, {municipalityId}, 0)", ct);
}
