using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Calendar.Admin;

/// <summary>
/// « Calendrier »: the school years, and for the chosen one its public holidays (computed) and its school
/// holidays (closures of the whole collectivité), entered by hand or imported.
/// </summary>
public class IndexModel(FamilyPortalDbContext db, SchoolHolidays holidays, TimeProvider time) : PageModel
{
    public sealed record Period(int Id, DateOnly Start, DateOnly End, string Reason);

    [BindProperty(SupportsGet = true, Name = "annee")]
    public int? YearId { get; set; }

    public IReadOnlyList<SchoolYear> Years { get; private set; } = [];
    public SchoolYear? Year { get; private set; }
    public IReadOnlyList<(DateOnly Date, string Name)> PublicHolidays { get; private set; } = [];
    public IReadOnlyList<Period> Periods { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostDeleteHolidayAsync(int closureId, CancellationToken ct)
    {
        var period = await holidays.Periods.SingleOrDefaultAsync(c => c.Id == closureId, ct);
        if (period is null)
        {
            return NotFound();
        }
        db.Closures.Remove(period);
        await db.SaveChangesAsync(ct);
        Notice = $"La période « {period.Reason} » du {FrenchDates.Numeric(period.StartDate)} au {FrenchDates.Numeric(period.EndDate)} est supprimée : ces jours sont de nouveau réservables.";
        return RedirectToPage(new { annee = YearId });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Years = await db.SchoolYears.AsNoTracking().OrderByDescending(y => y.StartDate).ToListAsync(ct);
        var today = ParisClock.Today(time.GetUtcNow(), ParisClock.Zone);
        // Without a choice: the current year, else the next one, else the latest.
        Year = Years.FirstOrDefault(y => y.Id == YearId)
            ?? Years.FirstOrDefault(y => y.Contains(today))
            ?? Years.Where(y => y.StartDate > today).MinBy(y => y.StartDate)
            ?? (Years.Count > 0 ? Years[0] : null);
        if (Year is null)
        {
            return;
        }
        var (start, end) = (Year.StartDate, Year.EndDate);
        PublicHolidays = Enumerable.Range(start.Year, end.Year - start.Year + 1)
            .SelectMany(FrenchPublicHolidays.Of)
            .Where(h => h.Date >= start && h.Date <= end)
            .OrderBy(h => h.Date)
            .ToList();
        Periods = await holidays.Periods.AsNoTracking()
            .Where(c => c.StartDate <= end && c.EndDate >= start)
            .OrderBy(c => c.StartDate)
            .Select(c => new Period(c.Id, c.StartDate, c.EndDate, c.Reason))
            .ToListAsync(ct);
    }
}
