using FamilyPortal.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FamilyPortal.Web.Features.Retention;

/// <summary>
/// Deletes the refused documents whose refusal, and the expired documents whose last day of validity, is older
/// than « Retention:RefusedOrExpiredDocumentMonths » — row and sealed content together — in every collectivité,
/// each deletion journalled with it.
/// </summary>
public sealed class DocumentRetentionJob(FamilyPortalDbContext db, IOptions<RetentionOptions> options, TimeProvider time) : IScheduledJob
{
    private const int Batch = 200;

    public string Name => "conservation-pieces";

    public TimeSpan Interval => TimeSpan.FromDays(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var months = options.Value.RefusedOrExpiredDocumentMonths;
        var now = time.GetUtcNow();
        var refusedBefore = now.UtcDateTime.AddMonths(-months);
        // Expired on day D (Paris): kept through D + period, deleted from the day after.
        var expiredBefore = ParisClock.Today(now, ParisClock.Zone).AddMonths(-months);
        while (true)
        {
            var due = await (from d in db.Set<SupportingDocument>().IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter])
                             join f in db.Families.IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter]) on d.FamilyId equals f.Id
                             where (d.Status == DocumentStatus.Refused && (d.DecidedAtUtc ?? d.UploadedAtUtc) < refusedBefore)
                                 || (d.Status == DocumentStatus.Expired && d.ExpiresOn != null && d.ExpiresOn < expiredBefore)
                             orderby d.Id
                             select new { d.Id, d.MunicipalityId, d.Status, d.FileName, d.ExpiresOn, d.DecidedAtUtc, d.UploadedAtUtc, Type = d.Type!.Name, Family = f.HouseholdName })
                .Take(Batch)
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                return;
            }
            var nowUtc = now.UtcDateTime;
            foreach (var d in due)
            {
                var why = d.Status == DocumentStatus.Refused
                    ? $"refusée le {FrenchDates.Numeric(DateOnly.FromDateTime(ParisClock.ToParis(d.DecidedAtUtc ?? d.UploadedAtUtc).DateTime))}"
                    : $"expirée le {FrenchDates.Numeric(d.ExpiresOn!.Value)}";
                RetentionJournal.Add(db, d.MunicipalityId, nowUtc, nameof(SupportingDocument), d.Id,
                    $"Pièce « {d.Type} » de la famille {d.Family} {why}, supprimée après {RetentionText.Months(months)} (conservation des données)",
                    [new JournalChange(nameof(SupportingDocument.FileName), d.FileName, null)]);
            }
            var ids = due.Select(d => d.Id).ToList();
            await db.InTransactionAsync(async token =>
            {
                await db.SaveChangesAsync(token);
                return await db.Set<SupportingDocument>().IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter])
                    .Where(d => ids.Contains(d.Id)).ExecuteDeleteAsync(token);
            }, cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
