using System.Globalization;
using FamilyPortal.Web.Features.Retention;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FamilyPortal.Web.Features.Families.Admin;

/// <summary>
/// « Famille partie »: an administrator records the day a family left the collectivité (or takes it back), and may
/// export its file before retention erases its fiches sanitaires « Retention:DepartedFamilyHealthMonths » later.
/// </summary>
[AdministratorHandlers("Mark", "Undo", "Export")]
public class DepartureModel(FamilyPortalDbContext db, StaffFamilyExport export, IOptions<RetentionOptions> retention, TimeProvider time) : PageModel
{
    public Family Family { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    /// <summary>The day the fiches sanitaires are erased (the day after the period), while the family is marked as departed.</summary>
    public DateOnly? ErasedFrom => Family.DepartedOn?.AddMonths(retention.Value.DepartedFamilyHealthMonths).AddDays(1);

    public string Period => RetentionText.Months(retention.Value.DepartedFamilyHealthMonths);

    [BindProperty]
    public string? DepartedOn { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMarkAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!DateOnly.TryParseExact(DepartedOn?.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || day.Year < 2000)
        {
            ModelState.AddModelError(nameof(DepartedOn), "Saisissez la date de départ de la famille, au format jj/mm/aaaa.");
        }
        else if (day > Today)
        {
            ModelState.AddModelError(nameof(DepartedOn), "La date de départ ne peut pas être après aujourd'hui : enregistrez le départ le jour venu.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var family = await db.Families.SingleAsync(f => f.Id == id, ct);
        family.DepartedOn = day;
        // A family that left again after coming back: the sheets it filled in since are erased after this departure.
        family.HealthDataErasedAtUtc = null;
        family.Version++;
        await db.SaveChangesAsync(ct);
        Notice = $"La famille est enregistrée comme partie le {FrenchDates.Numeric(day)}.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostUndoAsync(int id, CancellationToken ct)
    {
        var family = await db.Families.SingleOrDefaultAsync(f => f.Id == id, ct);
        if (family is null)
        {
            return NotFound();
        }
        family.DepartedOn = null;
        family.Version++;
        await db.SaveChangesAsync(ct);
        Notice = family.HealthDataErasedAtUtc is null
            ? "Le départ de la famille est annulé."
            : "Le départ de la famille est annulé. Ses fiches sanitaires, déjà effacées, sont à compléter à nouveau.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostExportAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var json = await export.ExportAsync(Family, ct);
        return File(json, "application/json", string.Create(CultureInfo.InvariantCulture, $"dossier-famille-{Family.Id}.json"));
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var family = await db.Families.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
        if (family is null)
        {
            return false;
        }
        Family = family;
        Today = ParisClock.Today(time.GetUtcNow(), ParisClock.Zone);
        return true;
    }
}
