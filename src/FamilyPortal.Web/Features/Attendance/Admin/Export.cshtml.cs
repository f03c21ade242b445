using System.Globalization;
using FamilyPortal.Web.Infrastructure.Csv;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Attendance.Admin;

/// <summary>« Exporter le pointage »: the attendance of a period per activity and child, and the CAF's monthly children-days.</summary>
public class ExportModel(FamilyPortalDbContext db, AttendanceExport export, TimeProvider time) : PageModel
{
    public const int MaxPeriodDays = 366;

    [BindProperty(SupportsGet = true, Name = "du")] public string? Du { get; set; }
    [BindProperty(SupportsGet = true, Name = "au")] public string? Au { get; set; }
    [BindProperty(SupportsGet = true, Name = "prestation")] public int? Prestation { get; set; }

    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public IReadOnlyList<Activity> Activities { get; private set; } = [];
    public IReadOnlyList<AttendanceExport.MonthCount> Counts { get; private set; } = [];

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string Query => $"du={Iso(From)}&au={Iso(To)}" + (Prestation is { } id ? $"&prestation={id}" : "");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ReadAsync(ct))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Counts = await export.MonthCountsAsync(From, To, Prestation, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (await RefusalAsync(ct) is { } refusal)
        {
            return refusal;
        }
        var rows = new List<IEnumerable<string?>> { AttendanceExport.RowHeader };
        rows.AddRange((await export.RowsAsync(From, To, Prestation, ct)).Select(AttendanceExport.Cells));
        return File(CsvText.Document(rows), "text/csv; charset=utf-8", $"pointage-{Iso(From)}-{Iso(To)}.csv");
    }

    public async Task<IActionResult> OnGetCafAsync(CancellationToken ct)
    {
        if (await RefusalAsync(ct) is { } refusal)
        {
            return refusal;
        }
        var rows = new List<IEnumerable<string?>> { AttendanceExport.CountHeader };
        rows.AddRange((await export.MonthCountsAsync(From, To, Prestation, ct)).Select(AttendanceExport.Cells));
        return File(CsvText.Document(rows), "text/csv; charset=utf-8", $"jours-enfants-{Iso(From)}-{Iso(To)}.csv");
    }

    private async Task<IActionResult?> RefusalAsync(CancellationToken ct) =>
        !await ReadAsync(ct) ? NotFound() : !ModelState.IsValid ? BadRequest() : null;

    /// <summary>The period (the current month by default) and the activity; false when the activity is not one of this collectivité's.</summary>
    private async Task<bool> ReadAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var today = ParisClock.Today(time.GetUtcNow(), ParisClock.Zone);
        var from = Parse(Du);
        var to = Parse(Au);
        if (!string.IsNullOrWhiteSpace(Du) && from is null)
        {
            ModelState.AddModelError("du", "Saisissez la date de début au format jj/mm/aaaa.");
        }
        if (!string.IsNullOrWhiteSpace(Au) && to is null)
        {
            ModelState.AddModelError("au", "Saisissez la date de fin au format jj/mm/aaaa.");
        }
        From = from ?? new DateOnly(today.Year, today.Month, 1);
        To = to ?? From.AddMonths(1).AddDays(-1);
        if (To < From || To.DayNumber - From.DayNumber >= MaxPeriodDays)
        {
            ModelState.AddModelError("au", "La période va d'un jour à une année : la date de fin suit la date de début.");
            To = From;
        }
        Activities = await db.Activities.AsNoTracking().Include(a => a.Site)
            .OrderBy(a => a.Site!.Name).ThenBy(a => a.SortOrder).ThenBy(a => a.Label).ToListAsync(ct);
        return Prestation is not { } id || Activities.Any(a => a.Id == id);
    }

    private static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
