using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Payments;

/// <summary>The receipt of an online payment, to the address the parent paid with.</summary>
public sealed class PaymentEmails(FamilyPortalDbContext db, EmailOutbox outbox, PublicLinks links)
{
    public async Task ReceiptAsync(OnlinePayment payment, IReadOnlyList<Invoice> invoices, CancellationToken ct)
    {
        var municipality = await db.Municipalities.AsNoTracking().Where(m => m.Id == payment.MunicipalityId).Select(m => m.Name).SingleAsync(ct);
        var paragraphs = new List<string>
        {
            $"Nous avons bien reçu votre paiement en ligne de {Money.Format(payment.Amount)} (transaction n° {payment.TransactionNumber ?? "—"}).",
        };
        paragraphs.AddRange(invoices.OrderBy(i => i.Number, StringComparer.Ordinal).Select(i =>
            $"Facture n° {i.Number} ({i.BillingMonth.Label}) : {(i.Remaining == 0 ? "réglée" : $"reste {Money.Format(i.Remaining)} à payer")}."));
        outbox.Enqueue(new OutgoingEmail
        {
            ToAddress = payment.Email,
            Subject = $"Paiement reçu – {municipality}",
            Paragraphs = paragraphs,
            Action = new EmailLink("Voir mes factures", links.Absolute("/factures")),
            MunicipalityId = payment.MunicipalityId,
            MunicipalityName = municipality,
        });
    }
}
