using System.Net;
using FamilyPortal.Tests.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Features.News;

/// <summary>Actualités written straight into a collectivité, the parents who read them, what the database holds.</summary>
public static class NewsKit
{
    private static readonly string[] AllTenants = [FamilyPortalDbContext.TenantFilter];

    /// <summary>The portal's present moment (the factory's clock does not move by itself).</summary>
    public static DateTime Now(PortalFactory factory) => factory.Clock.GetUtcNow().UtcDateTime;

    public static async Task<int> AddAsync(PortalFactory factory, int municipalityId, string title, DateTime? fromUtc, DateTime? untilUtc = null,
        string body = "Texte de l'actualité.")
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(municipalityId);
        var item = new NewsItem
        {
            MunicipalityId = municipalityId,
            Title = title,
            Body = body,
            PublishFromUtc = fromUtc,
            PublishUntilUtc = untilUtc,
            CreatedAtUtc = Now(factory),
            UpdatedAtUtc = Now(factory),
        };
        db.NewsItems.Add(item);
        await db.SaveChangesAsync();
        return item.Id;
    }

    public static async Task<List<NewsItem>> ItemsAsync(PortalFactory factory, int municipalityId)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        return await db.NewsItems.IgnoreQueryFilters(AllTenants).AsNoTracking()
            .Where(n => n.MunicipalityId == municipalityId).OrderBy(n => n.Id).ToListAsync();
    }

    public static async Task<NewsItem?> FindAsync(PortalFactory factory, int newsId)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        return await db.NewsItems.IgnoreQueryFilters(AllTenants).AsNoTracking().SingleOrDefaultAsync(n => n.Id == newsId);
    }

    public static async Task<int> ReadCountAsync(PortalFactory factory, string accountId)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        return await db.NewsReads.IgnoreQueryFilters(AllTenants).CountAsync(r => r.AccountId == accountId);
    }

    /// <summary>The parent account the builder linked to the collectivité's family, signed in through « Mon compte ».</summary>
    public static async Task<PageClient> SignedInParentAsync(PortalFactory factory, TenantBuilder.Tenant tenant)
    {
        string identifiant;
        await using (var scope = factory.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalAccount>>();
            var account = (await users.FindByIdAsync(tenant.LinkedAccountId!))!;
            if (!await users.HasPasswordAsync(account))
            {
                Assert.True((await users.AddPasswordAsync(account, AccountJourney.Password)).Succeeded);
            }
            identifiant = account.UserName!;
        }
        var client = PageClient.For(factory);
        var signIn = await AccountJourney.SignInAsync(client, identifiant, AccountJourney.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }

    /// <summary>Links the tenant's parent to the family of a second collectivité as well.</summary>
    public static async Task AlsoJoinAsync(PortalFactory factory, TenantBuilder.Tenant tenant, TenantBuilder.Tenant other)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(other.MunicipalityId);
        db.Memberships.Add(new Membership { MunicipalityId = other.MunicipalityId, FamilyId = other.FamilyId, AccountId = tenant.LinkedAccountId! });
        await db.SaveChangesAsync();
    }
}
