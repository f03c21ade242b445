using System.Globalization;
using FamilyPortal.Web.Infrastructure.Csv;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Reservations.Admin.Attendance;

/// <summary>
/// « Réservations »: the children booked for one activity on one day, with their class — the attendance
/// sheet the staff print or export to a spreadsheet.
/// </summary>
public class IndexModel(FamilyPortalDbContext db, AttendanceCare care, TimeProvider time) : PageModel
{
    public sealed record Line(string LastName, string FirstName, string? SchoolClass, string HouseholdName, bool ByStaff, AttendanceCare.Care Care);

    [BindProperty(SupportsGet = true, Name = "jour")] public string? Jour { get; set; }
    [BindProperty(SupportsGet = true, Name = "prestation")] public int? Prestation { get; set; }

    private static readonly string[] Header = ["Nom", "Prénom", "Classe", "Foyer", "Réservé par la mairie", "Allergies", "Régime", "PAI", "Personnes autorisées"];

    public DateOnly Day { get; private set; }
    public IReadOnlyList<Activity> Activities { get; private set; } = [];
    public Activity? Activity { get; private set; }
    public IReadOnlyList<Line> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Activity is null)
        {
            return NotFound();
        }
        var rows = new List<IEnumerable<string?>> { Header };
        rows.AddRange(Lines.Select(l => new[] { l.LastName, l.FirstName, l.SchoolClass, l.HouseholdName, l.ByStaff ? "oui" : "non", l.Care.Allergies, l.Care.Diet, l.Care.Pai ? "oui" : "non", l.Care.AuthorisedPersons }));
        var name = $"presences-{Activity.Id}-{Day:yyyy-MM-dd}.csv";
        return File(CsvText.Document(rows), "text/csv; charset=utf-8", name);
    }

    /// <summary>False when the activity asked for is not one of this collectivité's.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Day = DateOnly.TryParseExact(Jour, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : ParisClock.Today(time.GetUtcNow(), ParisClock.Zone);
        Activities = await db.Activities.AsNoTracking().Include(a => a.Site)
            .OrderBy(a => a.Site!.Name).ThenBy(a => a.SortOrder).ThenBy(a => a.Label).ToListAsync(ct);
        if (Prestation is { } id)
        {
            Activity = Activities.FirstOrDefault(a => a.Id == id);
            if (Activity is null)
            {
                return false;
            }
        }
        else
        {
            Activity = Activities.Count > 0 ? Activities[0] : null;
        }
        if (Activity is { } activity)
        {
            var rows = await db.Bookings.AsNoTracking()
                .Where(b => b.ActivityId == activity.Id && b.Date == Day && b.CancelledAtUtc == null)
                .Join(db.Children, b => b.ChildId, c => c.Id, (b, c) => new { b.StaffReason, c.Id, c.LastName, c.FirstName, c.SchoolClass, c.FamilyId })
                .Join(db.Families, x => x.FamilyId, f => f.Id, (x, f) => new { x.Id, x.LastName, x.FirstName, x.SchoolClass, f.HouseholdName, ByStaff = x.StaffReason != null })
                .OrderBy(l => l.LastName).ThenBy(l => l.FirstName)
                .ToListAsync(ct);
            var cares = await care.ForAsync(rows.Select(r => r.Id).ToList(), ct);
            Lines = rows.Select(r => new Line(r.LastName, r.FirstName, r.SchoolClass, r.HouseholdName, r.ByStaff,
                cares.GetValueOrDefault(r.Id) ?? AttendanceCare.Care.None)).ToList();
        }
        return true;
    }
}
