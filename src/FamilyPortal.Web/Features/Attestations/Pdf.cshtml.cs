using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Attestations;

/// <summary>The PDF of one of the family's attestations, from its stored figures; any other answers 404.</summary>
[Authorize]
public class PdfModel(FamilyPortalDbContext db, AttestationPdf pdf, CurrentMunicipality current, IConfiguration configuration) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int attestationId, CancellationToken ct)
    {
        if (current is not { IsParent: true, FamilyId: { } familyId })
        {
            return NotFound();
        }
        var attestation = await db.Attestations.AsNoTracking().Include(a => a.Lines)
            .SingleOrDefaultAsync(a => a.Id == attestationId && a.FamilyId == familyId, ct);
        return attestation is null
            ? NotFound()
            : File(pdf.Render(attestation, configuration.PlatformName()), "application/pdf", attestation.FileName);
    }
}
