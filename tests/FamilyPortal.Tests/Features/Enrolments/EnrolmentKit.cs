using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Features.Enrolments;

public static class EnrolmentKit
{
    /// <summary>The first day of the test school year 2026-2027: the period of a per-year inscription.</summary>
    public static readonly DateOnly YearStart = new(2026, 9, 1);

    public static async Task RequireAsync(PortalFactory factory, int municipalityId, int activityId, EnrolmentSettings settings)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(municipalityId);
        var activity = await db.Activities.SingleAsync(a => a.Id == activityId);
        activity.Enrolment = settings;
        await db.SaveChangesAsync();
    }

    public static async Task<Enrolment> StateOfAsync(PortalFactory factory, int municipalityId, int childId, int activityId)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(municipalityId);
        return await db.Enrolments.AsNoTracking().SingleAsync(e => e.ChildId == childId && e.ActivityId == activityId && e.StartDate == YearStart);
    }

    public static async Task<List<OutboxMessage>> MailsAsync(PortalFactory factory, int municipalityId)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.EnterPlatformScope();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.MunicipalityId == municipalityId).OrderBy(m => m.Id).ToListAsync();
    }

    /// <summary>A family of its own with one child of the test site, and a parent session working for it.</summary>
    public static async Task<(Reservations.ParentSession Session, int ChildId)> OtherFamilyAsync(PortalFactory factory, TenantBuilder.Tenant tenant, string name)
    {
        var familyId = await Reservations.ReservationKit.AddFamilyAsync(factory, tenant, name);
        var session = await Reservations.ParentSession.OpenAsync(factory, tenant.MunicipalityId, familyId);
        return (session, await Reservations.ReservationKit.ChildOfAsync(factory, tenant.MunicipalityId, familyId));
    }
}
