using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Benchmarks;

/// <summary>
/// The parent whose pages are timed: an account with a known password, joined to a family of two children
/// at the first site. The family has no booking from the seed, so every day of the year can go into its basket.
/// </summary>
internal sealed record BenchParent(string Login, string Password, ParentScope Scope, int FirstChildId, int SecondChildId)
{
    public static async Task<BenchParent> CreateAsync(BenchPortal portal, Town town, CancellationToken ct)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(town.MunicipalityId);
        var now = FixedClock.BeforeTerm.GetUtcNow().UtcDateTime;

        var family = new Family { MunicipalityId = town.MunicipalityId, HouseholdName = "MESURE", Email = "famille.mesure@banc-essai.exemple.fr" };
        services.GetRequiredService<AdhesionCodeVault>().Assign(family, AdhesionCode.Generate());
        var site = town.Sites[0].Id;
        var first = new Child { MunicipalityId = town.MunicipalityId, FirstName = "ALICE", LastName = "MESURE", BirthDate = new(2017, 3, 14), SiteId = site };
        var second = new Child { MunicipalityId = town.MunicipalityId, FirstName = "BASILE", LastName = "MESURE", BirthDate = new(2019, 10, 2), SiteId = site };
        family.Children.Add(first);
        family.Children.Add(second);
        db.Families.Add(family);
        await db.SaveChangesAsync(ct);

        const string login = "parent.mesure";
        const string password = "Tilleul-Verger-Cantine-2026";
        var account = new PortalAccount
        {
            UserName = login,
            Email = "parent.mesure@banc-essai.exemple.fr",
            EmailConfirmed = true,
            FirstName = "Camille",
            LastName = "MESURE",
            HouseholdName = "MESURE",
            CreatedAtUtc = now,
        };
        var created = await services.GetRequiredService<UserManager<PortalAccount>>().CreateAsync(account, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("The parent account was refused: " + string.Join("; ", created.Errors.Select(e => e.Code)));
        }
        db.Memberships.Add(new Membership { MunicipalityId = town.MunicipalityId, FamilyId = family.Id, AccountId = account.Id, CreatedAtUtc = now });
        await db.SaveChangesAsync(ct);
        return new BenchParent(login, password, new ParentScope(town.MunicipalityId, account.Id, family.Id), first.Id, second.Id);
    }
}
