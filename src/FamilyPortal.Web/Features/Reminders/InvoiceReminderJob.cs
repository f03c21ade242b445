using FamilyPortal.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Reminders;

/// <summary>
/// Every hour, in each collectivité that has reminders on: each unpaid invoice whose next reminder is due gets it,
/// by email through the outbox. The reminder's row and its emails are saved together; the row is unique per
/// invoice and level, so two servers running at once (or a run retried after a failure) never send one twice.
/// </summary>
public sealed class InvoiceReminderJob(FamilyPortalDbContext db, ReminderEmails emails, TimeProvider time, ILogger<InvoiceReminderJob> logger) : IScheduledJob
{
    public string Name => "relances-factures-impayees";

    public TimeSpan Interval => TimeSpan.FromHours(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = ParisClock.Today(now, ParisClock.Zone);
        var municipalities = await db.Municipalities.AsNoTracking()
            .Where(m => m.RemindersEnabled && m.FirstReminderDays != null).ToListAsync(cancellationToken);
        foreach (var municipality in municipalities)
        {
            var days = ReminderSchedule.Days(municipality.FirstReminderDays, municipality.SecondReminderDays, municipality.ThirdReminderDays);
            var dueBefore = today.AddDays(-days[0]);
            // An invoice in a debit file will be collected from the family's account: no reminder unless rejected.
            var inDebitFiles = db.DebitBatchLines.IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter])
                .Where(l => l.MunicipalityId == municipality.Id && l.Status == DebitLineStatus.Scheduled).Select(l => l.InvoiceId);
            var invoices = await db.Invoices.IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter]).AsNoTracking()
                .Where(i => i.MunicipalityId == municipality.Id && (i.Status == InvoiceStatus.ToPay || i.Status == InvoiceStatus.PartiallyPaid)
                    && i.DueDate <= dueBefore
                    && !inDebitFiles.Contains(i.Id))
                .OrderBy(i => i.Id).ToListAsync(cancellationToken);
            var ids = invoices.Select(i => i.Id).ToList();
            var sent = (await db.InvoiceReminders.IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter]).AsNoTracking()
                    .Where(r => r.MunicipalityId == municipality.Id && ids.Contains(r.InvoiceId))
                    .Select(r => new { r.InvoiceId, r.Level }).ToListAsync(cancellationToken))
                .ToLookup(r => r.InvoiceId, r => r.Level);
            foreach (var invoice in invoices)
            {
                if (ReminderSchedule.LevelToSend(invoice.DueDate, today, days, sent[invoice.Id].ToList()) is { } level)
                {
                    await SendAsync(municipality, invoice, level, today, now.UtcDateTime, cancellationToken);
                }
            }
        }
    }

    private async Task SendAsync(Municipality municipality, Invoice invoice, int level, DateOnly today, DateTime nowUtc, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        db.InvoiceReminders.Add(new InvoiceReminder
        {
            MunicipalityId = municipality.Id,
            InvoiceId = invoice.Id,
            Level = level,
            SentOn = today,
            SentAtUtc = nowUtc,
            Remaining = invoice.Remaining,
        });
        await emails.UnpaidAsync(db, invoice, level, municipality, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await AlreadySentAsync(invoice.Id, level, ct))
            {
                throw;
            }
            // Another server sent this very reminder a moment ago: its row won, this one's emails go nowhere.
            logger.LogInformation("Relance {Level} de la facture {InvoiceId} déjà envoyée par un autre serveur", level, invoice.Id);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private Task<bool> AlreadySentAsync(int invoiceId, int level, CancellationToken ct) =>
        db.InvoiceReminders.IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter]).AsNoTracking()
            .AnyAsync(r => r.InvoiceId == invoiceId && r.Level == level, ct);
}
