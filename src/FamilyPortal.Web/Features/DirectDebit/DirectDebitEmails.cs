using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.DirectDebit;

/// <summary>
/// A debit rejected by the family's bank: to the family's registered address and its linked accounts whose address
/// is confirmed, in the same transaction as the reject.
/// </summary>
public sealed class DirectDebitEmails(FamilyPortalDbContext db, EmailOutbox outbox, PublicLinks links)
{
    public async Task RejectedAsync(Invoice invoice, DebitBatchLine line, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(line);
        var municipality = await db.Municipalities.AsNoTracking().Where(m => m.Id == invoice.MunicipalityId).Select(m => m.Name).SingleAsync(ct);
        var familyEmail = await db.Families.AsNoTracking().Where(f => f.Id == invoice.FamilyId).Select(f => f.Email).SingleOrDefaultAsync(ct);
        var accountEmails = await (from m in db.Memberships.AsNoTracking()
                                   join u in db.Users on m.AccountId equals u.Id
                                   where m.FamilyId == invoice.FamilyId && u.EmailConfirmed && u.Email != null
                                   select u.Email!).ToListAsync(ct);
        var addresses = new[] { familyEmail }.Concat(accountEmails).Where(a => !string.IsNullOrWhiteSpace(a))
            .Select(a => a!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var address in addresses)
        {
            outbox.Enqueue(new OutgoingEmail
            {
                ToAddress = address,
                ToName = invoice.HouseholdName,
                Subject = $"Prélèvement rejeté – facture {invoice.Number} – {municipality}",
                Paragraphs =
                [
                    $"Le prélèvement de {Money.Format(line.Amount)} pour la facture n° {invoice.Number} ({invoice.BillingMonth.Label}) a été rejeté par votre banque.",
                    $"Motif donné par la banque : {RejectReasons.Describe(line.RejectReason ?? "")}.",
                    "La facture reste à régler : payez-la par un autre moyen (en ligne si la mairie le propose, ou à la mairie) et, si le compte a changé, signez un nouveau mandat dans « Mes factures ».",
                ],
                Action = new EmailLink("Voir mes factures", links.Absolute("/factures")),
                MunicipalityId = invoice.MunicipalityId,
                MunicipalityName = municipality,
            });
        }
    }
}
