using FamilyPortal.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FamilyPortal.Web.Features.Retention;

/// <summary>
/// Deletes the journal entries older than « Retention:JournalMonths » and the copies of mail sent (or abandoned)
/// longer ago than « Retention:SentMailMonths ». Mail still waiting to leave is never touched.
/// </summary>
public sealed class JournalAndMailRetentionJob(
    FamilyPortalDbContext db,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<JournalAndMailRetentionJob> logger) : IScheduledJob
{
    public string Name => "conservation-journal-courriels";

    public TimeSpan Interval => TimeSpan.FromDays(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var journalBefore = now.AddMonths(-options.Value.JournalMonths);
        var mailBefore = now.AddMonths(-options.Value.SentMailMonths);
        var entries = await db.JournalEntries.IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter])
            .Where(j => j.AtUtc < journalBefore).ExecuteDeleteAsync(cancellationToken);
        var mails = await db.OutboxMessages
            .Where(m => (m.SentAtUtc != null && m.SentAtUtc < mailBefore) || (m.AbandonedAtUtc != null && m.AbandonedAtUtc < mailBefore))
            .ExecuteDeleteAsync(cancellationToken);
        if (entries + mails > 0)
        {
            logger.LogInformation("Conservation des données : {Entries} entrées du journal et {Mails} courriels envoyés supprimés", entries, mails);
        }
    }
}
