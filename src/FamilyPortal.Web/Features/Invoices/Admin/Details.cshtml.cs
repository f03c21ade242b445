using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Invoices.Admin;

/// <summary>An issued invoice: its lines (never edited), its credit notes and payments, and the forms to add them.</summary>
public class DetailsModel(FamilyPortalDbContext db, InvoiceDocuments documents, InvoiceLedger ledger, CurrentMunicipality current) : PageModel
{
    public sealed class PaymentInput
    {
        public string? Date { get; set; }
        public string? Amount { get; set; }
        public string? Means { get; set; }
        public string? Reference { get; set; }
        public int Version { get; set; }
    }

    public sealed class CreditInput
    {
        public string? Amount { get; set; }
        public string? Reason { get; set; }
        public int Version { get; set; }
    }

    [BindProperty]
    public PaymentInput Payment { get; set; } = new();

    [BindProperty]
    public CreditInput Credit { get; set; } = new();

    public InvoiceDocument Document { get; private set; } = null!;

    public static IReadOnlyList<PaymentMeans> AllMeans { get; } = Enum.GetValues<PaymentMeans>();

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int invoiceId, CancellationToken ct)
    {
        if (!await LoadAsync(invoiceId, ct))
        {
            return NotFound();
        }
        Payment.Date = ledger.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostPaymentAsync(int invoiceId, CancellationToken ct)
    {
        if (!await db.Invoices.AnyAsync(i => i.Id == invoiceId, ct))
        {
            return NotFound();
        }
        var date = DateOnly.TryParseExact(Payment.Date?.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : (DateOnly?)null;
        if (date is null || date.Value.Year < 2000)
        {
            ModelState.AddModelError("Payment.Date", "Saisissez la date du paiement, au format jj/mm/aaaa.");
        }
        else if (date > ledger.Today)
        {
            ModelState.AddModelError("Payment.Date", "La date du paiement ne peut pas être dans le futur.");
        }
        var means = Enum.TryParse<PaymentMeans>(Payment.Means, out var m) && Enum.IsDefined(m) ? m : (PaymentMeans?)null;
        if (means is null)
        {
            ModelState.AddModelError("Payment.Means", "Choisissez le moyen de paiement dans la liste.");
        }
        var reference = string.IsNullOrWhiteSpace(Payment.Reference) ? null : Payment.Reference.Trim();
        if (reference is { Length: > 100 })
        {
            ModelState.AddModelError("Payment.Reference", "La référence ne doit pas dépasser 100 caractères.");
        }
        var amount = Money.Parse(Payment.Amount);
        if (amount is null)
        {
            ModelState.AddModelError("Payment.Amount", "Saisissez le montant reçu en euros, par exemple 12,50.");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(invoiceId, ct);
            return Page();
        }
        var refusal = await ledger.RecordPaymentAsync(new InvoiceLedger.PaymentRequest(invoiceId, Payment.Version, date!.Value, amount, means!.Value, reference, current.AccountId), ct);
        if (refusal is not null)
        {
            return await RefusedAsync(invoiceId, "Payment", refusal, ct);
        }
        Notice = $"Le paiement de {Money.Format(amount!.Value)} est enregistré.";
        return RedirectToPage(new { invoiceId });
    }

    public async Task<IActionResult> OnPostCreditNoteAsync(int invoiceId, CancellationToken ct)
    {
        if (!await db.Invoices.AnyAsync(i => i.Id == invoiceId, ct))
        {
            return NotFound();
        }
        var amount = Money.Parse(Credit.Amount);
        if (amount is null)
        {
            ModelState.AddModelError("Credit.Amount", "Saisissez le montant de l'avoir en euros, par exemple 4,10.");
        }
        var reason = Credit.Reason?.Trim() ?? "";
        if (reason.Length is 0 or > 500)
        {
            ModelState.AddModelError("Credit.Reason", "Indiquez le motif de l'avoir, par exemple « Repas du 12/10 facturé à tort » (500 caractères au plus).");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(invoiceId, ct);
            return Page();
        }
        var refusal = await ledger.IssueCreditNoteAsync(new InvoiceLedger.CreditRequest(invoiceId, Credit.Version, amount, reason, current.AccountId), ct);
        if (refusal is not null)
        {
            return await RefusedAsync(invoiceId, "Credit", refusal, ct);
        }
        Notice = $"L'avoir de {Money.Format(amount!.Value)} est émis.";
        return RedirectToPage(new { invoiceId });
    }

    private async Task<IActionResult> RefusedAsync(int invoiceId, string form, InvoiceLedger.Refusal refusal, CancellationToken ct)
    {
        if (refusal.Field.Length == 0)
        {
            // Changed meanwhile: the current figures and version replace what the agent saw.
            ModelState.Clear();
        }
        ModelState.AddModelError(refusal.Field.Length == 0 ? "" : $"{form}.{refusal.Field}", refusal.Message);
        await LoadAsync(invoiceId, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(int invoiceId, CancellationToken ct)
    {
        var document = await documents.LoadAsync(invoiceId, familyId: null, ct);
        if (document is null)
        {
            return false;
        }
        Document = document;
        Payment.Version = document.Invoice.Version;
        Credit.Version = document.Invoice.Version;
        return true;
    }
}
