using FamilyPortal.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Infrastructure.RateLimits;

/// <summary>Deletes the counters of windows that are over: they no longer limit anyone.</summary>
public sealed class RateLimitCountersPurgeJob(FamilyPortalDbContext db, TimeProvider time) : IScheduledJob
{
    public string Name => "limites-de-debit-purge";

    public TimeSpan Interval => TimeSpan.FromHours(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        await db.RateLimitCounters.Where(c => c.WindowEnd <= now).ExecuteDeleteAsync(cancellationToken);
    }
}
