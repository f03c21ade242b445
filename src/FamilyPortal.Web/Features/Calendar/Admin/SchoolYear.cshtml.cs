using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Calendar.Admin;

/// <summary>Creates or edits a school year: its label and its first and last days, never overlapping another year.</summary>
public class SchoolYearModel(FamilyPortalDbContext db, CurrentMunicipality current) : PageModel
{
    public sealed class YearInput
    {
        public string? Label { get; set; }
        public string? Start { get; set; }
        public string? End { get; set; }
    }

    [BindProperty]
    public YearInput Input { get; set; } = new();

    public int? SchoolYearId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? schoolYearId, CancellationToken ct)
    {
        SchoolYearId = schoolYearId;
        if (schoolYearId is null)
        {
            return Page();
        }
        var year = await db.SchoolYears.AsNoTracking().SingleOrDefaultAsync(y => y.Id == schoolYearId, ct);
        if (year is null)
        {
            return NotFound();
        }
        Input = new YearInput { Label = year.Label, Start = FormText.Text(year.StartDate), End = FormText.Text(year.EndDate) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? schoolYearId, CancellationToken ct)
    {
        SchoolYearId = schoolYearId;
        var year = schoolYearId is null ? null : await db.SchoolYears.SingleOrDefaultAsync(y => y.Id == schoolYearId, ct);
        if (schoolYearId is not null && year is null)
        {
            return NotFound();
        }
        var label = Input.Label?.Trim() ?? "";
        if (label.Length is 0 or > 20)
        {
            ModelState.AddModelError("Input.Label", "Le nom de l'année est obligatoire (20 caractères au plus), par exemple 2026-2027.");
        }
        else if (await db.SchoolYears.AnyAsync(y => y.Label == label && y.Id != schoolYearId, ct))
        {
            ModelState.AddModelError("Input.Label", "Une année scolaire porte déjà ce nom.");
        }
        var start = FormText.Date(Input.Start);
        if (start is null)
        {
            ModelState.AddModelError("Input.Start", "Saisissez le premier jour de l'année scolaire, au format jj/mm/aaaa.");
        }
        var end = FormText.Date(Input.End);
        if (end is null)
        {
            ModelState.AddModelError("Input.End", "Saisissez le dernier jour de l'année scolaire, au format jj/mm/aaaa.");
        }
        else if (start is not null && end <= start)
        {
            ModelState.AddModelError("Input.End", "Le dernier jour doit être après le premier jour.");
        }
        else if (start is not null && end.Value.DayNumber - start.Value.DayNumber > 400)
        {
            ModelState.AddModelError("Input.End", "Une année scolaire ne peut pas dépasser 13 mois.");
        }
        if (ModelState.IsValid)
        {
            var overlap = await db.SchoolYears.AsNoTracking()
                .Where(y => y.Id != schoolYearId && y.StartDate <= end && y.EndDate >= start).FirstOrDefaultAsync(ct);
            if (overlap is not null)
            {
                ModelState.AddModelError("Input.Start",
                    $"Ces dates chevauchent l'année {overlap.Label} (du {FrenchDates.Numeric(overlap.StartDate)} au {FrenchDates.Numeric(overlap.EndDate)}).");
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (year is null)
        {
            year = new SchoolYear { MunicipalityId = current.Id!.Value, Label = label };
            db.SchoolYears.Add(year);
        }
        (year.Label, year.StartDate, year.EndDate) = (label, start!.Value, end!.Value);
        await db.SaveChangesAsync(ct);
        TempData["Notice"] = $"L'année scolaire {label} est enregistrée (du {FrenchDates.Numeric(year.StartDate)} au {FrenchDates.Numeric(year.EndDate)}).";
        return RedirectToPage("Index", new { annee = year.Id });
    }
}
