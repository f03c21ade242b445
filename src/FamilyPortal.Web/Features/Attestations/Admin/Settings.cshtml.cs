using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Attestations.Admin;

/// <summary>
/// « Attestations »: the SIRET and the signatory printed on the families' attestations (administrators change them,
/// agents read them), and how many attestations families made this year.
/// </summary>
[AdministratorHandlers("Save")]
public class SettingsModel(FamilyPortalDbContext db, CurrentMunicipality current, TimeProvider time) : PageModel
{
    public sealed class SettingsInput
    {
        public string? Siret { get; set; }
        public string? SignatoryName { get; set; }
        public string? SignatoryTitle { get; set; }
    }

    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    public bool IsAdministrator => User.IsInRole(Roles.Administrator);
    public int MadeThisYear { get; private set; }
    public IReadOnlyList<(string Service, string Activity)> Eligible { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var municipality = await db.Municipalities.AsNoTracking().SingleAsync(m => m.Id == current.Id, ct);
        Input = new SettingsInput { Siret = municipality.Siret, SignatoryName = municipality.SignatoryName, SignatoryTitle = municipality.SignatoryTitle };
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var siret = Siret.Normalize(Input.Siret);
        if (siret.Length > 0 && !Siret.IsValid(siret))
        {
            ModelState.AddModelError("Input.Siret", "Le SIRET compte 14 chiffres (SIREN puis NIC) et sa clé doit être juste ; vérifiez-le sur l'avis de situation INSEE.");
        }
        var name = Input.SignatoryName?.Trim() ?? "";
        var title = Input.SignatoryTitle?.Trim() ?? "";
        if (name.Length > Municipality.MaxSignatoryLength || name.Any(char.IsControl))
        {
            ModelState.AddModelError("Input.SignatoryName", $"Le nom du signataire tient sur une ligne de {Municipality.MaxSignatoryLength} caractères au plus.");
        }
        if (title.Length > Municipality.MaxSignatoryLength || title.Any(char.IsControl))
        {
            ModelState.AddModelError("Input.SignatoryTitle", $"La qualité du signataire tient sur une ligne de {Municipality.MaxSignatoryLength} caractères au plus.");
        }
        else if (title.Length > 0 && name.Length == 0)
        {
            ModelState.AddModelError("Input.SignatoryName", "Indiquez le nom du signataire, ou videz aussi sa qualité.");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var municipality = await db.Municipalities.SingleAsync(m => m.Id == current.Id, ct);
        municipality.Siret = siret.Length == 0 ? null : siret;
        municipality.SignatoryName = name.Length == 0 ? null : name;
        municipality.SignatoryTitle = title.Length == 0 ? null : title;
        await db.SaveChangesAsync(ct);
        Notice = "Les mentions des attestations sont enregistrées. Les attestations déjà faites gardent celles de leur jour.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var year = ParisClock.Today(time.GetUtcNow(), ParisClock.Zone).Year;
        MadeThisYear = await db.Attestations.CountAsync(a => a.Year == year, ct);
        Eligible = (await (from a in db.Activities.AsNoTracking()
                           join k in db.ServiceKinds on a.ServiceKindId equals k.Id
                           where a.TaxCreditEligible && !k.IsCatering && !a.IsArchived
                           orderby k.Name, a.Label
                           select new { k.Name, a.Label }).ToListAsync(ct)).Select(r => (r.Name, r.Label)).ToList();
    }
}
