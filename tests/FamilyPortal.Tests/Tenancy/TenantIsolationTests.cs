using System.Collections;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Tenancy;

public class TenantIsolationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>Entities with a MunicipalityId that are deliberately not tenant-filtered, and why.</summary>
    private static readonly Dictionary<Type, string> NotTenantOwned = new()
    {
        [typeof(Municipality)] = "the tenant itself",
        [typeof(FamilyPortal.Web.Email.OutboxMessage)] = "the mail dispatcher serves every collectivité",
        [typeof(FamilyPortal.Web.Infrastructure.ReferenceData.ReferenceDataStamp)] = "a version number only, raised and read by explicit collectivité from any scope",
    };

    private static IEnumerable<Type> TenantEntityTypes(DbContext db) =>
        db.Model.GetEntityTypes().Select(t => t.ClrType).Where(t => typeof(ITenantOwned).IsAssignableFrom(t));

    [Fact]
    public async Task Every_entity_carrying_a_municipality_is_tenant_owned_or_listed()
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        var unlisted = db.Model.GetEntityTypes()
            .Where(t => t.FindProperty(nameof(ITenantOwned.MunicipalityId)) is not null)
            .Select(t => t.ClrType)
            .Where(t => !typeof(ITenantOwned).IsAssignableFrom(t) && !NotTenantOwned.ContainsKey(t))
            .ToList();
        Assert.Empty(unlisted);
    }

    [Fact]
    public async Task Every_tenant_owned_entity_has_the_tenant_query_filter()
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        var types = TenantEntityTypes(db).ToList();
        Assert.Contains(typeof(Family), types);
        Assert.Contains(typeof(Child), types);
        Assert.Contains(typeof(Site), types);
        Assert.Contains(typeof(Activity), types);
        foreach (var type in types)
        {
            var filters = db.Model.FindEntityType(type)!.GetDeclaredQueryFilters();
            Assert.Contains(filters, f => f.Key == FamilyPortalDbContext.TenantFilter);
        }
    }

    [Fact]
    public async Task Each_tenant_owned_set_shows_only_the_current_collectivite()
    {
        var a = await TenantBuilder.CreateAsync(factory);
        var b = await TenantBuilder.CreateAsync(factory);

        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(a.MunicipalityId);
        foreach (var type in TenantEntityTypes(db))
        {
            var rows = Rows(db, type);
            Assert.True(rows.Count > 0, $"{type.Name}: the builder made no row, so the test proves nothing");
            Assert.All(rows, r => Assert.Equal(a.MunicipalityId, r.MunicipalityId));
            Assert.DoesNotContain(rows, r => r.MunicipalityId == b.MunicipalityId);
        }
    }

    [Fact]
    public async Task Without_a_current_collectivite_no_tenant_row_is_visible()
    {
        await TenantBuilder.CreateAsync(factory);
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        foreach (var type in TenantEntityTypes(db))
        {
            Assert.Empty(Rows(db, type));
        }
    }

    [Fact]
    public async Task Writing_a_row_of_another_collectivite_is_refused_and_nothing_is_written()
    {
        var a = await TenantBuilder.CreateAsync(factory);
        var b = await TenantBuilder.CreateAsync(factory);

        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
            db.Tenant.Enter(a.MunicipalityId);
            db.Sites.Add(new Site { MunicipalityId = a.MunicipalityId, Name = "Autorisé", Prefix = "AU" });
            db.Sites.Add(new Site { MunicipalityId = b.MunicipalityId, Name = "Intrus", Prefix = "IN" });
            await Assert.ThrowsAsync<TenantViolationException>(() => db.SaveChangesAsync());
        }

        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
            var names = await db.Sites.IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter])
                .Where(s => s.MunicipalityId == a.MunicipalityId || s.MunicipalityId == b.MunicipalityId)
                .Select(s => s.Name).ToListAsync();
            Assert.DoesNotContain("Autorisé", names);
            Assert.DoesNotContain("Intrus", names);
        }
    }

    [Fact]
    public async Task Moving_a_row_to_another_collectivite_or_editing_it_by_id_is_refused()
    {
        var a = await TenantBuilder.CreateAsync(factory);
        var b = await TenantBuilder.CreateAsync(factory);

        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(a.MunicipalityId);
        var child = await db.Children.SingleAsync(c => c.Id == a.ChildId);
        child.MunicipalityId = b.MunicipalityId;
        await Assert.ThrowsAsync<TenantViolationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        // A forged id of the other collectivité, attached without a query.
        var forged = new Child { Id = b.ChildId, MunicipalityId = b.MunicipalityId, FamilyId = b.FamilyId, FirstName = "X", LastName = "Y" };
        db.Children.Update(forged);
        await Assert.ThrowsAsync<TenantViolationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.Children.Remove(new Child { Id = b.ChildId, MunicipalityId = b.MunicipalityId, FirstName = "X", LastName = "Y" });
        await Assert.ThrowsAsync<TenantViolationException>(() => db.SaveChangesAsync());

        await using var check = factory.Scope();
        var checkDb = check.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        checkDb.Tenant.Enter(b.MunicipalityId);
        var untouched = await checkDb.Children.SingleAsync(c => c.Id == b.ChildId);
        Assert.Equal("Lou", untouched.FirstName);
    }

    [Fact]
    public void A_request_cannot_switch_to_another_collectivite_once_entered()
    {
        var tenant = new TenantContext();
        tenant.Enter(1);
        tenant.Enter(1);
        Assert.Throws<InvalidOperationException>(() => tenant.Enter(2));
        Assert.Equal(1, tenant.MunicipalityId);
    }

    private static List<ITenantOwned> Rows(FamilyPortalDbContext db, Type type)
    {
        var set = (IEnumerable)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!
            .MakeGenericMethod(type).Invoke(db, null)!;
        return set.Cast<ITenantOwned>().ToList();
    }
}
