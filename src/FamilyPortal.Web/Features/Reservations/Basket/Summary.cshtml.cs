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

    /// <summary>The account's address while it is not confirmed: the summary's email waits for it.</summary>
    public string? UnconfirmedEmail { get; private set; }

    [TempData]
    public string? Notice { get; set; }

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
        UnconfirmedEmail = await db.Users.AsNoTracking().Where(u => u.Id == current.AccountId && !u.EmailConfirmed)
            .Select(u => u.Email).SingleOrDefaultAsync(ct);
        return Page();
    }
}
