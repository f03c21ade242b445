using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Invoices;

/// <summary>« Mes factures »: the invoices of the parent's family in the selected collectivité, newest first, and « Payer en ligne ».</summary>
[Authorize]
public class IndexModel(FamilyPortalDbContext db, CurrentMunicipality current, OnlinePaymentOffer offer) : PageModel
{
    public sealed record Row(int Id, string Number, string Month, decimal Total, decimal Remaining, InvoiceStatus Status, DateOnly DueDate);

    public CurrentMunicipality Current => current;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public OnlinePaymentOffer.Terms Payment { get; private set; } = new(false, false, null);

    public string? PaymentRefusal { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>« Payer en ligne » (one invoice) or « Payer mes factures » (all unpaid ones, when the collectivité allows it).</summary>
    public async Task<IActionResult> OnPostPayAsync(int[] invoiceIds, [FromServices] OnlinePaymentStart start, CancellationToken ct)
    {
        // « Mes factures » is the families' own space: staff have nothing to pay here (as on the week grid).
        if (current is not { IsParent: true, FamilyId: { } familyId } || current.AccountId is not { } accountId)
        {
            return BadRequest();
        }
        var ids = invoiceIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return NotFound();
        }
        var email = await db.Users.AsNoTracking().Where(u => u.Id == accountId).Select(u => u.Email).SingleAsync(ct) ?? "";
        OnlinePaymentStart.Started started;
        try
        {
            started = await start.StartAsync(familyId, accountId, email, ids, ct);
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        if (started.PayerUrl is { } url)
        {
            return Redirect(url.AbsoluteUri);
        }
        PaymentRefusal = started.Refusal;
        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (current is not { IsParent: true, FamilyId: { } familyId, Id: { } municipalityId })
        {
            return;
        }
        var invoices = await db.Invoices.AsNoTracking().Where(i => i.FamilyId == familyId)
            .OrderByDescending(i => i.Month).ThenByDescending(i => i.Year).ThenByDescending(i => i.Sequence).ToListAsync(ct);
        Rows = invoices.Select(i => new Row(i.Id, i.Number, i.BillingMonth.Label, i.Total, i.Remaining, i.Status, i.DueDate)).ToList();
        Payment = await offer.ForAsync(municipalityId, ct);
        if (Payment.PageOrigin is { } origin)
        {
            HttpContext.Items[SecurityHeaders.FormTargetKey] = origin;
        }
    }
}
