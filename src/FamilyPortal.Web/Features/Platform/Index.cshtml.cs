using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Platform;

/// <summary>The operator's page: the collectivités of the platform.</summary>
public class IndexModel(FamilyPortalDbContext db) : PageModel
{
    public sealed record Row(int Id, string Name, string ShortName, string ContactEmail, string TimeZoneId, int StaffCount);

    public IReadOnlyList<Row> Municipalities { get; private set; } = [];

    [Microsoft.AspNetCore.Mvc.TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Municipalities = await db.Municipalities.AsNoTracking()
            .OrderBy(m => m.Name)
            .Select(m => new Row(m.Id, m.Name, m.ShortName, m.ContactEmail, m.TimeZoneId,
                db.Users.Count(u => u.StaffMunicipalityId == m.Id)))
            .ToListAsync(ct);
}
