using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.DirectDebit;

/// <summary>« Prélèvement prévu le … »: the collection date of the invoices in a debit file, neither collected nor rejected yet.</summary>
public sealed class DirectDebitSchedule(FamilyPortalDbContext db)
{
    public async Task<IReadOnlyDictionary<int, DateOnly>> ForInvoicesAsync(IEnumerable<int> invoiceIds, CancellationToken ct)
    {
        var ids = invoiceIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<int, DateOnly>();
        }
        return await (from l in db.DebitBatchLines.AsNoTracking()
                      join b in db.DebitBatches.AsNoTracking() on l.DebitBatchId equals b.Id
                      where ids.Contains(l.InvoiceId) && l.Status == DebitLineStatus.Scheduled
                      select new { l.InvoiceId, b.CollectionDate }).ToDictionaryAsync(x => x.InvoiceId, x => x.CollectionDate, ct);
    }

    public static string Label(DateOnly date) => $"prélèvement prévu le {FrenchDates.Numeric(date)}";
}
