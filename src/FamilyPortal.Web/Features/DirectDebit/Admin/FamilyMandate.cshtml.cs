using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.DirectDebit.Admin;

/// <summary>A family's direct-debit mandates for staff: enter one from the signed paper, or revoke the active one.</summary>
public class FamilyMandateModel(FamilyPortalDbContext db, CurrentMunicipality current, DebitMandates mandates, TimeProvider time) : PageModel
{
    [BindProperty] public MandateInput Input { get; set; } = new();

    public Family Family { get; private set; } = null!;
    public DebitMandates.Terms Terms { get; private set; } = new(false, "", null);
    public IReadOnlyList<DebitMandate> Mandates { get; private set; } = [];
    public DebitMandate? Active => Mandates.FirstOrDefault(m => m.Status == MandateStatus.Active);

    [TempData] public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int familyId, CancellationToken ct) => await LoadAsync(familyId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSignAsync(int familyId, CancellationToken ct)
    {
        if (!await LoadAsync(familyId, ct))
        {
            return NotFound();
        }
        var input = Input.Check((field, message) => ModelState.AddModelError(field, message));
        var today = ParisClock.Today(time.GetUtcNow(), ParisClock.Zone);
        if (Input.SignedOn is not { } signedOn || signedOn > today || signedOn < today.AddYears(-3))
        {
            ModelState.AddModelError("Input.SignedOn", "Saisissez la date de signature écrite sur le mandat papier (aujourd'hui au plus tard, il y a 3 ans au plus).");
        }
        if (!Terms.Offered)
        {
            ModelState.AddModelError("Input.Iban", "Renseignez d'abord l'ICS et le compte de la collectivité (page « Prélèvements »).");
        }
        if (input is null || !ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (await mandates.SignAsync(current.Id!.Value, familyId, input, Input.SignedOn!.Value, MandateSource.Staff, current.AccountId!, ct) is null)
        {
            ModelState.AddModelError("Input.Iban", "Cette famille a déjà un mandat actif : révoquez-le avant d'en saisir un autre.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        Notice = "Le mandat est enregistré. Conservez le mandat papier signé.";
        return RedirectToPage(new { familyId });
    }

    public async Task<IActionResult> OnPostRevokeAsync(int familyId, CancellationToken ct)
    {
        if (!await db.Families.AnyAsync(f => f.Id == familyId, ct) || !await mandates.RevokeAsync(familyId, current.AccountId!, ct))
        {
            return NotFound();
        }
        Notice = "Le mandat est révoqué : les factures suivantes ne seront plus prélevées.";
        return RedirectToPage(new { familyId });
    }

    private async Task<bool> LoadAsync(int familyId, CancellationToken ct)
    {
        if (await db.Families.AsNoTracking().SingleOrDefaultAsync(f => f.Id == familyId, ct) is not { } family)
        {
            return false;
        }
        Family = family;
        Terms = await mandates.TermsAsync(current.Id!.Value, ct);
        Mandates = await mandates.AllAsync(familyId, ct);
        return true;
    }
}
