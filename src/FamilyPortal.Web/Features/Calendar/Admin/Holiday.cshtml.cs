using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Calendar.Admin;

/// <summary>Adds or edits a period of school holidays (a closure of the whole collectivité), by hand.</summary>
public class HolidayModel(FamilyPortalDbContext db, SchoolHolidays holidays, CurrentMunicipality current) : PageModel
{
    public sealed class PeriodInput
    {
        public string? Reason { get; set; }
        public string? Start { get; set; }
        public string? End { get; set; }
    }

    [BindProperty]
    public PeriodInput Input { get; set; } = new();

    /// <summary>The school year the calendar page showed, to go back to it.</summary>
    [BindProperty(SupportsGet = true, Name = "annee")]
    public int? YearId { get; set; }

    public int? ClosureId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? closureId, CancellationToken ct)
    {
        ClosureId = closureId;
        if (closureId is null)
        {
            return Page();
        }
        var period = await holidays.Periods.AsNoTracking().SingleOrDefaultAsync(c => c.Id == closureId, ct);
        if (period is null)
        {
            return NotFound();
        }
        Input = new PeriodInput { Reason = period.Reason, Start = FormText.Text(period.StartDate), End = FormText.Text(period.EndDate) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? closureId, CancellationToken ct)
    {
        ClosureId = closureId;
        var period = closureId is null ? null : await holidays.Periods.SingleOrDefaultAsync(c => c.Id == closureId, ct);
        if (closureId is not null && period is null)
        {
            return NotFound();
        }
        var reason = Input.Reason?.Trim() ?? "";
        if (reason.Length is 0 or > HolidayFile.MaxDescriptionLength)
        {
            ModelState.AddModelError("Input.Reason", "Indiquez la période, par exemple « Vacances de Noël » (200 caractères au plus).");
        }
        var start = FormText.Date(Input.Start);
        if (start is null)
        {
            ModelState.AddModelError("Input.Start", "Saisissez le premier jour de vacances, au format jj/mm/aaaa.");
        }
        var end = FormText.Date(Input.End);
        if (end is null)
        {
            ModelState.AddModelError("Input.End", "Saisissez le dernier jour de vacances, au format jj/mm/aaaa.");
        }
        else if (start is not null && end < start)
        {
            ModelState.AddModelError("Input.End", "Le dernier jour doit être le même jour ou après le premier.");
        }
        else if (start is not null && end.Value.DayNumber - start.Value.DayNumber >= HolidayFile.MaxDays)
        {
            ModelState.AddModelError("Input.End", "Une période ne peut pas dépasser un an.");
        }
        if (ModelState.IsValid && await holidays.ConflictAsync(start!.Value, end!.Value, closureId, ct) is { } conflict)
        {
            ModelState.AddModelError("Input.Start", conflict);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (period is null)
        {
            period = new Closure { MunicipalityId = current.Id!.Value, Reason = reason };
            db.Closures.Add(period);
        }
        (period.Reason, period.StartDate, period.EndDate) = (reason, start!.Value, end!.Value);
        await db.SaveChangesAsync(ct);
        TempData["Notice"] = $"« {reason} » du {FrenchDates.Numeric(period.StartDate)} au {FrenchDates.Numeric(period.EndDate)} est enregistrée.";
        var year = await db.SchoolYears.AsNoTracking().Where(y => y.StartDate <= period.EndDate && y.EndDate >= period.StartDate)
            .Select(y => (int?)y.Id).FirstOrDefaultAsync(ct);
        return RedirectToPage("Index", new { annee = year ?? YearId });
    }
}
