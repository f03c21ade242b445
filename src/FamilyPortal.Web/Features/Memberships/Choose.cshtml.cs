using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Memberships;

/// <summary>
/// « Collectivité : … » « Changer »: remembers, on the account, the collectivité a parent with several
/// adhésions works on. Only one of the parent's own adhésions can be chosen.
/// </summary>
[Authorize]
public class ChooseModel(FamilyPortalDbContext db, CurrentMunicipality current, ILogger<ChooseModel> logger) : PageModel
{
    [BindProperty]
    public int? MunicipalityId { get; set; }

    [BindProperty]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => Redirect("/reservations");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // The adhésions were read from the database at the start of this request, not taken from the form.
        if (!current.IsParent || MunicipalityId is not { } chosen || current.Memberships.All(m => m.MunicipalityId != chosen))
        {
            logger.LogWarning("Choix de collectivité refusé au compte {AccountId} : aucune adhésion à {MunicipalityId}", current.AccountId, MunicipalityId);
            return BadRequest();
        }
        await db.Users.Where(u => u.Id == current.AccountId)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.SelectedMunicipalityId, chosen), ct);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/reservations");
    }
}
