using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Reservations.Basket;

/// <summary>What one « Valider » booked, cancelled and refused. Only its own author sees it.</summary>
[Authorize]
public class SummaryModel(FamilyPortalDbContext db, CurrentMunicipality current) : PageModel
{
    public BasketValidation Validation { get; private set; } = null!;

    public IReadOnlyList<string> Lines => Validation.Summary.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var validation = await db.BasketValidations.AsNoTracking()
            .SingleOrDefaultAsync(v => v.Id == id && v.AccountId == current.AccountId, ct);
        if (validation is null)
        {
            return NotFound();
        }
        Validation = validation;
        return Page();
    }
}
