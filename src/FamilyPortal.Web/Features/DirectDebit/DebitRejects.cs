using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.DirectDebit;

/// <summary>
/// A debit the family's bank rejected or returned: the line keeps the reason code, the invoice is no longer
/// « prévu » (it is to pay again), the family is told by email in the same transaction. A rejected first
/// collection leaves the mandate without a collected debit, so the next one is a first one again.
/// </summary>
public sealed class DebitRejects(FamilyPortalDbContext db, DirectDebitEmails emails, TimeProvider time)
{
    /// <summary>False when the line is not a scheduled line of the collectivité (unknown, or already rejected).</summary>
    public async Task<bool> RejectAsync(int batchId, int lineId, string reasonCode, string accountId, CancellationToken ct)
    {
        if (!RejectReasons.Labels.ContainsKey(reasonCode))
        {
            throw new ArgumentException("Unknown reason code.", nameof(reasonCode));
        }
        return await db.InTransactionAsync(async token =>
        {
            var line = await db.DebitBatchLines.SingleOrDefaultAsync(l => l.Id == lineId && l.DebitBatchId == batchId && l.Status == DebitLineStatus.Scheduled, token);
            if (line is null)
            {
                return false;
            }
            (line.Status, line.RejectReason, line.RejectedAtUtc, line.RejectedByAccountId) =
                (DebitLineStatus.Rejected, reasonCode, time.GetUtcNow().UtcDateTime, accountId);
            if (line.Sequence == DebitSequence.First)
            {
                var mandate = await db.DebitMandates.SingleAsync(m => m.Id == line.MandateId, token);
                mandate.FirstDebitDone = await db.DebitBatchLines.AnyAsync(l => l.MandateId == mandate.Id && l.Id != line.Id && l.Status == DebitLineStatus.Scheduled, token);
            }
            var invoice = await db.Invoices.AsNoTracking().SingleAsync(i => i.Id == line.InvoiceId, token);
            await emails.RejectedAsync(invoice, line, token);
            await db.SaveChangesAsync(token);
            return true;
        }, ct);
    }
}
