using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Enrolments;

/// <summary>
/// The enrolment places of each activity and period (<c>EnrolmentLoads</c>), counted like the places of a day:
/// two acceptances of the last place at the same moment cannot both win.
/// </summary>
public sealed class EnrolmentGate(FamilyPortalDbContext db)
{
    private readonly PlaceCounter places = new(db, PlaceTable.Enrolments);

    public Task<bool> TryTakeAsync(int municipalityId, int activityId, DateOnly start, int? capacity, CancellationToken ct) =>
        places.TryTakeAsync(municipalityId, activityId, start, capacity, ct);

    public Task<int> GiveBackAsync(int activityId, DateOnly start, CancellationToken ct) =>
        places.GiveBackAsync(activityId, start, ct);

    public async Task<int> TakenAsync(int activityId, DateOnly start, CancellationToken ct) =>
        await db.EnrolmentLoads.AsNoTracking().Where(l => l.ActivityId == activityId && l.StartDate == start)
            .Select(l => (int?)l.Taken).SingleOrDefaultAsync(ct) ?? 0;
}
