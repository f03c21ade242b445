using FamilyPortal.Web.Infrastructure.Csv;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Calendar.Admin;

/// <summary>
/// Imports school holidays from a CSV file: first a preview of what each line would do, with every line's
/// errors and its number, nothing written; then the import of the whole file, or of nothing.
/// </summary>
public class ImportModel(FamilyPortalDbContext db, SchoolHolidays holidays, CurrentMunicipality current) : PageModel
{
    public const int MaxFileBytes = 2 * 1024 * 1024;

    [BindProperty(SupportsGet = true, Name = "annee")]
    public int? YearId { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>The file's text, carried from the preview to the import; read and checked again there.</summary>
    [BindProperty]
    public string? FileText { get; set; }

    [BindProperty]
    public string? Zone { get; set; }

    public IReadOnlyList<SchoolYear> Years { get; private set; } = [];
    public SchoolYear? Year { get; private set; }
    public SchoolHolidays.Plan? Plan { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadYearsAsync(ct);

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        await LoadYearsAsync(ct);
        var text = await ReadTextAsync(ct);
        if (text is null || Year is null)
        {
            return Page();
        }
        FileText = text;
        Plan = await holidays.PlanAsync(text, Year, Zone, await OwnZoneAsync(ct), ct);
        Zone = Plan.Zone ?? Zone;
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        await LoadYearsAsync(ct);
        if (Year is null || string.IsNullOrEmpty(FileText))
        {
            if (Year is not null)
            {
                ModelState.AddModelError(nameof(Upload), "Choisissez le fichier à importer.");
            }
            return Page();
        }
        var plan = await holidays.ImportAsync(current.Id!.Value, FileText, Year, Zone, await OwnZoneAsync(ct), ct);
        if (plan.HasErrors)
        {
            Plan = plan;
            ModelState.AddModelError(string.Empty, "Rien n'a été importé : corrigez les lignes en erreur puis recommencez.");
            return Page();
        }
        TempData["Notice"] = $"Import terminé : {plan.Count(SchoolHolidays.LineAction.Create)} période(s) ajoutée(s), " +
            $"{plan.Count(SchoolHolidays.LineAction.Update)} mise(s) à jour, {plan.Count(SchoolHolidays.LineAction.Unchanged)} déjà enregistrée(s).";
        return RedirectToPage("Index", new { annee = Year.Id });
    }

    /// <summary>The collectivité's zone (« Calendrier de la collectivité »), read when no zone is chosen on the page.</summary>
    private Task<SchoolZone?> OwnZoneAsync(CancellationToken ct) =>
        db.Municipalities.AsNoTracking().Where(m => m.Id == current.Id).Select(m => m.SchoolZone).SingleAsync(ct);

    private async Task<string?> ReadTextAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            if (!string.IsNullOrEmpty(FileText))
            {
                return FileText;
            }
            ModelState.AddModelError(nameof(Upload), "Choisissez le fichier à importer.");
            return null;
        }
        if (Upload.Length > MaxFileBytes)
        {
            ModelState.AddModelError(nameof(Upload), "Le fichier dépasse 2 Mo : ce n'est sans doute pas un calendrier de vacances.");
            return null;
        }
        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, ct);
        return CsvFile.Decode(buffer.ToArray()).Text;
    }

    private async Task LoadYearsAsync(CancellationToken ct)
    {
        Years = await db.SchoolYears.AsNoTracking().OrderByDescending(y => y.StartDate).ToListAsync(ct);
        Year = Years.FirstOrDefault(y => y.Id == YearId) ?? (Years.Count > 0 && YearId is null ? Years[0] : null);
        if (Year is null && Years.Count > 0)
        {
            ModelState.AddModelError(nameof(YearId), "Choisissez l'année scolaire dans la liste.");
        }
        YearId = Year?.Id;
    }
}
