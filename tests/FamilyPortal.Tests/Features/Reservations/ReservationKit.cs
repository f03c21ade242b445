using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Features.Reservations;

/// <summary>A parent of a test collectivité, with a scope of the application's services working on it.</summary>
public sealed class ParentSession : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    private ParentSession(AsyncServiceScope scope, ParentScope parent)
    {
        _scope = scope;
        Parent = parent;
    }

    public ParentScope Parent { get; }

    public T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    public FamilyPortalDbContext Db => Get<FamilyPortalDbContext>();

    public static async Task<ParentSession> OpenAsync(PortalFactory factory, int municipalityId, int familyId, string? accountId = null)
    {
        accountId ??= await NewAccountAsync(factory);
        var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>().Tenant.Enter(municipalityId);
        return new ParentSession(scope, new ParentScope(municipalityId, accountId, familyId));
    }

    public static async Task<string> NewAccountAsync(PortalFactory factory)
    {
        await using var scope = factory.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalAccount>>();
        var account = new PortalAccount
        {
            UserName = "parent-" + Guid.NewGuid().ToString("N")[..12],
            Email = $"parent-{Guid.NewGuid():N}@exemple.test",
            EmailConfirmed = true,
            LastName = "MARTIN",
            FirstName = "Alex",
        };
        var created = await users.CreateAsync(account);
        Assert.True(created.Succeeded);
        return account.Id;
    }

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}

public static class ReservationKit
{
    /// <summary>Monday 23/11/2026: bookable from the factory's clock (Monday 16/11 08:00), deadline Thursday 19/11 10:00.</summary>
    public static readonly DateOnly NextMonday = new(2026, 11, 23);

    public static async Task<int> AddFamilyAsync(PortalFactory factory, TenantBuilder.Tenant tenant, string name = "BERNARD")
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        var vault = scope.ServiceProvider.GetRequiredService<AdhesionCodeVault>();
        db.Tenant.Enter(tenant.MunicipalityId);
        var family = new Family { MunicipalityId = tenant.MunicipalityId, HouseholdName = name, Email = $"{Guid.NewGuid():N}@exemple.test" };
        vault.Assign(family, AdhesionCode.Generate());
        family.Children.Add(new Child { MunicipalityId = tenant.MunicipalityId, FirstName = "Sam", LastName = name, SiteId = tenant.SiteId });
        db.Families.Add(family);
        await db.SaveChangesAsync();
        return family.Id;
    }

    public static async Task<int> ChildOfAsync(PortalFactory factory, int municipalityId, int familyId)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(municipalityId);
        return await db.Children.Where(c => c.FamilyId == familyId).Select(c => c.Id).FirstAsync();
    }

    public static async Task SetCapacityAsync(PortalFactory factory, int municipalityId, int activityId, int? capacity)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(municipalityId);
        await db.Activities.Where(a => a.Id == activityId).ExecuteUpdateAsync(u => u.SetProperty(a => a.Capacity, capacity));
    }

    public static async Task<List<Booking>> ActiveBookingsAsync(PortalFactory factory, int municipalityId, int activityId, DateOnly day)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(municipalityId);
        return await db.Bookings.AsNoTracking().Where(b => b.ActivityId == activityId && b.Date == day && b.CancelledAtUtc == null).ToListAsync();
    }
}
