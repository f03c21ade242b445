using FamilyPortal.Web.Data;
using FamilyPortal.Web.Features.Accounts;
using FamilyPortal.Web.Features.Activities;
using FamilyPortal.Web.Features.Calendar;
using FamilyPortal.Web.Features.Families;
using FamilyPortal.Web.Features.Memberships;
using FamilyPortal.Web.Features.Memberships.Rules;
using FamilyPortal.Web.Tenancy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.CrashTest;

/// <summary>A parent of the crash test's collectivité.</summary>
internal sealed record CrashParent(string Login, string Password, int ChildId, string ChildName);

/// <summary>
/// The collectivité the load books in, written by the portal's own code (migrations, Identity, the code
/// vault) hosted in this process once, before the portal runs as a process of its own on the same file.
/// </summary>
internal sealed class CrashSeed(CrashSettings settings) : WebApplicationFactory<Program>
{
    public const string Password = "Phrase de passe du test de panne 2026";

    public int ActivityId { get; private set; }

    public int Capacity => settings.Capacity;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in settings.PortalSettings)
        {
            builder.UseSetting(key, value);
        }
    }

    public async Task<IReadOnlyList<CrashParent>> SeedAsync(int parents)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalAccount>>();
        var vault = scope.ServiceProvider.GetRequiredService<AdhesionCodeVault>();
        db.Tenant.EnterPlatformScope();
        var municipality = new Municipality { Name = "COMMUNE DU TEST DE PANNE", ShortName = "test-panne", ContactEmail = "mairie@test-panne.exemple" };
        db.Municipalities.Add(municipality);
        await db.SaveChangesAsync();
        db.Tenant.Enter(municipality.Id);

        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var kind = new ServiceKind { MunicipalityId = municipality.Id, Name = "Restauration scolaire" };
        var site = new Site { MunicipalityId = municipality.Id, Name = "Groupe scolaire de la panne", Prefix = "GP" };
        var activity = new Activity
        {
            MunicipalityId = municipality.Id,
            Site = site,
            ServiceKind = kind,
            Label = "GP - RESTAURATION",
            UnitPrice = 4.10m,
            Capacity = settings.Capacity,
        };
        db.AddRange(kind, site, activity);
        db.SchoolYears.Add(new SchoolYear { MunicipalityId = municipality.Id, Label = "Année du test", StartDate = today.AddDays(-30), EndDate = today.AddDays(200) });
        await db.SaveChangesAsync();
        ActivityId = activity.Id;

        var result = new List<CrashParent>();
        for (var i = 1; i <= parents; i++)
        {
            var name = $"ENFANT{i:D3}";
            var family = new Family { MunicipalityId = municipality.Id, HouseholdName = $"FOYER{i:D3}", Email = $"foyer{i:D3}@test-panne.exemple" };
            vault.Assign(family, AdhesionCode.Generate());
            var child = new Child { MunicipalityId = municipality.Id, Family = family, FirstName = name, LastName = family.HouseholdName, Site = site };
            db.AddRange(family, child);
            await db.SaveChangesAsync();
            var account = new PortalAccount
            {
                UserName = $"parent.panne{i:D3}",
                Email = family.Email,
                EmailConfirmed = true,
                HouseholdName = family.HouseholdName,
                LastName = family.HouseholdName,
                FirstName = "Parent",
            };
            var created = await users.CreateAsync(account, Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join(", ", created.Errors.Select(e => e.Code)));
            }
            db.Memberships.Add(new Membership { MunicipalityId = municipality.Id, FamilyId = family.Id, AccountId = account.Id });
            await db.SaveChangesAsync();
            result.Add(new CrashParent(account.UserName, Password, child.Id, name));
        }
        return result;
    }
}
