using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyPortal.Web.Features.Invoices.Admin;

/// <summary>« Annulations hors délai » of a month, each one billed unless justified before the family's invoice is issued.</summary>
public class LateCancellationsModel(LateCancellations cancellations, InvoiceIssuer issuer) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "mois")] public string? Mois { get; set; }

    public BillingMonth Month { get; private set; }
    public IReadOnlyList<LateCancellations.Row> Rows { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Month = BillingMonth.Parse(Mois) ?? BillingMonth.Of(issuer.Today).Previous;
        Rows = await cancellations.OfMonthAsync(Month, ct);
    }

    public async Task<IActionResult> OnPostJustifyAsync(long bookingId, CancellationToken ct)
    {
        var result = await cancellations.JustifyAsync(bookingId, ct);
        if (result == LateCancellations.Result.NotFound)
        {
            return NotFound();
        }
        Month = BillingMonth.Parse(Mois) ?? BillingMonth.Of(issuer.Today).Previous;
        if (result == LateCancellations.Result.AlreadyInvoiced)
        {
            ModelState.AddModelError("", "La facture de ce mois est déjà émise pour cette famille : elle ne change plus. Pour rembourser ce jour, émettez un avoir depuis la facture.");
            Rows = await cancellations.OfMonthAsync(Month, ct);
            return Page();
        }
        Notice = "L'annulation est justifiée : ce jour ne sera pas facturé.";
        return RedirectToPage(new { mois = Month.Key });
    }
}
