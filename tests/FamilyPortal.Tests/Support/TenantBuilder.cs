using FamilyPortal.Web.Data;
using FamilyPortal.Web.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Support;

/// <summary>Makes a fresh collectivité per test, so tests never share rows.</summary>
public static class TenantBuilder
{
    public sealed record Tenant(int MunicipalityId, int SiteId, int ActivityId, int FamilyId, int ChildId, string AdhesionCode, string FamilyEmail);

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
        await db.SaveChangesAsync();
        return new Tenant(municipality.Id, site.Id, activity.Id, family.Id, child.Id, code, email);
    }
}
