using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Families.Admin.FileUpdate;

/// <summary>
/// « Mise à jour des dossiers »: an administrator opens it for a school year, then every family confirms its
/// file before booking in that year; staff follow who has not confirmed yet.
/// </summary>
[AdministratorHandlers("Open", "Close")]
public class IndexModel(FamilyPortalDbContext db) : PageModel
{
    /// <summary>Enough for a large commune's list on one page; the count says when more wait.</summary>
    public const int MaxListed = 500;

    public sealed record YearRow(int Id, string Label, DateOnly Start, DateOnly End, bool UnderUpdate, int Confirmed);

    public sealed record FamilyRow(int Id, string HouseholdName, string Email);

    public IReadOnlyList<YearRow> Years { get; private set; } = [];

    public int FamilyCount { get; private set; }

    public YearRow? Selected { get; private set; }

    public IReadOnlyList<FamilyRow> Unconfirmed { get; private set; } = [];

    public int UnconfirmedCount { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int? annee, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (annee is { } yearId)
        {
            Selected = Years.FirstOrDefault(y => y.Id == yearId);
            if (Selected is null)
            {
                return NotFound();
            }
            var unconfirmed = db.Families.AsNoTracking()
                .Where(f => !db.FamilyFileConfirmations.Any(c => c.FamilyId == f.Id && c.SchoolYearId == yearId));
            UnconfirmedCount = await unconfirmed.CountAsync(ct);
            Unconfirmed = await unconfirmed.OrderBy(f => f.HouseholdName).ThenBy(f => f.Id).Take(MaxListed)
                .Select(f => new FamilyRow(f.Id, f.HouseholdName, f.Email)).ToListAsync(ct);
        }
        return Page();
    }

    public Task<IActionResult> OnPostOpenAsync(int schoolYearId, CancellationToken ct) => SetAsync(schoolYearId, true, ct);

    public Task<IActionResult> OnPostCloseAsync(int schoolYearId, CancellationToken ct) => SetAsync(schoolYearId, false, ct);

    private async Task<IActionResult> SetAsync(int schoolYearId, bool open, CancellationToken ct)
    {
        var year = await db.SchoolYears.SingleOrDefaultAsync(y => y.Id == schoolYearId, ct);
        if (year is null)
        {
            return NotFound();
        }
        year.FileUpdateRequired = open;
        await db.SaveChangesAsync(ct);
        Notice = open
            ? $"La mise à jour des dossiers est ouverte pour {year.Label} : les familles confirment leur dossier avant de réserver."
            : $"La mise à jour des dossiers est close pour {year.Label} : les familles réservent sans confirmer.";
        return RedirectToPage(new { annee = year.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        FamilyCount = await db.Families.CountAsync(ct);
        Years = await db.SchoolYears.AsNoTracking().OrderByDescending(y => y.StartDate)
            .Select(y => new YearRow(y.Id, y.Label, y.StartDate, y.EndDate, y.FileUpdateRequired,
                db.FamilyFileConfirmations.Count(c => c.SchoolYearId == y.Id)))
            .ToListAsync(ct);
    }
}
