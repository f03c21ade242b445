using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Journal;

/// <summary>The journal's interceptor and the booking's concurrency token, driven below the pages.</summary>
public class JournalInterceptorTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private AsyncServiceScope StaffScope(TenantBuilder.Tenant tenant, string staffId)
    {
        var scope = factory.Scope();
        scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>().Tenant.Enter(tenant.MunicipalityId);
        scope.ServiceProvider.GetRequiredService<CurrentMunicipality>().SetStaff(staffId, tenant.MunicipalityId, tenant.Name);
        return scope;
    }

    private async Task<List<JournalEntry>> EntriesAsync(int municipalityId)
    {
        await using var scope = factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>().JournalEntries.IgnoreQueryFilters()
            .Where(j => j.MunicipalityId == municipalityId && j.ActorIsStaff).ToListAsync();
    }

    [Fact]
    public async Task A_save_refused_by_the_database_leaves_no_entry_and_the_next_save_writes_its_own_once()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var staff = await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent);
        await using var scope = StaffScope(tenant, staff.Id);
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        var family = await db.Families.SingleAsync(f => f.Id == tenant.FamilyId);
        await using (var other = StaffScope(tenant, staff.Id))
        {
            await other.ServiceProvider.GetRequiredService<FamilyPortalDbContext>().Families.Where(f => f.Id == tenant.FamilyId)
                .ExecuteUpdateAsync(u => u.SetProperty(f => f.Version, 1));
        }
        family.HouseholdName = "PERDU";
        family.Version = 1;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        Assert.Empty(await EntriesAsync(tenant.MunicipalityId));

        await db.Entry(family).ReloadAsync();
        family.Phone = "0612345678";
        family.Version = 2;
        await db.SaveChangesAsync();

        var entry = Assert.Single(await EntriesAsync(tenant.MunicipalityId));
        Assert.Equal("Famille MARTIN modifiée", entry.Summary);
        Assert.DoesNotContain("PERDU", entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_cancellations_of_one_booking_cannot_both_be_saved()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var staff = await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent);
        await using var scope = StaffScope(tenant, staff.Id);
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        var booking = await db.Bookings.SingleAsync(b => b.ChildId == tenant.ChildId);
        await using (var other = StaffScope(tenant, staff.Id))
        {
            var first = await other.ServiceProvider.GetRequiredService<FamilyPortalDbContext>().Bookings.SingleAsync(b => b.Id == booking.Id);
            first.CancelledAtUtc = factory.Clock.GetUtcNow().UtcDateTime;
            first.Cancellation = CancellationKind.InTime;
            await other.ServiceProvider.GetRequiredService<FamilyPortalDbContext>().SaveChangesAsync();
        }

        booking.CancelledAtUtc = factory.Clock.GetUtcNow().UtcDateTime.AddSeconds(1);
        booking.Cancellation = CancellationKind.Late;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        var entry = Assert.Single(await EntriesAsync(tenant.MunicipalityId));
        Assert.Contains("dans les délais", entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_staff_nothing_but_basket_validations_is_journalled()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(tenant.MunicipalityId);
        var family = await db.Families.SingleAsync(f => f.Id == tenant.FamilyId);

        family.Phone = "0612345678";
        await db.SaveChangesAsync();

        Assert.Empty(await EntriesAsync(tenant.MunicipalityId));
    }
}
