using FamilyPortal.Web.Features.Retention;
using FamilyPortal.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Features.Invoices.BillingKit;
using static FamilyPortal.Tests.Features.Retention.RetentionKit;

namespace FamilyPortal.Tests.Features.Retention;

/// <summary>Two portal servers polling at the same moment: each retention job runs on one of them, and acts once.</summary>
public class RetentionJobsOnSeveralServersTests
{
    private static readonly string[] Jobs =
        ["conservation-pieces", "conservation-sante-familles-parties", "conservation-comptes-inutilises", "conservation-journal-courriels"];

    [Fact]
    public async Task Each_retention_job_runs_once_when_two_servers_poll_together()
    {
        using var factory = new PortalFactory();
        var tenant = await TenantBuilder.CreateAsync(factory);
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
            db.Tenant.EnterPlatformScope();
            await db.Families.IgnoreQueryFilters().Where(f => f.Id == tenant.FamilyId)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.DepartedOn, new DateOnly(2025, 1, 1)));
            await db.Users.Where(u => u.Id == tenant.LinkedAccountId)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInAtUtc, Utc(2023, 1, 1, 8).UtcDateTime));
        }
        MoveTo(factory, factory.Clock.GetUtcNow().AddDays(1));
        var servers = Enumerable.Range(0, 2).Select(_ => ActivatorUtilities.CreateInstance<ScheduledJobRunner>(factory.Services)).ToList();

        var ran = await Task.WhenAll(servers.Select(s => Task.Run(() => s.RunDueAsync(CancellationToken.None))));

        foreach (var job in Jobs)
        {
            Assert.Equal(1, ran.Count(names => names.Contains(job)));
        }
        Assert.Single(await RetentionJournalAsync(factory, tenant.MunicipalityId),
            s => s == "Fiches sanitaires, pièces justificatives et messages de la famille MARTIN, partie le 01/01/2025, effacées après 1 an (conservation des données)");
        Assert.Equal(1, await ReadAsync(factory, tenant.MunicipalityId, db => db.OutboxMessages
            .CountAsync(m => m.ToAddress == tenant.FamilyEmail && m.Subject == RetentionEmails.InactiveAccountSubject)));
        await using (var scope = factory.Scope())
        {
            var leases = await scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>().JobLeases.AsNoTracking()
                .Where(l => Jobs.Contains(l.Name)).ToListAsync();
            Assert.Equal(Jobs.Length, leases.Count);
            Assert.All(leases, l => Assert.Null(l.LastError));
            Assert.All(leases, l => Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime.AddDays(1), l.NextRunAtUtc));
        }
    }
}
