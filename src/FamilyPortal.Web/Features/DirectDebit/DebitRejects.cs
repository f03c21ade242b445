using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.DirectDebit;

/// <summary>
/// A debit the family's bank rejected or returned: the line keeps the reason code, the invoice is no longer
/// « prévu » (it is to pay again), the family is told by email in the same transaction. A debit already recorded
/// as collected (a return after the collection date) loses its payment. A rejected first collection leaves the
/// mandate without a collected debit, so the next one is a first one again.
/// </summary>
public sealed class DebitRejects(FamilyPortalDbContext db, DirectDebitEmails emails, TimeProvider time)
{
    /// <summary>A debit can be rejected before its collection date and returned after it.</summary>
    public static readonly IReadOnlyList<DebitLineStatus> Rejectable = [DebitLineStatus.Scheduled, DebitLineStatus.Collected];

    /// <summary>False when the line is not a scheduled or collected line of the collectivité (unknown, or already rejected).</summary>
    public async Task<bool> RejectAsync(int batchId, int lineId, string reasonCode, string accountId, CancellationToken ct)
    {
        if (!RejectReasons.Labels.ContainsKey(reasonCode))
        {
            throw new ArgumentException("Unknown reason code.", nameof(reasonCode));
        }
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RejectOnceAsync(batchId, lineId, reasonCode, accountId, ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                // The collection was recorded (or the invoice paid) while the reject was entered: read it again.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<bool> RejectOnceAsync(int batchId, int lineId, string reasonCode, string accountId, CancellationToken ct) =>
        await db.InTransactionAsync(async token =>
        {
            var line = await db.DebitBatchLines.Include(l => l.Payment)
                .SingleOrDefaultAsync(l => l.Id == lineId && l.DebitBatchId == batchId && DebitRejects.Rejectable.Contains(l.Status), token);
            if (line is null)
            {
                return false;
            }
            (line.Status, line.RejectReason, line.RejectedAtUtc, line.RejectedByAccountId) =
                (DebitLineStatus.Rejected, reasonCode, time.GetUtcNow().UtcDateTime, accountId);
            if (line.Sequence == DebitSequence.First)
            {
                var mandate = await db.DebitMandates.SingleAsync(m => m.Id == line.MandateId, token);
                mandate.FirstDebitDone = await db.DebitBatchLines.AnyAsync(l => l.MandateId == mandate.Id && l.Id != line.Id && DebitRejects.Rejectable.Contains(l.Status), token);
            }
            var invoice = await db.Invoices.SingleAsync(i => i.Id == line.InvoiceId, token);
            if (line.Payment is { } payment)
            {
                db.Payments.Remove(payment);
                line.Payment = null;
                invoice.Paid -= payment.Amount;
                invoice.Status = InvoiceStatuses.Of(invoice.Total, invoice.Credited, invoice.Paid);
                db.SaveOnlyOverVersion(invoice, invoice.Version);
            }
            await emails.RejectedAsync(invoice, line, token);
            await db.SaveChangesAsync(token);
            return true;
        }, ct);
}
