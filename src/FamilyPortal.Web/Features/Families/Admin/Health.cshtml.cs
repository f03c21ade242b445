using FamilyPortal.Web.Features.Families.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Families.Admin;

/// <summary>A child's fiche sanitaire, read by staff: each reading is journalled (who, when, which child).</summary>
public class HealthModel(FamilyPortalDbContext db, FamilyFileReader reader, FileJournal journal, SupportingDocuments documents) : PageModel
{
    public Child? Child { get; private set; }
    public HealthSheet Sheet { get; private set; } = HealthSheet.Empty;
    public bool Filled { get; private set; }
    public IReadOnlyList<FamilyContact> Contacts { get; private set; } = [];
    public SupportingDocuments.PaiDocument Pai { get; private set; } = new(null, null, null);

    public async Task<IActionResult> OnGetAsync(int childId, CancellationToken ct)
    {
        Child = await db.Children.AsNoTracking().Include(c => c.Family).SingleOrDefaultAsync(c => c.Id == childId, ct);
        if (Child is null)
        {
            return NotFound();
        }
        var (sheet, version) = await reader.HealthAsync(childId, ct);
        Sheet = sheet;
        Filled = version > 0 || sheet != HealthSheet.Empty;
        Pai = await documents.PaiDocumentAsync(childId, ct);
        Contacts = await db.FamilyContacts.AsNoTracking().Where(c => c.Children.Any(l => l.ChildId == childId))
            .OrderBy(c => c.LastName).ToListAsync(ct);
        await journal.HealthSheetViewedAsync(Child, ct);
        return Page();
    }
}
