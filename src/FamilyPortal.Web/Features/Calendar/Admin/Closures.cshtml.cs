using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Calendar.Admin;

/// <summary>
/// « Fermetures »: closes the collectivité, a site or an activity on dates. When bookings exist on those
/// days, the agent first sees how many will be cancelled and confirms.
/// </summary>
public class ClosuresModel(FamilyPortalDbContext db, DayClosures closures, CurrentMunicipality current) : PageModel
{
    public sealed class ClosureInput
    {
        public string? Start { get; set; }
        public string? End { get; set; }
        /// <summary>« » for the whole collectivité, « s:12 » for a site, « a:34 » for an activity.</summary>
        public string? Scope { get; set; }
        public string? Reason { get; set; }
    }

    public sealed record Row(DateOnly Start, DateOnly End, string Scope, string Reason);

    [BindProperty]
    public ClosureInput Input { get; set; } = new();

    /// <summary>The number of cancellations the agent saw and confirmed: a changed form asks again.</summary>
    [BindProperty]
    public int? ConfirmedCount { get; set; }

    public int? PendingCancellations { get; private set; }
    public int PendingFamilies { get; private set; }
    public IReadOnlyList<(string Value, string Label)> Scopes { get; private set; } = [];
    public IReadOnlyList<Row> Closures { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var request = Validate();
        if (request is null)
        {
            return Page();
        }
        var affected = closures.AffectedBookings(request);
        var count = await affected.CountAsync(ct);
        if (count > 0 && ConfirmedCount != count)
        {
            PendingCancellations = count;
            PendingFamilies = await affected.Join(db.Children, b => b.ChildId, c => c.Id, (b, c) => c.FamilyId).Distinct().CountAsync(ct);
            return Page();
        }
        var cancelled = await closures.CloseAsync(current.Id!.Value, request, ct);
        Notice = cancelled == 0
            ? "La fermeture est enregistrée."
            : $"La fermeture est enregistrée : {cancelled} réservation(s) annulée(s) sans frais, les familles ont été prévenues par email.";
        return RedirectToPage();
    }

    private DayClosures.Request? Validate()
    {
        var start = ParseDate(Input.Start, "Input.Start", "Saisissez la date de début, au format jj/mm/aaaa.");
        var end = string.IsNullOrWhiteSpace(Input.End) ? start : ParseDate(Input.End, "Input.End", "Saisissez la date de fin, au format jj/mm/aaaa.");
        if (start is not null && end is not null && end < start)
        {
            ModelState.AddModelError("Input.End", "La date de fin doit être le même jour ou après la date de début.");
        }
        else if (start is not null && end is not null && end.Value.DayNumber - start.Value.DayNumber > 366)
        {
            ModelState.AddModelError("Input.End", "Une fermeture ne peut pas dépasser un an.");
        }
        var scope = Input.Scope ?? "";
        if (Scopes.All(s => s.Value != scope))
        {
            ModelState.AddModelError("Input.Scope", "Choisissez ce qui ferme dans la liste.");
        }
        var reason = Input.Reason?.Trim() ?? "";
        if (reason.Length is 0 or > 200)
        {
            ModelState.AddModelError("Input.Reason", "Indiquez le motif, par exemple « Grève » (200 caractères au plus).");
        }
        if (!ModelState.IsValid)
        {
            return null;
        }
        int? Id(string prefix) => scope.StartsWith(prefix, StringComparison.Ordinal) ? int.Parse(scope[2..], CultureInfo.InvariantCulture) : null;
        return new DayClosures.Request(start!.Value, end!.Value, Id("s:"), Id("a:"), reason);
    }

    private DateOnly? ParseDate(string? text, string key, string message)
    {
        if (DateOnly.TryParseExact(text?.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        ModelState.AddModelError(key, message);
        return null;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var sites = await db.Sites.AsNoTracking().Where(s => !s.IsArchived).OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        var activities = await db.Activities.AsNoTracking().Where(a => !a.IsArchived).OrderBy(a => a.Site!.Name).ThenBy(a => a.SortOrder)
            .Select(a => new { a.Id, a.Label }).ToListAsync(ct);
        Scopes = [("", "Toute la collectivité"),
            .. sites.Select(s => ($"s:{s.Id}", $"Site : {s.Name}")),
            .. activities.Select(a => ($"a:{a.Id}", $"Prestation : {a.Label}"))];
        var names = Scopes.ToDictionary(s => s.Value, s => s.Label);
        var rows = await db.Closures.AsNoTracking().OrderByDescending(c => c.StartDate).Take(100)
            .Select(c => new { c.StartDate, c.EndDate, c.SiteId, c.ActivityId, c.Reason }).ToListAsync(ct);
        Closures = rows.Select(c => new Row(c.StartDate, c.EndDate,
            c.ActivityId is { } a ? names.GetValueOrDefault($"a:{a}", "Prestation archivée")
                : c.SiteId is { } s ? names.GetValueOrDefault($"s:{s}", "Site archivé") : "Toute la collectivité",
            c.Reason)).ToList();
    }
}
