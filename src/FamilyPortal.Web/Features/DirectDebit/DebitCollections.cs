using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.DirectDebit;

/// <summary>
/// The debits whose collection date has come: the bank has taken them from the families' accounts, so each is
/// recorded as its invoice's payment (« Prélèvement », dated the collection date, the file's MsgId as reference).
/// The invoice is then « payée » for the family, the reminders and the tax attestation. A reject entered later
/// (a return from the family's bank) takes that payment back: see <see cref="DebitRejects"/>.
/// </summary>
public sealed class DebitCollections(FamilyPortalDbContext db, TimeProvider time, ILogger<DebitCollections> logger)
{
    /// <summary>Records every scheduled debit of every collectivité collected on <paramref name="today"/> or before; returns how many.</summary>
    public async Task<int> RecordDueAsync(DateOnly today, CancellationToken ct)
    {
        var due = await (from l in db.DebitBatchLines.IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter]).AsNoTracking()
                         join b in db.DebitBatches.IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter]) on l.DebitBatchId equals b.Id
                         where l.Status == DebitLineStatus.Scheduled && b.CollectionDate <= today
                         orderby l.Id
                         select new DueDebit(l.Id, b.CollectionDate, b.MessageId)).ToListAsync(ct);
        var recorded = 0;
        foreach (var debit in due)
        {
            if (await RecordAsync(debit, ct))
            {
                recorded++;
            }
        }
        return recorded;
    }

    /// <summary>A line due, with what its payment takes from its file (read with the list, not the file's sealed content).</summary>
    private sealed record DueDebit(int LineId, DateOnly CollectionDate, string MessageId);

    private async Task<bool> RecordAsync(DueDebit debit, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var line = await db.DebitBatchLines.IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter])
            .SingleOrDefaultAsync(l => l.Id == debit.LineId && l.Status == DebitLineStatus.Scheduled, ct);
        if (line is null)
        {
            // Recorded by another server since the list was read, or rejected.
            return false;
        }
        var invoice = await db.Invoices.IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter])
            .SingleAsync(i => i.Id == line.InvoiceId, ct);
        line.Status = DebitLineStatus.Collected;
        line.Payment = new Payment
        {
            MunicipalityId = line.MunicipalityId,
            InvoiceId = invoice.Id,
            Date = debit.CollectionDate,
            Amount = line.Amount,
            Means = PaymentMeans.DirectDebit,
            Reference = debit.MessageId,
            RecordedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        invoice.Paid += line.Amount;
        invoice.Status = InvoiceStatuses.Of(invoice.Total, invoice.Credited, invoice.Paid);
        // An agent recording a payment on the invoice meanwhile is told it changed; and the other way round.
        db.SaveOnlyOverVersion(invoice, invoice.Version);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // A reject was entered, or the invoice changed, since the line was read: the next run sees it anew.
            logger.LogInformation("Prélèvement {LineId} non enregistré : la ligne ou sa facture a changé entre-temps", debit.LineId);
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
