using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Attendance.Admin;

/// <summary>
/// « Pointage »: the children expected at an activity on a day, marked présent, absent (motif), arrivé or parti
/// from a tablet at the door. Plain forms without JavaScript; with it, the marks are queued on the device and
/// sent in batches (<see cref="OnPostMarksAsync"/>), offline too.
/// </summary>
public partial class IndexModel(
    FamilyPortalDbContext db, AttendanceSheet sheet, AttendanceMarks marks, StaffBookings staffBookings,
    CurrentMunicipality current, TimeProvider time) : PageModel
{
    public const int MaxSearchLength = 100;

    [BindProperty(SupportsGet = true, Name = "site")] public int? SiteFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "prestation")] public int? Prestation { get; set; }
    [BindProperty(SupportsGet = true, Name = "jour")] public string? Jour { get; set; }
    [BindProperty(SupportsGet = true, Name = "recherche")] public string? Recherche { get; set; }

    [TempData] public string? Notice { get; set; }

    public DateOnly Day { get; private set; }
    public DateOnly Today { get; private set; }
    public IReadOnlyList<Site> Sites { get; private set; } = [];
    public Site? Site { get; private set; }
    public IReadOnlyList<Activity> Activities { get; private set; } = [];
    public Activity? Activity { get; private set; }
    public IReadOnlyList<AttendanceSheet.Line> Lines { get; private set; } = [];
    public IReadOnlyList<AttendanceSheet.Candidate> Candidates { get; private set; } = [];
    /// <summary>The child whose form holds the error shown, with the field.</summary>
    public int? ErrorChildId { get; private set; }

    public string Iso => Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (!string.IsNullOrWhiteSpace(Recherche) && Activity is not null)
        {
            var text = Recherche.Trim();
            if (text.Length > MaxSearchLength)
            {
                ModelState.AddModelError("recherche", $"Saisissez au plus {MaxSearchLength} caractères du nom ou du prénom.");
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }
            else
            {
                Candidates = await sheet.SearchAsync(text, Activity.Id, Day, ct);
            }
        }
        return Page();
    }

    public async Task<IActionResult> OnPostMarkAsync(int enfant, string? action, string? motif, string? heure, CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Activity is null)
        {
            return NotFound();
        }
        if (!await db.Children.AnyAsync(c => c.Id == enfant, ct))
        {
            // Another collectivité's child (hidden by the tenant filter) is not found, as everywhere else.
            return NotFound();
        }
        var request = Validate(enfant, action, motif, heure, DateTime.SpecifyKind(time.GetUtcNow().UtcDateTime, DateTimeKind.Utc));
        if (request is not null)
        {
            var result = (await marks.ApplyAsync([request with { DeviceAtUtc = null }], ct))[0];
            if (result.Outcome != AttendanceMarks.Outcome.Refused)
            {
                Notice = $"{Lines.FirstOrDefault(l => l.ChildId == enfant)?.FullName} : {AttendanceTexts.Actions.First(a => a.Action == request.Action).Label.ToLowerInvariant()} enregistré.";
                return RedirectToPage(new { site = Site?.Id, prestation = Activity.Id, jour = Iso });
            }
            ModelState.AddModelError("action", result.Message!);
        }
        ErrorChildId = enfant;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostWalkInAsync(int enfant, CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Activity is null)
        {
            return NotFound();
        }
        var child = await db.Children.AsNoTracking().SingleOrDefaultAsync(c => c.Id == enfant, ct);
        if (child is null)
        {
            return NotFound();
        }
        if (Day > Today)
        {
            return Refuse("Un jour à venir ne se pointe pas : réservez-le depuis la page des réservations de l'enfant.");
        }
        var staff = new StaffBookings.Staff(current.AccountId!, current.Id!.Value, current.Name ?? "");
        var outcome = await staffBookings.BookAsync(staff, child, new StaffBookings.BookRequest(Activity.Id, Day, Day, AttendanceSheet.WalkInReason), ct);
        if (outcome.Refused is { } refusal)
        {
            return Refuse(refusal.Message);
        }
        await marks.ApplyAsync([new AttendanceMarks.MarkRequest(child.Id, Activity.Id, Day, MarkAction.Present, null, null, null)], ct);
        Notice = $"{child.FullName} ajouté(e) présent(e) : réservation hors délai, facturée selon le règlement. La famille est prévenue par email.";
        return RedirectToPage(new { site = Site?.Id, prestation = Activity.Id, jour = Iso });

        IActionResult Refuse(string message)
        {
            ModelState.AddModelError("recherche", message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    private AttendanceMarks.MarkRequest? Validate(int childId, string? actionCode, string? motifCode, string? heure, DateTime deviceAt)
    {
        if (Lines.All(l => l.ChildId != childId))
        {
            ModelState.AddModelError("action", "Cet enfant n'est pas attendu ce jour-là : ajoutez-le comme enfant présent non réservé.");
            return null;
        }
        var action = AttendanceTexts.ParseAction(actionCode);
        if (action is null)
        {
            ModelState.AddModelError("action", "Choisissez présent, absent, arrivé ou parti.");
            return null;
        }
        var motif = AttendanceTexts.ParseMotif(motifCode);
        if (action == MarkAction.Absent && motif is null)
        {
            ModelState.AddModelError("motif", "Choisissez le motif de l'absence dans la liste.");
            return null;
        }
        TimeOnly? at = null;
        if (action is MarkAction.Arrived or MarkAction.Left && !string.IsNullOrWhiteSpace(heure))
        {
            if (!TimeOnly.TryParseExact(heure.Trim(), ["HH:mm", "H:mm", "HH'h'mm", "H'h'mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                ModelState.AddModelError("heure", "Saisissez l'heure au format hh:mm, par exemple 08:05, ou laissez vide pour l'heure actuelle.");
                return null;
            }
            at = parsed;
        }
        return new AttendanceMarks.MarkRequest(childId, Activity!.Id, Day, action.Value, action == MarkAction.Absent ? motif : null, at, deviceAt);
    }

    /// <summary>False when the site or activity asked for is not one of this collectivité's.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Today = ParisClock.Today(time.GetUtcNow(), ParisClock.Zone);
        Day = DateOnly.TryParseExact(Jour, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : Today;
        Sites = await db.Sites.AsNoTracking().Where(s => !s.IsArchived).OrderBy(s => s.Name).ToListAsync(ct);
        var all = await db.Activities.AsNoTracking().Where(a => !a.IsArchived)
            .OrderBy(a => a.SortOrder).ThenBy(a => a.Label).ToListAsync(ct);
        if (Prestation is { } activityId)
        {
            Activity = all.FirstOrDefault(a => a.Id == activityId)
                ?? await db.Activities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == activityId, ct);
            if (Activity is null)
            {
                return false;
            }
            SiteFilter ??= Activity.SiteId;
        }
        if (SiteFilter is { } siteId)
        {
            Site = Sites.FirstOrDefault(s => s.Id == siteId) ?? await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Id == siteId, ct);
            if (Site is null)
            {
                return false;
            }
        }
        Site ??= Sites.Count > 0 ? Sites[0] : null;
        Activities = Site is null ? [] : all.Where(a => a.SiteId == Site.Id).ToList();
        if (Activity is not null && Activity.SiteId != Site?.Id)
        {
            Activity = null;
        }
        Activity ??= Activities.Count > 0 ? Activities[0] : null;
        if (Activity is not null)
        {
            Lines = await sheet.LoadAsync(Activity.Id, Day, ct);
        }
        return true;
    }
}
