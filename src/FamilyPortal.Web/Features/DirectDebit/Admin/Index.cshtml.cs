using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.DirectDebit.Admin;

/// <summary>
/// « Prélèvements »: the month's invoices to debit and the debit files already made (staff), the creditor settings
/// and the making of a file (administrators).
/// </summary>
[AdministratorHandlers("Settings", "Build")]
public class IndexModel(FamilyPortalDbContext db, CurrentMunicipality current, DebitBatchBuilder builder, TimeProvider time) : PageModel
{
    public sealed class SettingsInput
    {
        public string? CreditorIdentifier { get; set; }
        public string? Iban { get; set; }
        public string? Bic { get; set; }
    }

    public sealed record CandidateRow(string Number, string Household, string Mandate, string MaskedIban, DebitSequence Sequence, decimal Amount);

    [BindProperty(SupportsGet = true, Name = "mois")] public string? Mois { get; set; }
    [BindProperty] public SettingsInput Input { get; set; } = new();
    [BindProperty] public DateOnly? CollectionDate { get; set; }

    public BillingMonth Month { get; private set; }
    public IReadOnlyList<BillingMonth> Months { get; private set; } = [];
    public IReadOnlyList<CandidateRow> Candidates { get; private set; } = [];
    public IReadOnlyList<DebitBatch> Batches { get; private set; } = [];
    public bool CreditorReady { get; private set; }
    public DateOnly EarliestCollection { get; private set; }
    public bool IsAdministrator => User.IsInRole(Roles.Administrator);

    [TempData] public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var m = await db.Municipalities.AsNoTracking().SingleAsync(x => x.Id == current.Id, ct);
        Input = new SettingsInput { CreditorIdentifier = m.CreditorIdentifier, Iban = m.CreditorIban is { } iban ? Iban.Grouped(iban) : null, Bic = m.CreditorBic };
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostSettingsAsync(CancellationToken ct)
    {
        string? ics = null, iban = null, bic = null;
        var any = !string.IsNullOrWhiteSpace(Input.CreditorIdentifier) || !string.IsNullOrWhiteSpace(Input.Iban) || !string.IsNullOrWhiteSpace(Input.Bic);
        if (any)
        {
            if (!CreditorIdentifier.TryParse(Input.CreditorIdentifier, out ics, out var icsError))
            {
                ModelState.AddModelError("Input.CreditorIdentifier", icsError);
            }
            if (!Iban.TryParse(Input.Iban, out iban, out var ibanError))
            {
                ModelState.AddModelError("Input.Iban", ibanError);
            }
            if (!Bic.TryParse(Input.Bic, out bic, out var bicError))
            {
                ModelState.AddModelError("Input.Bic", bicError);
            }
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var municipality = await db.Municipalities.SingleAsync(x => x.Id == current.Id, ct);
        (municipality.CreditorIdentifier, municipality.CreditorIban, municipality.CreditorBic) = any ? (ics, iban, bic) : (null, null, null);
        await db.SaveChangesAsync(ct);
        Notice = any ? "Les coordonnées de créancier sont enregistrées." : "Le prélèvement automatique n'est plus proposé aux familles.";
        return RedirectToPage(new { mois = Mois });
    }

    public async Task<IActionResult> OnPostBuildAsync(CancellationToken ct)
    {
        if (BillingMonth.Parse(Mois) is not { } month)
        {
            ModelState.AddModelError(nameof(Mois), "Choisissez un mois facturé.");
        }
        else if (CollectionDate is not { } date)
        {
            ModelState.AddModelError(nameof(CollectionDate), "Saisissez la date de prélèvement.");
        }
        else
        {
            var outcome = await builder.BuildAsync(current.Id!.Value, month, date, current.AccountId!, ct);
            if (outcome.BatchId is { } batchId)
            {
                Notice = "Le fichier de prélèvement est prêt : téléchargez-le et transmettez-le à la banque.";
                return RedirectToPage("Batch", new { batchId });
            }
            ModelState.AddModelError(nameof(CollectionDate), outcome.Refusal!);
        }
        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = ParisClock.Today(time.GetUtcNow(), ParisClock.Zone);
        Month = BillingMonth.Parse(Mois) ?? BillingMonth.Of(today).Previous;
        var months = await db.Invoices.AsNoTracking().Select(i => i.Month).Distinct().ToListAsync(ct);
        Months = months.Append(Month.FirstDay).Distinct().OrderDescending().Select(BillingMonth.Of).ToList();
        var candidates = await builder.CandidatesAsync(Month, ct);
        Candidates = candidates.Select(c => new CandidateRow(c.Invoice.Number, c.Invoice.HouseholdName, c.Mandate.Reference, c.Mandate.MaskedIban,
            c.Sequence, c.Invoice.Remaining)).ToList();
        Batches = await db.DebitBatches.AsNoTracking().OrderByDescending(b => b.Id).Take(50).ToListAsync(ct);
        CreditorReady = await builder.CreditorAsync(current.Id!.Value, ct) is not null;
        EarliestCollection = DebitCalendar.EarliestCollection(today);
        CollectionDate ??= EarliestCollection;
    }
}
