using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Invoices;

/// <summary>
/// Payments and credit notes of an issued invoice. Each is based on the version of the invoice the agent
/// saw: two agents recording the last payment at once cannot both make it, the second is told the invoice
/// changed meanwhile. The invoice's lines and total never change.
/// </summary>
public sealed class InvoiceLedger(FamilyPortalDbContext db, DocumentNumbers numbers, DirectDebitSchedule debits, TimeProvider time)
{
    public const string ChangedMeanwhile = "Cette facture a été modifiée entre-temps (paiement ou avoir enregistré par quelqu'un d'autre) : vérifiez le reste à payer puis recommencez.";

    /// <summary>Null when done; otherwise the field (or « » for the whole form) and the French message.</summary>
    public sealed record Refusal(string Field, string Message);

    public sealed record PaymentRequest(int InvoiceId, int Version, DateOnly Date, decimal? Amount, PaymentMeans Means, string? Reference, string? AccountId);

    public sealed record CreditRequest(int InvoiceId, int Version, decimal? Amount, string Reason, string? AccountId);

    public static string DebitScheduled(DateOnly collection) =>
        $"Cette facture est dans un fichier de prélèvement ({DirectDebitSchedule.Label(collection)}) : enregistrez d'abord le rejet du prélèvement sur la page du fichier.";

    public DateOnly Today => ParisClock.Today(time.GetUtcNow(), ParisClock.Zone);

    /// <summary>Records a payment. Throws <see cref="KeyNotFoundException"/> for an invoice not of this collectivité.</summary>
    public async Task<Refusal?> RecordPaymentAsync(PaymentRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        db.ChangeTracker.Clear();
        var invoice = await FindAsync(request.InvoiceId, ct);
        if (invoice.Version != request.Version)
        {
            return new Refusal("", ChangedMeanwhile);
        }
        // The bank will take it on the collection date: recorded paid here too, it would be paid twice.
        if ((await debits.ForInvoicesAsync([invoice.Id], ct)).TryGetValue(invoice.Id, out var collection))
        {
            return new Refusal("", DebitScheduled(collection));
        }
        if (LedgerRules.CheckPayment(request.Amount, invoice.Remaining) is { } message)
        {
            return new Refusal("Amount", message);
        }
        var amount = request.Amount!.Value;
        db.Payments.Add(new Payment
        {
            MunicipalityId = invoice.MunicipalityId,
            InvoiceId = invoice.Id,
            Date = request.Date,
            Amount = amount,
            Means = request.Means,
            Reference = request.Reference,
            RecordedAtUtc = time.GetUtcNow().UtcDateTime,
            RecordedByAccountId = request.AccountId,
        });
        invoice.Paid += amount;
        return await SaveAsync(invoice, request.Version, ct);
    }

    /// <summary>Makes a credit note with the next number of its own sequence, in the same transaction.</summary>
    public async Task<Refusal?> IssueCreditNoteAsync(CreditRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await db.InTransactionAsync(async token =>
            {
                db.ChangeTracker.Clear();
                var invoice = await FindAsync(request.InvoiceId, token);
                if (invoice.Version != request.Version)
                {
                    return new Refusal("", ChangedMeanwhile);
                }
                // The bank takes the file's amount whatever is credited: the excess would be collected all the same.
                if ((await debits.ForInvoicesAsync([invoice.Id], token)).TryGetValue(invoice.Id, out var collection))
                {
                    return new Refusal("", DebitScheduled(collection));
                }
                if (LedgerRules.CheckCredit(request.Amount, invoice.Total - invoice.Credited) is { } message)
                {
                    return new Refusal("Amount", message);
                }
                var amount = request.Amount!.Value;
                var now = time.GetUtcNow();
                var today = ParisClock.Today(now, ParisClock.Zone);
                var sequence = await numbers.ReserveAsync(invoice.MunicipalityId, DocumentSeries.CreditNote, today.Year, 1, token);
                db.CreditNotes.Add(new CreditNote
                {
                    MunicipalityId = invoice.MunicipalityId,
                    InvoiceId = invoice.Id,
                    Year = today.Year,
                    Sequence = sequence,
                    Number = DocumentNumber.CreditNote(today.Year, sequence),
                    IssuedAtUtc = now.UtcDateTime,
                    IssueDate = today,
                    Amount = amount,
                    Reason = request.Reason,
                    CreatedByAccountId = request.AccountId,
                });
                invoice.Credited += amount;
                Stamp(invoice, request.Version);
                await db.SaveChangesAsync(token);
                return null;
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new Refusal("", ChangedMeanwhile);
        }
    }

    private async Task<Invoice> FindAsync(int invoiceId, CancellationToken ct) =>
        await db.Invoices.SingleOrDefaultAsync(i => i.Id == invoiceId, ct) ?? throw new KeyNotFoundException();

    private async Task<Refusal?> SaveAsync(Invoice invoice, int version, CancellationToken ct)
    {
        Stamp(invoice, version);
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new Refusal("", ChangedMeanwhile);
        }
    }

    /// <summary>The update requires the version the agent saw, and raises it.</summary>
    private void Stamp(Invoice invoice, int version)
    {
        invoice.Status = InvoiceStatuses.Of(invoice.Total, invoice.Credited, invoice.Paid);
        db.SaveOnlyOverVersion(invoice, version);
    }
}
