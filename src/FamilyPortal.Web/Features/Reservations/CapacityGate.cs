namespace FamilyPortal.Web.Features.Reservations;

/// <summary>The places of each activity day (<c>ActivityDayLoads</c>), taken and given back inside the caller's transaction.</summary>
public sealed class CapacityGate(FamilyPortalDbContext db)
{
    private readonly PlaceCounter places = new(db, PlaceTable.ActivityDays);

    public Task<bool> TryTakeAsync(int municipalityId, int activityId, DateOnly day, int? capacity, CancellationToken ct) =>
        places.TryTakeAsync(municipalityId, activityId, day, capacity, ct);

    public Task<int> GiveBackAsync(int activityId, DateOnly day, CancellationToken ct) =>
        places.GiveBackAsync(activityId, day, ct);
}
