using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Email.EmailTestKit;

namespace FamilyPortal.Tests.Email;

public sealed class OutboxTransactionTests
{
    [Fact]
    public async Task The_mail_is_committed_by_the_same_SaveChanges_as_the_business_change()
    {
        await using var factory = new PortalFactory();
        var tenant = await TenantBuilder.CreateAsync(factory);
        string messageId;
        int familyId;
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
            db.Tenant.Enter(tenant.MunicipalityId);
            var family = new Family { MunicipalityId = tenant.MunicipalityId, HouseholdName = "DURAND", Email = "durand@exemple.test" };
            scope.ServiceProvider.GetRequiredService<AdhesionCodeVault>().Assign(family, AdhesionCode.Generate());
            db.Families.Add(family);
            var message = scope.ServiceProvider.GetRequiredService<EmailOutbox>()
                .Enqueue(Sample(to: family.Email) with { MunicipalityId = tenant.MunicipalityId });
            messageId = message.MessageId;

            // Enqueue does not save: nothing is visible from elsewhere before the caller's SaveChanges.
            Assert.Null(await FindAsync(factory, messageId));

            await db.SaveChangesAsync();
            familyId = family.Id;
        }

        var stored = await FindAsync(factory, messageId);
        Assert.NotNull(stored);
        Assert.Equal("durand@exemple.test", stored.ToAddress);
        Assert.Equal(tenant.MunicipalityId, stored.MunicipalityId);
        Assert.Null(stored.SentAtUtc);
        Assert.Equal(Now(factory), stored.NextAttemptAtUtc);
        Assert.Matches("^<[0-9a-f]{32}@familyportal>$", stored.MessageId);
        await using var check = factory.Scope();
        var checkDb = check.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        checkDb.Tenant.Enter(tenant.MunicipalityId);
        Assert.True(await checkDb.Families.AnyAsync(f => f.Id == familyId));
    }

    [Fact]
    public async Task A_save_refused_by_the_tenant_guard_writes_neither_the_change_nor_the_mail()
    {
        await using var factory = new PortalFactory();
        var mine = await TenantBuilder.CreateAsync(factory);
        var other = await TenantBuilder.CreateAsync(factory);
        string messageId;
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
            db.Tenant.Enter(mine.MunicipalityId);
            messageId = scope.ServiceProvider.GetRequiredService<EmailOutbox>().Enqueue(Sample()).MessageId;
            db.Sites.Add(new Site { MunicipalityId = other.MunicipalityId, Name = "Site intrus", Prefix = "SI" });
            await Assert.ThrowsAsync<TenantViolationException>(() => db.SaveChangesAsync());
        }

        Assert.Null(await FindAsync(factory, messageId));
        Assert.False(await SiteExistsAsync(factory, "Site intrus"));
    }

    [Fact]
    public async Task A_save_failing_in_the_database_rolls_back_the_mail_too()
    {
        await using var factory = new PortalFactory();
        var tenant = await TenantBuilder.CreateAsync(factory);
        string messageId;
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
            db.Tenant.Enter(tenant.MunicipalityId);
            messageId = scope.ServiceProvider.GetRequiredService<EmailOutbox>().Enqueue(Sample()).MessageId;
            // Same name as the builder's site: the unique index refuses it inside the transaction.
            db.Sites.Add(new Site { MunicipalityId = tenant.MunicipalityId, Name = "Groupe scolaire Test", Prefix = "GT" });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        Assert.Null(await FindAsync(factory, messageId));
    }

    [Fact]
    public async Task A_recipient_that_is_not_exactly_one_address_is_refused_before_anything_is_queued()
    {
        string[] forged =
        [
            "parent@exemple.test\r\nBcc: espion@exemple.test",
            "parent@exemple.test\nBcc: espion@exemple.test",
            "Parent <parent@exemple.test>",
            "parent@exemple.test, espion@exemple.test",
            "sans-arobase",
            "",
        ];
        await using var factory = new PortalFactory();
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();

        foreach (var address in forged)
        {
            Assert.Throws<ArgumentException>(() => outbox.Enqueue(Sample(to: address)));
        }
        Assert.Empty(db.ChangeTracker.Entries<OutboxMessage>());
        Assert.Equal("parent@exemple.test", outbox.Enqueue(Sample(to: " parent@exemple.test ")).ToAddress);
    }

    private static async Task<bool> SiteExistsAsync(PortalFactory factory, string name)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        return await db.Sites.IgnoreQueryFilters().AnyAsync(s => s.Name == name);
    }
}
