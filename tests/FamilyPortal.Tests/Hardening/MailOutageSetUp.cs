using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Features.Accounts.AccountJourney;

namespace FamilyPortal.Tests.Hardening;

/// <summary>The data <see cref="MailOutageTests"/> needs before its actions can send their mail.</summary>
internal static class MailOutageSetUp
{
    /// <summary>A family whose address the newcomer registers with, and its code d'adhésion.</summary>
    public static async Task<(string Email, string Code)> AddFamilyAsync(SmtpDownFactory factory, TenantBuilder.Tenant tenant)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(tenant.MunicipalityId);
        var code = AdhesionCode.Generate();
        var family = new Family { MunicipalityId = tenant.MunicipalityId, HouseholdName = "PANNE", Email = NewEmail() };
        scope.ServiceProvider.GetRequiredService<AdhesionCodeVault>().Assign(family, code);
        db.Families.Add(family);
        await db.SaveChangesAsync();
        return (family.Email, code);
    }

    /// <summary>
    /// A second child of the family waits for <paramref name="day"/>, made full at its present count; returns the
    /// booking of the first child that day, whose cancellation gives the place to the one waiting.
    /// </summary>
    public static async Task<long> FullDayWithAChildWaitingAsync(SmtpDownFactory factory, TenantBuilder.Tenant mine, DateOnly day) =>
        await factory.InTenantAsync(mine.MunicipalityId, async db =>
        {
            var first = await db.Children.SingleAsync(c => c.Id == mine.ChildId);
            var sibling = new Child { MunicipalityId = mine.MunicipalityId, FamilyId = mine.FamilyId, FirstName = "Lou", LastName = first.LastName, SiteId = first.SiteId };
            db.Children.Add(sibling);
            var booked = await db.ActivityDayLoads.Where(l => l.ActivityId == mine.ActivityId && l.Date == day).Select(l => l.Booked).SingleAsync();
            db.CapacityOverrides.Add(new CapacityOverride { MunicipalityId = mine.MunicipalityId, ActivityId = mine.ActivityId, Date = day, Capacity = booked });
            await db.SaveChangesAsync();
            var accountId = await db.Memberships.Where(m => m.FamilyId == mine.FamilyId).Select(m => m.AccountId).FirstAsync();
            db.WaitingEntries.Add(new WaitingEntry { MunicipalityId = mine.MunicipalityId, ChildId = sibling.Id, ActivityId = mine.ActivityId, Date = day, AccountId = accountId, CreatedAtUtc = factory.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
            return await db.Bookings.Where(b => b.ChildId == mine.ChildId && b.ActivityId == mine.ActivityId && b.Date == day && b.CancelledAtUtc == null).Select(b => b.Id).SingleAsync();
        });
}
