using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Invoices;

/// <summary>Everything an invoice shows, on the page and in its PDF.</summary>
public sealed record InvoiceDocument(
    string MunicipalityName, string? MunicipalityAddress, string MunicipalityEmail,
    Invoice Invoice, IReadOnlyList<InvoiceLine> Lines, IReadOnlyList<CreditNote> CreditNotes, IReadOnlyList<Payment> Payments)
{
    public InvoiceStatus Status => Invoice.Status;

    public decimal Remaining => Invoice.Remaining;

    public string FileName => $"facture-{Invoice.Number}.pdf";
}

/// <summary>Reads an invoice of the current collectivité, optionally only if it is of the given family.</summary>
public sealed class InvoiceDocuments(FamilyPortalDbContext db)
{
    public async Task<InvoiceDocument?> LoadAsync(int invoiceId, int? familyId, CancellationToken ct)
    {
        var invoice = await db.Invoices.AsNoTracking()
            .SingleOrDefaultAsync(i => i.Id == invoiceId && (familyId == null || i.FamilyId == familyId), ct);
        if (invoice is null)
        {
            return null;
        }
        var municipality = await db.Municipalities.AsNoTracking().SingleAsync(m => m.Id == invoice.MunicipalityId, ct);
        var lines = await db.InvoiceLines.AsNoTracking().Where(l => l.InvoiceId == invoiceId).OrderBy(l => l.Position).ToListAsync(ct);
        var credits = await db.CreditNotes.AsNoTracking().Where(c => c.InvoiceId == invoiceId).OrderBy(c => c.Sequence).ToListAsync(ct);
        var payments = await db.Payments.AsNoTracking().Where(p => p.InvoiceId == invoiceId).OrderBy(p => p.Date).ThenBy(p => p.Id).ToListAsync(ct);
        return new InvoiceDocument(municipality.Name, municipality.PostalAddress, municipality.ContactEmail, invoice, lines, credits, payments);
    }
}
