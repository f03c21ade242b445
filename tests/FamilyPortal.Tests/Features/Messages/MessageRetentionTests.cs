using FamilyPortal.Web.Features.Retention;
using Microsoft.EntityFrameworkCore;
using static FamilyPortal.Tests.Features.Invoices.BillingKit;
using static FamilyPortal.Tests.Features.Retention.RetentionKit;

namespace FamilyPortal.Tests.Features.Messages;

/// <summary>Threads go 24 months (the default) after their last message, and with the health data of a family that left.</summary>
public class MessageRetentionTests
{
    private static Task<int> CountAsync(PortalFactory factory, int municipalityId) =>
        ReadAsync(factory, municipalityId, db => db.Set<Message>().CountAsync());

    [Fact]
    public async Task A_thread_is_deleted_with_its_messages_24_months_after_its_last_message_not_before()
    {
        using var factory = new PortalFactory();
        var tenant = await TenantBuilder.CreateAsync(factory);
        var thread = await MessageKit.BuiltThreadAsync(factory, tenant.MunicipalityId);

        MoveTo(factory, new DateTimeOffset(thread.UpdatedAtUtc.AddMonths(24).AddMinutes(-1), TimeSpan.Zero));
        await RunAsync<MessageRetentionJob>(factory);
        Assert.Equal(3, await CountAsync(factory, tenant.MunicipalityId));

        MoveTo(factory, new DateTimeOffset(thread.UpdatedAtUtc.AddMonths(24).AddMinutes(1), TimeSpan.Zero));
        await RunAsync<MessageRetentionJob>(factory);
        Assert.Empty(await MessageKit.ThreadsAsync(factory, tenant.MunicipalityId));
        Assert.Equal(0, await CountAsync(factory, tenant.MunicipalityId));
        var entry = Assert.Single(await RetentionJournalAsync(factory, tenant.MunicipalityId));
        Assert.Equal("Conversation « Restauration scolaire » de la famille MARTIN, dernier message le 10/11/2026, supprimée après 2 ans (conservation des données)", entry);
    }

    [Fact]
    public async Task The_threads_of_a_family_that_left_are_erased_with_its_health_data()
    {
        using var factory = new PortalFactory();
        var tenant = await TenantBuilder.CreateAsync(factory);
        var stays = await TenantBuilder.CreateAsync(factory);
        await factory.InTenantAsync(tenant.MunicipalityId, async db =>
        {
            (await db.Families.SingleAsync(f => f.Id == tenant.FamilyId)).DepartedOn = new DateOnly(2026, 11, 10);
            return await db.SaveChangesAsync();
        });

        MoveTo(factory, Utc(2027, 11, 10, 23, 1));
        await RunAsync<DepartedFamilyHealthJob>(factory);

        Assert.Empty(await MessageKit.ThreadsAsync(factory, tenant.MunicipalityId));
        Assert.Equal(0, await CountAsync(factory, tenant.MunicipalityId));
        Assert.Single(await MessageKit.ThreadsAsync(factory, stays.MunicipalityId));
        Assert.Contains(await RetentionJournalAsync(factory, tenant.MunicipalityId), s => s.Contains("pièces justificatives et messages de la famille MARTIN", StringComparison.Ordinal));
    }
}
