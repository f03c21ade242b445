using FamilyPortal.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Documents;

/// <summary>
/// Validated documents that expire: the family is reminded as many days before as its collectivité chose
/// (« Types de pièces », 30 by default), once, and told on the day it expires, when the document becomes
/// « expirée ». Works at the injected clock's day (Paris), on every collectivité; each document is saved with
/// its mail, so a failed run resumes.
/// </summary>
public sealed class DocumentExpiryJob(FamilyPortalDbContext db, DocumentEmails emails, TimeProvider time) : IScheduledJob
{
    public string Name => "documents-expiry";

    public TimeSpan Interval => TimeSpan.FromHours(6);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var today = ParisClock.Today(time.GetUtcNow(), ParisClock.Zone);
        var reminderDays = await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Id, m => Math.Max(0, m.DocumentReminderDays), cancellationToken);
        var remindFrom = today.AddDays(reminderDays.Count == 0 ? 0 : reminderDays.Values.Max());
        var candidates = await db.Set<SupportingDocument>().IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter]).Include(d => d.Type)
            .Where(d => d.Status == DocumentStatus.Validated && d.ExpiresOn != null
                && (d.ExpiresOn <= today || (d.ExpiresOn <= remindFrom && d.ExpiryReminderSentAtUtc == null)))
            .OrderBy(d => d.Id)
            .ToListAsync(cancellationToken);
        var due = candidates.Where(d => d.ExpiresOn <= today
            || d.ExpiresOn <= today.AddDays(reminderDays.GetValueOrDefault(d.MunicipalityId, Municipality.DefaultDocumentReminderDays)));
        foreach (var document in due)
        {
            var child = document.ChildId is { } childId
                ? await db.Children.IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter]).Where(c => c.Id == childId)
                    .Select(c => c.FirstName + " " + c.LastName).SingleOrDefaultAsync(cancellationToken)
                : null;
            var about = new DocumentEmails.About(document.MunicipalityId, document.FamilyId, document.Type!.Name, child);
            await db.InTransactionAsync(async ct =>
            {
                // Claimed first by a conditional update: when two servers run the job at once (a lease taken
                // over from a server thought dead), one of them tells the family.
                if (!await ClaimAsync(document, today, ct))
                {
                    db.Entry(document).State = EntityState.Detached;
                    return false;
                }
                if (document.ExpiresOn <= today)
                {
                    document.Status = DocumentStatus.Expired;
                    await emails.ExpiredAsync(db, about, document.ExpiresOn!.Value, ct);
                }
                else
                {
                    document.ExpiryReminderSentAtUtc = time.GetUtcNow().UtcDateTime;
                    await emails.ExpiresSoonAsync(db, about, document.ExpiresOn!.Value, ct);
                }
                await db.SaveChangesAsync(ct);
                return true;
            }, cancellationToken);
        }
    }

    private async Task<bool> ClaimAsync(SupportingDocument document, DateOnly today, CancellationToken ct)
    {
        var still = db.Set<SupportingDocument>().IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter])
            .Where(d => d.Id == document.Id && d.Status == DocumentStatus.Validated);
        var now = time.GetUtcNow().UtcDateTime;
        return document.ExpiresOn <= today
            ? await still.ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DocumentStatus.Expired), ct) == 1
            : await still.Where(d => d.ExpiryReminderSentAtUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ExpiryReminderSentAtUtc, now), ct) == 1;
    }
}
