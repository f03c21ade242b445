using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Calendar.Admin;

/// <summary>
/// « Calendrier »: the collectivité's calendar of public holidays and its school-holiday zone (changed by
/// administrators only: an agent's form is refused with 403), the school years, and for the chosen one its
/// public holidays (computed) and its school holidays (closures of the whole collectivité), entered by hand or imported.
/// </summary>
[AdministratorHandlers("Settings")]
public class IndexModel(FamilyPortalDbContext db, SchoolHolidays holidays, CurrentMunicipality current, TimeProvider time) : PageModel
{
    public sealed record Period(int Id, DateOnly Start, DateOnly End, string Reason);

    /// <summary>Posted as text and read by <see cref="HolidayCalendars.Parse"/> and <see cref="SchoolZones.Parse"/>, so that any value gets a French message.</summary>
    public sealed class SettingsInput
    {
        public string? Holidays { get; set; }
        public string? SchoolZone { get; set; }
    }

    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    public bool IsAdministrator => User.IsInRole(Roles.Administrator);
    public HolidayCalendar Calendar { get; private set; }
    public SchoolZone? Zone { get; private set; }

    [BindProperty(SupportsGet = true, Name = "annee")]
    public int? YearId { get; set; }

    public IReadOnlyList<SchoolYear> Years { get; private set; } = [];
    public SchoolYear? Year { get; private set; }
    public IReadOnlyList<(DateOnly Date, string Name)> PublicHolidays { get; private set; } = [];
    public IReadOnlyList<Period> Periods { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostSettingsAsync(CancellationToken ct)
    {
        var calendar = HolidayCalendars.Parse(Input.Holidays);
        if (calendar is null)
        {
            ModelState.AddModelError("Input.Holidays", "Choisissez le calendrier des jours fériés dans la liste.");
        }
        var zone = SchoolZones.Parse(Input.SchoolZone);
        if (zone is null && !string.IsNullOrWhiteSpace(Input.SchoolZone))
        {
            ModelState.AddModelError("Input.SchoolZone", "Choisissez la zone de vacances scolaires dans la liste, ou « aucune ».");
        }
        if (calendar is null || !ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var municipality = await db.Municipalities.SingleAsync(m => m.Id == current.Id, ct);
        (municipality.Holidays, municipality.SchoolZone) = (calendar.Value, zone);
        await db.SaveChangesAsync(ct);
        Notice = $"Calendrier enregistré : jours fériés « {HolidayCalendars.Label(calendar.Value)} », zone de vacances scolaires « {(zone is { } z ? SchoolZones.Label(z) : "aucune")} ».";
        return RedirectToPage(new { annee = YearId });
    }

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
        var settings = await db.Municipalities.AsNoTracking().Where(m => m.Id == current.Id)
            .Select(m => new { m.Holidays, m.SchoolZone }).SingleAsync(ct);
        (Calendar, Zone) = (settings.Holidays, settings.SchoolZone);
        if (ModelState.IsValid)
        {
            Input = new SettingsInput { Holidays = Calendar.ToString(), SchoolZone = Zone?.ToString() };
        }
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
            .SelectMany(y => FrenchPublicHolidays.Of(y, Calendar))
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
