using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Activities.Admin;

/// <summary>
/// « Prestations »: the activities of each site and service, archived or active. An activity that has
/// bookings is kept for billing: it can be archived, not deleted.
/// </summary>
public class IndexModel(FamilyPortalDbContext db) : PageModel
{
    public sealed record Row(int Id, string Label, string Days, string Times, decimal UnitPrice, int? Capacity,
        int Overrides, bool IsArchived, int SortOrder);

    public sealed record Group(string Site, string Service, IReadOnlyList<Row> Rows);

    [BindProperty(SupportsGet = true, Name = "site")]
    public int? SiteFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "service")]
    public int? ServiceFilter { get; set; }

    public IReadOnlyList<(int Id, string Name)> Sites { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Services { get; private set; } = [];
    public IReadOnlyList<Group> Groups { get; private set; } = [];
    public bool IsAdministrator => User.IsInRole(Roles.Administrator);

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostArchiveAsync(int activityId, bool archived, CancellationToken ct)
    {
        var activity = await db.Activities.SingleOrDefaultAsync(a => a.Id == activityId, ct);
        if (activity is null)
        {
            return NotFound();
        }
        activity.IsArchived = archived;
        activity.Version++;
        await db.SaveChangesAsync(ct);
        Notice = archived
            ? $"La prestation {activity.Label} est archivée : elle n'est plus proposée aux familles."
            : $"La prestation {activity.Label} est de nouveau proposée aux familles.";
        return RedirectToPage(new { site = SiteFilter, service = ServiceFilter });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int activityId, CancellationToken ct)
    {
        var activity = await db.Activities.SingleOrDefaultAsync(a => a.Id == activityId, ct);
        if (activity is null)
        {
            return NotFound();
        }
        // Cancelled bookings count too: they are kept for billing.
        var bookings = await db.Bookings.CountAsync(b => b.ActivityId == activityId, ct);
        if (bookings > 0)
        {
            ModelState.AddModelError(string.Empty,
                $"La prestation {activity.Label} ne peut pas être supprimée : elle a {bookings} réservation(s) : archivez-la plutôt.");
            await LoadAsync(ct);
            return Page();
        }
        db.Activities.Remove(activity);
        await db.SaveChangesAsync(ct);
        Notice = $"La prestation {activity.Label} est supprimée.";
        return RedirectToPage(new { site = SiteFilter, service = ServiceFilter });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Sites = (await db.Sites.AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(ct))
            .Select(s => (s.Id, s.Name)).ToList();
        Services = (await db.ServiceKinds.AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(ct))
            .Select(s => (s.Id, s.Name)).ToList();
        var query = db.Activities.AsNoTracking();
        if (SiteFilter is { } site)
        {
            query = query.Where(a => a.SiteId == site);
        }
        if (ServiceFilter is { } service)
        {
            query = query.Where(a => a.ServiceKindId == service);
        }
        var activities = await query
            .Select(a => new
            {
                a.Id,
                a.Label,
                Site = a.Site!.Name,
                Service = a.ServiceKind!.Name,
                a.Days,
                a.StartTime,
                a.EndTime,
                a.UnitPrice,
                a.Capacity,
                a.IsArchived,
                a.SortOrder,
                Overrides = db.CapacityOverrides.Count(o => o.ActivityId == a.Id),
            })
            .ToListAsync(ct);
        Groups = activities
            .GroupBy(a => (a.Site, a.Service))
            .OrderBy(g => g.Key.Site, StringComparer.CurrentCulture).ThenBy(g => g.Key.Service, StringComparer.CurrentCulture)
            .Select(g => new Group(g.Key.Site, g.Key.Service, g
                .OrderBy(a => a.IsArchived).ThenBy(a => a.SortOrder).ThenBy(a => a.Label, StringComparer.CurrentCulture)
                .Select(a => new Row(a.Id, a.Label, ServiceDaysText.Describe(a.Days), Times(a.StartTime, a.EndTime), a.UnitPrice,
                    a.Capacity, a.Overrides, a.IsArchived, a.SortOrder))
                .ToList()))
            .ToList();
    }

    private static string Times(TimeOnly? start, TimeOnly? end) =>
        start is { } s && end is { } e ? $"{s:HH\\:mm} – {e:HH\\:mm}" : "—";
}
