using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Reservations;

/// <summary>The children of the parent's family and the activities each may attend (those of the child's site).</summary>
public sealed class FamilyActivities(FamilyPortalDbContext db, ReferenceCalendar reference)
{
    /// <summary>Compiled once: every grid reads it.</summary>
    private static readonly Func<FamilyPortalDbContext, int, IAsyncEnumerable<Child>> FamilyChildren =
        EF.CompileAsyncQuery<FamilyPortalDbContext, int, Child>((db, familyId) =>
            db.Children.AsNoTracking().Where(c => c.FamilyId == familyId).OrderBy(c => c.BirthDate).ThenBy(c => c.FirstName));

    public async Task<List<Child>> ChildrenAsync(ParentScope scope, CancellationToken ct) =>
        await FamilyChildren(db, scope.FamilyId).ToListAsync(ct);

    public async Task<List<Activity>> ActivitiesForAsync(Child child, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        var activities = (await reference.GetAsync(ct)).OpenActivities;
        return activities.Where(a => BookingVerdict.IsOffered(child.SiteId, a.SiteId)).ToList();
    }

    /// <summary>The child and activity of a request, or a 404 refusal when either is not the parent's to use.</summary>
    public async Task<(Child Child, Activity Activity)> ResolveAsync(ParentScope scope, int childId, int activityId, CancellationToken ct)
    {
        var child = await db.Children.AsNoTracking().SingleOrDefaultAsync(c => c.Id == childId && c.FamilyId == scope.FamilyId, ct);
        var activity = await db.Activities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == activityId && !a.IsArchived, ct);
        if (child is null || activity is null || !BookingVerdict.IsOffered(child.SiteId, activity.SiteId))
        {
            throw ReservationRefusedException.NotFound();
        }
        return (child, activity);
    }
}
