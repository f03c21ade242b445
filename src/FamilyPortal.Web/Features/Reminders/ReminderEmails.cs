using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Reminders;

/// <summary>
/// « Relance : facture impayée »: to the family's registered address and its linked accounts whose address is
/// confirmed, as the invoice itself was sent. Queued in the caller's DbContext, saved with the reminder's row.
/// </summary>
public sealed class ReminderEmails(EmailOutbox outbox, PublicLinks links)
{
    public async Task UnpaidAsync(FamilyPortalDbContext db, Invoice invoice, int level, Municipality municipality, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(municipality);
        var family = await db.Families.IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter]).AsNoTracking()
            .Where(f => f.Id == invoice.FamilyId).Select(f => f.Email).SingleAsync(ct);
        var accounts = await (from m in db.Memberships.IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter]).AsNoTracking()
                              join u in db.Users on m.AccountId equals u.Id
                              where m.FamilyId == invoice.FamilyId && u.EmailConfirmed && u.Email != null
                              select u.Email!).ToListAsync(ct);
        var paragraphs = new List<string>
        {
            $"Sauf erreur de notre part, la facture n° {invoice.Number} {invoice.BillingMonth.OfLabel} du foyer {invoice.HouseholdName}, échue le {FrenchDates.Numeric(invoice.DueDate)}, n'est pas entièrement réglée.",
            $"Reste à payer : {Money.Format(invoice.Remaining)}.",
        };
        if (!string.IsNullOrWhiteSpace(municipality.ReminderText))
        {
            paragraphs.AddRange(municipality.ReminderText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        paragraphs.Add("Si vous avez réglé cette facture entre-temps, ne tenez pas compte de ce message.");
        var subject = level == 1
            ? $"Relance : facture {invoice.Number} impayée – {municipality.Name}"
            : $"Relance n° {level} : facture {invoice.Number} impayée – {municipality.Name}";
        foreach (var address in new[] { family }.Concat(accounts).Where(a => !string.IsNullOrWhiteSpace(a))
            .Select(a => a.Trim()).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            outbox.Enqueue(db, new OutgoingEmail
            {
                ToAddress = address,
                ToName = invoice.HouseholdName,
                Subject = subject,
                Paragraphs = paragraphs,
                Action = new EmailLink("Voir mes factures", links.Absolute("/factures")),
                MunicipalityId = municipality.Id,
                MunicipalityName = municipality.Name,
            });
        }
    }
}
