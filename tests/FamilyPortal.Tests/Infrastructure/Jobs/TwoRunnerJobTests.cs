using FamilyPortal.Web.Features.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Infrastructure.Jobs;

/// <summary>
/// A job's lease passes to another server when the holder seems dead, so two servers may run one job at the
/// same moment (the first was only slow). Each job then still does each item once: the item is claimed by a
/// conditional update. Two runners are started together on the same items, as two servers would.
/// </summary>
public sealed class TwoRunnerJobTests
{
    private static async Task TwoRunnersAsync(PortalFactory factory, Func<IServiceProvider, Task> run)
    {
        async Task OneAsync()
        {
            await using var scope = factory.Scope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope();
            await run(scope.ServiceProvider);
        }
        await Task.WhenAll(Task.Run(OneAsync), Task.Run(OneAsync));
    }

    [Fact]
    public async Task Two_runners_of_the_document_expiry_job_remind_each_family_once()
    {
        using var factory = new PortalFactory();
        var tenant = await TenantBuilder.CreateAsync(factory);
        var types = await Features.Documents.DocumentKit.AddTypesAsync(factory, tenant.MunicipalityId);
        await factory.InTenantAsync(tenant.MunicipalityId, async db =>
        {
            for (var i = 0; i < 12; i++)
            {
                db.Add(new SupportingDocument
                {
                    MunicipalityId = tenant.MunicipalityId,
                    FamilyId = tenant.FamilyId,
                    TypeId = types.FamilyTypeId,
                    Status = DocumentStatus.Validated,
                    ExpiresOn = new DateOnly(2026, 12, 1).AddDays(i),
                    FileName = $"piece-{i}.pdf",
                    ContentType = "application/pdf",
                    Sha256 = "",
                    SealedContent = [1],
                });
            }
            return await db.SaveChangesAsync();
        });

        await TwoRunnersAsync(factory, services => services.GetRequiredService<DocumentExpiryJob>().RunAsync(CancellationToken.None));

        var reminders = await factory.InTenantAsync(tenant.MunicipalityId, db => db.OutboxMessages.AsNoTracking()
            .CountAsync(m => m.MunicipalityId == tenant.MunicipalityId && m.Subject.StartsWith("Pièce bientôt expirée")));
        Assert.Equal(12, reminders);
        Assert.Equal(12, await factory.InTenantAsync(tenant.MunicipalityId, db => db.Set<SupportingDocument>().CountAsync(d => d.ExpiryReminderSentAtUtc != null)));
    }

    [Fact]
    public async Task Two_runners_of_the_inactive_accounts_job_warn_each_account_once()
    {
        using var factory = new PortalFactory();
        var emails = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            emails.Add((await TenantBuilder.CreateAsync(factory)).FamilyEmail);
        }
        factory.Clock.Advance(TimeSpan.FromDays(3 * 366));

        await TwoRunnersAsync(factory, services => services.GetRequiredService<InactiveAccountsJob>().RunAsync(CancellationToken.None));

        await using var scope = factory.Scope();
        var warnings = await scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.Subject == RetentionEmails.InactiveAccountSubject).Select(m => m.ToAddress).ToListAsync();
        Assert.All(emails, email => Assert.Single(warnings, w => w == email));
        Assert.Equal(warnings.Count, warnings.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Two_runners_lapse_each_waiting_entry_once()
    {
        using var factory = new PortalFactory();
        var tenant = await TenantBuilder.CreateAsync(factory);
        var first = new DateOnly(2026, 11, 23);
        await factory.InTenantAsync(tenant.MunicipalityId, async db =>
        {
            for (var i = 0; i < 10; i++)
            {
                db.WaitingEntries.Add(new WaitingEntry
                {
                    MunicipalityId = tenant.MunicipalityId,
                    AccountId = tenant.LinkedAccountId!,
                    ChildId = tenant.ChildId,
                    ActivityId = tenant.ActivityId,
                    Date = first.AddDays(i),
                    CreatedAtUtc = factory.Clock.GetUtcNow().UtcDateTime,
                });
            }
            return await db.SaveChangesAsync();
        });
        factory.Clock.Advance(TimeSpan.FromDays(40));

        var lapsed = new int[2];
        var turn = -1;
        await TwoRunnersAsync(factory, async services =>
        {
            services.GetRequiredService<TenantContext>().Enter(tenant.MunicipalityId);
            lapsed[Interlocked.Increment(ref turn)] = await services.GetRequiredService<DayWaitingList>().LapseAsync(CancellationToken.None);
        });

        Assert.Equal(10, lapsed.Sum());
        var mine = await factory.InTenantAsync(tenant.MunicipalityId, db => db.WaitingEntries
            .Where(e => e.ChildId == tenant.ChildId && e.Date >= first && e.Date < first.AddDays(10)).Select(e => e.State).ToListAsync());
        Assert.Equal(10, mine.Count(s => s == WaitingState.Lapsed));
    }
}
