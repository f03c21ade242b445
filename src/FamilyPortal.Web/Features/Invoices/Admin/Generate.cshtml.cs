using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyPortal.Web.Features.Invoices.Admin;

/// <summary>
/// Issues the invoices of a month: a preview of each family's total first, then « Émettre » with the count
/// and total the agent saw; if the bookings changed in between, the new preview is shown to confirm again.
/// </summary>
public class GenerateModel(MonthPlanner planner, InvoiceIssuer issuer, CurrentMunicipality current) : PageModel
{
    public const int PreviewRows = 500;

    public sealed class IssueInput
    {
        public string? Mois { get; set; }
        public string? DueDate { get; set; }
        public int ConfirmedCount { get; set; }
        public string? ConfirmedTotal { get; set; }
    }

    [BindProperty(SupportsGet = true, Name = "mois")] public string? Mois { get; set; }

    [BindProperty]
    public IssueInput Input { get; set; } = new();

    public BillingMonth Month { get; private set; }
    public MonthPlan? Plan { get; private set; }
    public bool MonthNotOver { get; private set; }
    public string? Warning { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var asked = BillingMonth.Parse(Mois);
        if (Mois is not null && asked is null)
        {
            ModelState.AddModelError("mois", "Choisissez un mois au format aaaa-mm, par exemple 2026-10.");
        }
        Month = asked ?? BillingMonth.Of(issuer.Today).Previous;
        Input.DueDate = issuer.DefaultDueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (asked is not null)
        {
            await PreviewAsync(ct);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var month = BillingMonth.Parse(Input.Mois);
        if (month is null)
        {
            ModelState.AddModelError("Input.Mois", "Choisissez un mois au format aaaa-mm, par exemple 2026-10.");
            Month = BillingMonth.Of(issuer.Today).Previous;
            return Page();
        }
        Month = month.Value;
        var due = DateOnly.TryParseExact(Input.DueDate?.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : (DateOnly?)null;
        if (due is null)
        {
            ModelState.AddModelError("Input.DueDate", "Saisissez la date d'échéance, au format jj/mm/aaaa.");
        }
        else if (due < issuer.Today || due > issuer.Today.AddYears(1))
        {
            ModelState.AddModelError("Input.DueDate", "La date d'échéance doit être entre aujourd'hui et dans un an.");
        }
        var total = decimal.TryParse(Input.ConfirmedTotal, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var t) ? t : -1;
        if (!ModelState.IsValid)
        {
            await PreviewAsync(ct);
            return Page();
        }
        var outcome = await issuer.IssueAsync(current.Id!.Value, Month, due!.Value, new InvoiceIssuer.Expected(Input.ConfirmedCount, total), ct);
        switch (outcome.Result)
        {
            case InvoiceIssuer.Result.Issued:
                Notice = $"{outcome.Count} facture(s) {Month.OfLabel} émise(s), n° {outcome.FirstNumber} à {outcome.LastNumber}, pour un total de {Money.Format(outcome.Total)}. Les familles ont été prévenues par email.";
                return RedirectToPage("Index", new { mois = Month.Key });
            case InvoiceIssuer.Result.NothingToIssue:
                Notice = $"Aucune facture à émettre pour {Month.Label} : chaque famille qui doit quelque chose a déjà sa facture.";
                return RedirectToPage("Index", new { mois = Month.Key });
            case InvoiceIssuer.Result.MonthNotOver:
                ModelState.AddModelError("Input.Mois", $"Le mois {Month.OfLabel} n'est pas terminé : ses factures pourront être émises à partir du {FrenchDates.Numeric(Month.LastDay.AddDays(1))}.");
                await PreviewAsync(ct);
                return Page();
            default:
                Plan = outcome.Plan;
                Warning = "Les réservations ont changé depuis l'aperçu : vérifiez les nouveaux montants ci-dessous puis confirmez l'émission.";
                return Page();
        }
    }

    private async Task PreviewAsync(CancellationToken ct)
    {
        MonthNotOver = !Month.IsOver(issuer.Today);
        Plan = await planner.PlanAsync(Month, ct);
    }
}
