using FamilyPortal.Web.Features.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Features.Retention;

/// <summary>Runs a retention job as the runner does (platform scope, its own service scope), at the clock's time.</summary>
public static class RetentionKit
{
    public static async Task RunAsync<TJob>(PortalFactory factory) where TJob : FamilyPortal.Web.Infrastructure.Jobs.IScheduledJob
    {
        await using var scope = factory.Scope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope();
        await scope.ServiceProvider.GetRequiredService<TJob>().RunAsync(CancellationToken.None);
    }

    /// <summary>Moves the fake clock forward to an instant (it never goes back).</summary>
    public static void MoveTo(PortalFactory factory, DateTimeOffset instant)
    {
        Assert.True(instant >= factory.Clock.GetUtcNow(), $"the clock cannot go back to {instant:O}");
        factory.Clock.SetUtcNow(instant);
    }

    /// <summary>The summaries the retention jobs wrote in the collectivité's journal.</summary>
    public static Task<List<string>> RetentionJournalAsync(PortalFactory factory, int municipalityId) =>
        Invoices.BillingKit.ReadAsync(factory, municipalityId, db => db.JournalEntries.AsNoTracking()
            .Where(j => j.ActorName == RetentionJournal.ActorName).OrderBy(j => j.Id).Select(j => j.Summary).ToListAsync());

    public static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
