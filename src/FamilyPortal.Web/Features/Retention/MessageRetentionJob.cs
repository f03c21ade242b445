using FamilyPortal.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FamilyPortal.Web.Features.Retention;

/// <summary>
/// Deletes the messagerie threads whose last message is older than « Retention:MessageThreadMonths » — messages,
/// internal notes and sealed attachments with them — in every collectivité, each deletion journalled.
/// </summary>
public sealed class MessageRetentionJob(FamilyPortalDbContext db, IOptions<RetentionOptions> options, TimeProvider time) : IScheduledJob
{
    private const int Batch = 200;

    public string Name => "conservation-messagerie";

    public TimeSpan Interval => TimeSpan.FromDays(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var months = options.Value.MessageThreadMonths;
        var nowUtc = time.GetUtcNow().UtcDateTime;
        var before = nowUtc.AddMonths(-months);
        while (true)
        {
            var due = await (from t in db.Set<MessageThread>().IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter])
                             join f in db.Families.IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter]) on t.FamilyId equals f.Id
                             where t.UpdatedAtUtc < before
                             orderby t.Id
                             select new { t.Id, t.MunicipalityId, t.Subject, t.UpdatedAtUtc, Family = f.HouseholdName })
                .Take(Batch).ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                return;
            }
            foreach (var t in due)
            {
                RetentionJournal.Add(db, t.MunicipalityId, nowUtc, nameof(MessageThread), t.Id,
                    $"Conversation « {t.Subject} » de la famille {t.Family}, dernier message le "
                    + $"{FrenchDates.Numeric(DateOnly.FromDateTime(ParisClock.ToParis(t.UpdatedAtUtc).DateTime))}, supprimée après {RetentionText.Months(months)} (conservation des données)");
            }
            var ids = due.Select(t => t.Id).ToList();
            await db.InTransactionAsync(async token =>
            {
                await db.SaveChangesAsync(token);
                await db.Set<Message>().IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter])
                    .Where(m => ids.Contains(m.ThreadId)).ExecuteDeleteAsync(token);
                return await db.Set<MessageThread>().IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter])
                    .Where(t => ids.Contains(t.Id)).ExecuteDeleteAsync(token);
            }, cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
