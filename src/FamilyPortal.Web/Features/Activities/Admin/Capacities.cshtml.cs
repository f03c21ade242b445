using System.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Activities.Admin;

/// <summary>
/// « Places par date »: the capacity of an activity on given days (an outing, fewer staff), instead of its
/// usual one. It can never go below the bookings already taken that day.
/// </summary>
public class CapacitiesModel(FamilyPortalDbContext db, CurrentMunicipality current, TimeProvider time) : PageModel
{
    public sealed class OverrideInput
    {
        public string? Date { get; set; }
        public string? Capacity { get; set; }
    }

    public sealed record Row(int Id, DateOnly Date, int Capacity, int Booked);

    [BindProperty]
    public OverrideInput Input { get; set; } = new();

    public int ActivityId { get; private set; }
    public string Label { get; private set; } = "";
    public int? UsualCapacity { get; private set; }
    public IReadOnlyList<Row> Overrides { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    private DateOnly Today => ParisClock.Today(time.GetUtcNow(), ParisClock.Zone);

    public async Task<IActionResult> OnGetAsync(int activityId, CancellationToken ct) =>
        await LoadAsync(activityId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(int activityId, CancellationToken ct)
    {
        if (!await LoadAsync(activityId, ct))
        {
            return NotFound();
        }
        var date = FormText.Date(Input.Date);
        if (date is null)
        {
            ModelState.AddModelError("Input.Date", "Saisissez la date, au format jj/mm/aaaa.");
        }
        else if (date < Today)
        {
            ModelState.AddModelError("Input.Date", "Choisissez aujourd'hui ou un jour à venir.");
        }
        var capacity = FormText.Number(ModelState, "Input.Capacity", Input.Capacity, 0, 10_000, "La capacité est un nombre de places entre 0 et 10 000.");
        if (capacity is null && string.IsNullOrWhiteSpace(Input.Capacity))
        {
            ModelState.AddModelError("Input.Capacity", "La capacité est un nombre de places entre 0 et 10 000.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var day = date!.Value;
        var places = capacity!.Value;
        // The count and the write see the same bookings: a family validating meanwhile waits or is refused.
        var booked = await db.InTransactionAsync(IsolationLevel.Serializable, async token =>
        {
            var count = await db.Bookings.CountAsync(b => b.ActivityId == activityId && b.Date == day && b.CancelledAtUtc == null, token);
            if (places < count)
            {
                return count;
            }
            var existing = await db.CapacityOverrides.SingleOrDefaultAsync(o => o.ActivityId == activityId && o.Date == day, token);
            if (existing is null)
            {
                db.CapacityOverrides.Add(new CapacityOverride { MunicipalityId = current.Id!.Value, ActivityId = activityId, Date = day, Capacity = places });
            }
            else
            {
                existing.Capacity = places;
            }
            await db.SaveChangesAsync(token);
            return 0;
        }, ct);
        if (booked > 0)
        {
            ModelState.AddModelError("Input.Capacity",
                $"Déjà {booked} réservation(s) le {FrenchDates.Numeric(day)} : la capacité de ce jour ne peut pas être inférieure à {booked}.");
            return Page();
        }
        Notice = $"Le {FrenchDates.Numeric(day)}, {Label} a {capacity} place(s).";
        return RedirectToPage(new { activityId });
    }

    public async Task<IActionResult> OnPostRemoveAsync(int activityId, int overrideId, CancellationToken ct)
    {
        var row = await db.CapacityOverrides.SingleOrDefaultAsync(o => o.Id == overrideId && o.ActivityId == activityId, ct);
        if (row is null)
        {
            return NotFound();
        }
        db.CapacityOverrides.Remove(row);
        await db.SaveChangesAsync(ct);
        Notice = $"Le {FrenchDates.Numeric(row.Date)} reprend la capacité habituelle.";
        return RedirectToPage(new { activityId });
    }

    private async Task<bool> LoadAsync(int activityId, CancellationToken ct)
    {
        var activity = await db.Activities.AsNoTracking().Where(a => a.Id == activityId)
            .Select(a => new { a.Label, a.Capacity }).SingleOrDefaultAsync(ct);
        if (activity is null)
        {
            return false;
        }
        (ActivityId, Label, UsualCapacity) = (activityId, activity.Label, activity.Capacity);
        var today = Today;
        var rows = await db.CapacityOverrides.AsNoTracking().Where(o => o.ActivityId == activityId && o.Date >= today)
            .OrderBy(o => o.Date).Take(200).ToListAsync(ct);
        var days = rows.Select(r => r.Date).ToList();
        var booked = await db.Bookings.AsNoTracking()
            .Where(b => b.ActivityId == activityId && b.CancelledAtUtc == null && days.Contains(b.Date))
            .GroupBy(b => b.Date).Select(g => new { Date = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Date, g => g.Count, ct);
        Overrides = rows.Select(r => new Row(r.Id, r.Date, r.Capacity, booked.GetValueOrDefault(r.Date))).ToList();
        return true;
    }
}
