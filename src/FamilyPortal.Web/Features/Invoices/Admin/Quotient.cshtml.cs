using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Invoices.Admin;

/// <summary>A family's quotient familial over time, as staff enter it from the CAF certificate.</summary>
public class QuotientModel(FamilyPortalDbContext db, MonthPlanner planner, TimeProvider time) : PageModel
{
    public sealed class QuotientInput
    {
        public string? Value { get; set; }
        public string? ValidFrom { get; set; }
        public string? ValidTo { get; set; }
    }

    [BindProperty]
    public QuotientInput Input { get; set; } = new();

    public Family Family { get; private set; } = null!;
    public IReadOnlyList<FamilyQuotient> Quotients { get; private set; } = [];
    public PriceList PriceList { get; private set; } = PriceList.UnitPricesOnly;
    public DateOnly Today { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCreateAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!int.TryParse(Input.Value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > 99_999)
        {
            ModelState.AddModelError("Input.Value", "Saisissez le quotient familial en euros, un nombre entier, par exemple 620.");
        }
        var from = ParseDate(Input.ValidFrom, "Input.ValidFrom", "Saisissez la date de début de validité, au format jj/mm/aaaa.");
        var to = ParseDate(Input.ValidTo, "Input.ValidTo", "Saisissez la date de fin de validité, au format jj/mm/aaaa.");
        if (from is not null && to is not null)
        {
            if (to < from)
            {
                ModelState.AddModelError("Input.ValidTo", "La fin de validité doit être le même jour ou après le début.");
            }
            else if (to.Value.DayNumber - from.Value.DayNumber > 2 * 366)
            {
                ModelState.AddModelError("Input.ValidTo", "Un quotient familial vaut au plus deux ans : saisissez une fin de validité plus proche.");
            }
            else if (Quotients.FirstOrDefault(q => q.Overlaps(from.Value, to.Value)) is { } overlap)
            {
                ModelState.AddModelError("Input.ValidFrom", $"Cette période chevauche le quotient valide du {FrenchDates.Numeric(overlap.ValidFrom)} au {FrenchDates.Numeric(overlap.ValidTo)} : supprimez-le d'abord ou choisissez d'autres dates.");
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        db.FamilyQuotients.Add(new FamilyQuotient
        {
            MunicipalityId = Family.MunicipalityId,
            FamilyId = id,
            Value = value,
            ValidFrom = from!.Value,
            ValidTo = to!.Value,
            RecordedAtUtc = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        Notice = $"Le quotient familial de {value} € est enregistré du {FrenchDates.Numeric(from.Value)} au {FrenchDates.Numeric(to.Value)}.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, int quotientId, CancellationToken ct)
    {
        var quotient = await db.FamilyQuotients.SingleOrDefaultAsync(q => q.Id == quotientId && q.FamilyId == id, ct);
        if (quotient is null)
        {
            return NotFound();
        }
        db.FamilyQuotients.Remove(quotient);
        await db.SaveChangesAsync(ct);
        Notice = "Le quotient familial est supprimé. Les factures déjà émises ne changent pas.";
        return RedirectToPage(new { id });
    }

    public string BracketOf(int value) => PriceList.BracketOf(value)?.Label ?? "—";

    private DateOnly? ParseDate(string? text, string key, string message)
    {
        if (DateOnly.TryParseExact(text?.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is >= 2000 and <= 2100)
        {
            return day;
        }
        ModelState.AddModelError(key, message);
        return null;
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var family = await db.Families.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
        if (family is null)
        {
            return false;
        }
        Family = family;
        Quotients = await db.FamilyQuotients.AsNoTracking().Where(q => q.FamilyId == id).OrderByDescending(q => q.ValidFrom).ToListAsync(ct);
        PriceList = await planner.LoadPricesAsync(ct);
        Today = ParisClock.Today(time.GetUtcNow(), ParisClock.Zone);
        return true;
    }
}
