using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Invoices;

/// <summary>
/// « Votre facture est disponible »: to the address the collectivité registered for the family and to every
/// linked account whose address is confirmed — an unconfirmed address may be someone else's, and an invoice
/// tells what the children do.
/// </summary>
public sealed class InvoiceEmails(FamilyPortalDbContext db, EmailOutbox outbox, PublicLinks links)
{
    public async Task IssuedAsync(int municipalityId, IReadOnlyList<Invoice> invoices, CancellationToken ct)
    {
        var municipality = await db.Municipalities.AsNoTracking().Where(m => m.Id == municipalityId).Select(m => m.Name).SingleAsync(ct);
        var familyIds = invoices.Select(i => i.FamilyId).ToHashSet();
        var familyEmails = (await db.Families.AsNoTracking().Select(f => new { f.Id, f.Email }).ToListAsync(ct))
            .Where(f => familyIds.Contains(f.Id)).ToDictionary(f => f.Id, f => f.Email);
        var accountEmails = (await (from m in db.Memberships.AsNoTracking()
                                    join u in db.Users on m.AccountId equals u.Id
                                    where u.EmailConfirmed && u.Email != null
                                    select new { m.FamilyId, Email = u.Email! }).ToListAsync(ct))
            .Where(a => familyIds.Contains(a.FamilyId)).ToLookup(a => a.FamilyId, a => a.Email);
        var link = links.Absolute("/factures");
        foreach (var invoice in invoices)
        {
            var addresses = new[] { familyEmails.GetValueOrDefault(invoice.FamilyId) }.Concat(accountEmails[invoice.FamilyId])
                .Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase);
            foreach (var address in addresses)
            {
                outbox.Enqueue(Message(invoice, address, municipalityId, municipality, link));
            }
        }
    }

    private static OutgoingEmail Message(Invoice invoice, string address, int municipalityId, string municipality, string link)
    {
        var paragraphs = new List<string>
        {
            $"La facture n° {invoice.Number} {invoice.BillingMonth.OfLabel} du foyer {invoice.HouseholdName} est disponible sur votre espace famille.",
            $"Montant : {Money.Format(invoice.Total)}, à régler avant le {FrenchDates.Numeric(invoice.DueDate)}.",
        };
        if (invoice.HighestBracketApplied)
        {
            paragraphs.Add(InvoiceCalculator.HighestBracketNotice + " Transmettez votre attestation de quotient familial à la mairie pour les prochaines factures.");
        }
        return new OutgoingEmail
        {
            ToAddress = address,
            ToName = invoice.HouseholdName,
            Subject = $"Votre facture {invoice.Number} – {invoice.BillingMonth.Label} – {municipality}",
            Paragraphs = paragraphs,
            Action = new EmailLink("Voir mes factures", link),
            MunicipalityId = municipalityId,
            MunicipalityName = municipality,
        };
    }
}
