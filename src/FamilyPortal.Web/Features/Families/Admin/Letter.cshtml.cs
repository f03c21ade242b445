using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Families.Admin;

/// <summary>The printable letter « Votre code d'adhésion » for a family.</summary>
public class LetterModel(FamilyPortalDbContext db, FamilyFiles files, TimeProvider time) : PageModel
{
    public Family Family { get; private set; } = null!;
    public Municipality Municipality { get; private set; } = null!;
    public string Code { get; private set; } = "";
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var family = await db.Families.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
        if (family is null)
        {
            return NotFound();
        }
        Family = family;
        Municipality = await db.Municipalities.AsNoTracking().SingleAsync(m => m.Id == family.MunicipalityId, ct);
        Code = files.Reveal(family);
        Today = DateOnly.FromDateTime(ParisClock.ToParis(time.GetUtcNow()).DateTime);
        return Page();
    }
}
