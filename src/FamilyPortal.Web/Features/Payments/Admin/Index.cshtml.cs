using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Payments.Admin;

/// <summary>
/// « Paiement en ligne »: the collectivité's PayFiP settings (administrators), the payments « à vérifier » that were
/// never applied, and the latest online payments.
/// </summary>
[AdministratorHandlers("Settings", "Checked")]
public class IndexModel(FamilyPortalDbContext db, CurrentMunicipality current, TimeProvider time) : PageModel
{
    public sealed class SettingsInput
    {
        public string? ClientNumber { get; set; }
        public string? Mode { get; set; }
        public string? SeveralInvoices { get; set; }
    }

    public sealed record Row(OnlinePayment Payment, string Household, string Invoices);

    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    [BindProperty]
    public string? Note { get; set; }

    public IReadOnlyList<Row> ToCheck { get; private set; } = [];
    public IReadOnlyList<Row> Latest { get; private set; } = [];
    public bool IsAdministrator => User.IsInRole(Roles.Administrator);

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var municipality = await db.Municipalities.AsNoTracking().SingleAsync(m => m.Id == current.Id, ct);
        Input = new SettingsInput
        {
            ClientNumber = municipality.PayFipClientNumber,
            Mode = municipality.PayFipMode.ToString(),
            SeveralInvoices = municipality.PayFipSeveralInvoices ? "true" : null,
        };
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostSettingsAsync(CancellationToken ct)
    {
        var number = Input.ClientNumber?.Trim();
        if (!string.IsNullOrEmpty(number) && !PayFipRules.IsClientNumber(number))
        {
            ModelState.AddModelError("Input.ClientNumber", "Le numéro de client PayFiP de la régie compte 6 chiffres ; laissez vide pour ne pas proposer le paiement en ligne.");
        }
        if (!Enum.TryParse<PayFipMode>(Input.Mode, out var mode) || !Enum.IsDefined(mode))
        {
            ModelState.AddModelError("Input.Mode", "Choisissez un mode de la liste.");
        }
        if (Input.SeveralInvoices is not (null or "true"))
        {
            ModelState.AddModelError("Input.SeveralInvoices", "Cochez la case ou laissez-la vide.");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var municipality = await db.Municipalities.SingleAsync(m => m.Id == current.Id, ct);
        municipality.PayFipClientNumber = string.IsNullOrEmpty(number) ? null : number;
        municipality.PayFipMode = mode;
        municipality.PayFipSeveralInvoices = Input.SeveralInvoices == "true";
        await db.SaveChangesAsync(ct);
        Notice = municipality.PayFipClientNumber is null ? "Le paiement en ligne n'est plus proposé aux familles." : "Les réglages du paiement en ligne sont enregistrés.";
        return RedirectToPage();
    }

    /// <summary>A payment « à vérifier » dealt with outside the portal (refunded, or recorded by hand on the invoice).</summary>
    public async Task<IActionResult> OnPostCheckedAsync(int paymentId, CancellationToken ct)
    {
        var payment = await db.OnlinePayments.SingleOrDefaultAsync(p => p.Id == paymentId && p.Status == OnlinePaymentStatus.ToCheck && p.CheckedAtUtc == null, ct);
        if (payment is null)
        {
            return NotFound();
        }
        var note = Note?.Trim() ?? "";
        if (note.Length is 0 or > 500)
        {
            ModelState.AddModelError(nameof(Note), "Dites en quelques mots ce qui a été fait (remboursement, paiement saisi sur la facture…), 500 caractères au plus.");
            await OnGetAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        (payment.CheckedAtUtc, payment.CheckedByAccountId, payment.CheckNote) = (time.GetUtcNow().UtcDateTime, current.AccountId, note);
        await db.SaveChangesAsync(ct);
        Notice = "Le paiement est marqué comme vérifié.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var toCheck = await db.OnlinePayments.AsNoTracking().Include(p => p.Invoices)
            .Where(p => p.Status == OnlinePaymentStatus.ToCheck && p.CheckedAtUtc == null).OrderBy(p => p.Id).ToListAsync(ct);
        var latest = await db.OnlinePayments.AsNoTracking().Include(p => p.Invoices)
            .OrderByDescending(p => p.Id).Take(50).ToListAsync(ct);
        var familyIds = toCheck.Concat(latest).Select(p => p.FamilyId).Distinct().ToList();
        var households = await db.Families.AsNoTracking().Where(f => familyIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.HouseholdName, ct);
        var invoiceIds = toCheck.Concat(latest).SelectMany(p => p.Invoices).Select(i => i.InvoiceId).Distinct().ToList();
        var numbers = await db.Invoices.AsNoTracking().Where(i => invoiceIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Number, ct);
        Row ToRow(OnlinePayment p) => new(p, households.GetValueOrDefault(p.FamilyId, ""),
            string.Join(", ", p.Invoices.Select(i => numbers.GetValueOrDefault(i.InvoiceId, "")).Order(StringComparer.Ordinal)));
        ToCheck = toCheck.Select(ToRow).ToList();
        Latest = latest.Select(ToRow).ToList();
    }
}
