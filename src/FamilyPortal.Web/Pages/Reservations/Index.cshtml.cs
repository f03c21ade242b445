using FamilyPortal.Web.Data;
using FamilyPortal.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Pages.Reservations;

/// <summary>
/// « Mes réservations » of the current collectivité. For now: the invitation to join one, the choice
/// between several, and the family's children; the week grid will be built here.
/// </summary>
[Authorize]
public class IndexModel(FamilyPortalDbContext db, CurrentMunicipality current) : PageModel
{
    public sealed record ChildRow(string FirstName, string LastName, string? SchoolClass, string? SiteName);

    public CurrentMunicipality Current => current;

    public IReadOnlyList<ChildRow> Children { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (current.FamilyId is { } familyId)
        {
            // The tenant filter adds the current collectivité to this query: another one's child never shows.
            Children = await db.Children
                .Where(c => c.FamilyId == familyId)
                .OrderBy(c => c.FirstName)
                .Select(c => new ChildRow(c.FirstName, c.LastName, c.SchoolClass, c.Site!.Name))
                .ToListAsync(ct);
        }
    }
}
