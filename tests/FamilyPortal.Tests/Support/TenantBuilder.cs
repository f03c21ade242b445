using FamilyPortal.Web.Data;
using FamilyPortal.Web.Domain;
using FamilyPortal.Web.Domain.Reservations;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Support;

/// <summary>Makes a fresh collectivité per test, so tests never share rows.</summary>
public static class TenantBuilder
{
    public sealed record Tenant(int MunicipalityId, int SiteId, int ActivityId, int FamilyId, int ChildId, string AdhesionCode, string FamilyEmail, string ParentAccountId);

    public static async Task<Tenant> CreateAsync(PortalFactory factory, string? name = null)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        var vault = scope.ServiceProvider.GetRequiredService<AdhesionCodeVault>();
        db.Tenant.EnterPlatformScope();
        var unique = Guid.NewGuid().ToString("N")[..8];
        var municipality = new Municipality
        {
            Name = name ?? $"COMMUNE TEST {unique}",
            ShortName = $"test-{unique}",
            ContactEmail = $"mairie-{unique}@exemple.test",
        };
        db.Municipalities.Add(municipality);
        await db.SaveChangesAsync();

        var kind = new ServiceKind { MunicipalityId = municipality.Id, Name = "Restauration scolaire" };
        var site = new Site { MunicipalityId = municipality.Id, Name = "Groupe scolaire Test", Prefix = "GT" };
        var activity = new Activity
        {
            MunicipalityId = municipality.Id, Site = site, ServiceKind = kind, Label = "GT - RESTAURATION",
            UnitPrice = 4.10m, Capacity = 30,
        };
        var code = AdhesionCode.Generate();
        var email = $"famille-{unique}@exemple.test";
        var family = new Family { MunicipalityId = municipality.Id, HouseholdName = "MARTIN", Email = email };
        vault.Assign(family, code);
        var child = new Child { MunicipalityId = municipality.Id, Family = family, FirstName = "Lou", LastName = "MARTIN", Site = site };
        db.AddRange(kind, site, activity, family, child);
        db.SchoolYears.Add(new SchoolYear
        {
            MunicipalityId = municipality.Id, Label = "2026-2027", StartDate = new DateOnly(2026, 9, 1), EndDate = new DateOnly(2027, 7, 3),
        });
        db.Closures.Add(new Closure
        {
            MunicipalityId = municipality.Id, StartDate = new DateOnly(2026, 12, 19), EndDate = new DateOnly(2027, 1, 3), Reason = "Vacances de Noël",
        });
        await db.SaveChangesAsync();

        // One row of every other tenant-owned kind, so the isolation tests have something to hide.
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalAccount>>();
        var parent = new PortalAccount { UserName = $"parent-{unique}", Email = $"parent-{unique}@exemple.test", EmailConfirmed = true };
        await users.CreateAsync(parent);
        var friday = new DateOnly(2026, 11, 20);
        db.CapacityOverrides.Add(new CapacityOverride { MunicipalityId = municipality.Id, ActivityId = activity.Id, Date = new DateOnly(2026, 12, 18), Capacity = 10 });
        db.Bookings.Add(new Booking { MunicipalityId = municipality.Id, ChildId = child.Id, ActivityId = activity.Id, Date = friday });
        db.ActivityDayLoads.Add(new ActivityDayLoad { MunicipalityId = municipality.Id, ActivityId = activity.Id, Date = friday, Booked = 1 });
        db.BasketLines.Add(new BasketLine
        {
            MunicipalityId = municipality.Id, AccountId = parent.Id, ChildId = child.Id, ActivityId = activity.Id,
            Date = new DateOnly(2027, 1, 4), Kind = BasketLineKind.Add,
        });
        db.BasketValidations.Add(new BasketValidation { MunicipalityId = municipality.Id, AccountId = parent.Id, Summary = "" });
        await db.SaveChangesAsync();
        return new Tenant(municipality.Id, site.Id, activity.Id, family.Id, child.Id, code, email, parent.Id);
    }
}
