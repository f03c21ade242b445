using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Payments;

/// <summary>The truth about one online payment, as the service told it, for the family's accounts only.</summary>
[Authorize]
public class ResultModel(FamilyPortalDbContext db, CurrentMunicipality current, OnlinePaymentOutcome outcome) : PageModel
{
    public OnlinePayment Payment { get; private set; } = null!;

    public IReadOnlyList<string> InvoiceNumbers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int paymentId, CancellationToken ct)
    {
        if (current is not { IsParent: true, FamilyId: { } familyId })
        {
            return NotFound();
        }
        var payment = await db.OnlinePayments.AsNoTracking().SingleOrDefaultAsync(p => p.Id == paymentId && p.FamilyId == familyId, ct);
        if (payment is null)
        {
            return NotFound();
        }
        if (payment is { Status: OnlinePaymentStatus.Pending, OperationId: { } operationId })
        {
            // Still « en cours » here: the service may know more than its notification told us so far.
            payment = await outcome.RecordAsync(operationId, ct) ?? payment;
        }
        Payment = payment;
        InvoiceNumbers = await db.OnlinePaymentInvoices.AsNoTracking().Where(l => l.OnlinePaymentId == paymentId)
            .Join(db.Invoices, l => l.InvoiceId, i => i.Id, (l, i) => i.Number).OrderBy(n => n).ToListAsync(ct);
        return Page();
    }
}
