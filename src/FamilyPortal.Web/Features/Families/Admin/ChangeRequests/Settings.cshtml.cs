using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Families.Admin.ChangeRequests;

/// <summary>
/// Administrators choose how parents' changes apply: phone numbers and emails at once (journalled) or after
/// validation like the rest, and the age from which a child may leave alone.
/// </summary>
[Authorize(Policy = StaffAuthorization.Administrator)]
public class SettingsModel(FamilyPortalDbContext db, CurrentMunicipality current) : PageModel
{
    public const int MinAge = 6;
    public const int MaxAge = 18;

    [BindProperty]
    public bool ApplyAtOnce { get; set; }

    [BindProperty]
    public string? LeaveAloneAge { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var municipality = await db.Municipalities.AsNoTracking().SingleAsync(m => m.Id == current.Id, ct);
        ApplyAtOnce = municipality.ContactChangesApplyAtOnce;
        LeaveAloneAge = municipality.LeaveAloneMinimumAge.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!int.TryParse(LeaveAloneAge?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var age)
            || age is < MinAge or > MaxAge)
        {
            ModelState.AddModelError(nameof(LeaveAloneAge), $"Indiquez un âge entre {MinAge} et {MaxAge} ans.");
            var page = Page();
            page.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return page;
        }
        var municipality = await db.Municipalities.SingleAsync(m => m.Id == current.Id, ct);
        municipality.ContactChangesApplyAtOnce = ApplyAtOnce;
        municipality.LeaveAloneMinimumAge = age;
        await db.SaveChangesAsync(ct);
        Notice = "Les réglages des dossiers famille sont enregistrés.";
        return RedirectToPage();
    }
}
