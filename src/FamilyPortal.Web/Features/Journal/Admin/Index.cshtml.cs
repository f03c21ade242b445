using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Journal.Admin;

/// <summary>
/// « Journal »: the staff's changes and the parents' basket validations of the collectivité, newest first,
/// filtered by period, author, kind of record and free text.
/// </summary>
[Authorize(Policy = StaffAuthorization.Administrator)]
public class IndexModel(FamilyPortalDbContext db, CurrentMunicipality current) : PageModel
{
    public const int PageSize = 50;
    /// <summary>The « auteur » choices besides one staff member.</summary>
    public const string AnyStaff = "personnel";
    public const string Families = "familles";

    public sealed record Line(JournalEntry Entry, IReadOnlyList<JournalChange> Changes);

    [BindProperty(SupportsGet = true, Name = "du")] public string? Du { get; set; }
    [BindProperty(SupportsGet = true, Name = "au")] public string? Au { get; set; }
    [BindProperty(SupportsGet = true, Name = "auteur")] public string? Auteur { get; set; }
    [BindProperty(SupportsGet = true, Name = "type")] public string? RecordType { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    // « page » is Razor Pages' own route value: the page number is « p ».
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Line> Lines { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount { get; private set; }
    public IReadOnlyList<(string Value, string Label)> Authors { get; private set; } = [];
    public IReadOnlyList<(string Value, string Label)> Kinds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        var query = Filter(db.JournalEntries.AsNoTracking());
        Total = await query.CountAsync(ct);
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        var entries = await query.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        Lines = entries.Select(e => new Line(e, JournalValues.Parse(e.Changes))).ToList();
    }

    /// <summary>The address of another page of the same search.</summary>
    public string PageUrl(int page)
    {
        var query = new Dictionary<string, string?> { ["du"] = Du, ["au"] = Au, ["auteur"] = Auteur, ["type"] = RecordType, ["q"] = Q, ["p"] = page.ToString(CultureInfo.InvariantCulture) }
            .Where(p => !string.IsNullOrEmpty(p.Value))
            .Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}");
        return "/admin/journal?" + string.Join("&", query);
    }

    private IQueryable<JournalEntry> Filter(IQueryable<JournalEntry> query)
    {
        if (ParseDate(Du, "du") is { } from)
        {
            var fromUtc = Utc(from);
            query = query.Where(e => e.AtUtc >= fromUtc);
        }
        if (ParseDate(Au, "au") is { } to)
        {
            var toUtc = Utc(to.AddDays(1));
            query = query.Where(e => e.AtUtc < toUtc);
        }
        query = Auteur switch
        {
            null or "" => query,
            AnyStaff => query.Where(e => e.ActorIsStaff),
            Families => query.Where(e => !e.ActorIsStaff),
            var accountId => query.Where(e => e.ActorAccountId == accountId),
        };
        if (!string.IsNullOrEmpty(RecordType))
        {
            query = query.Where(e => e.EntityType == RecordType);
        }
        if (Q?.Trim() is { Length: > 0 } text)
        {
            var pattern = $"%{text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)}%";
            query = query.Where(e => EF.Functions.Like(e.Summary, pattern, "\\")
                || EF.Functions.Like(e.ActorName, pattern, "\\")
                || (e.ActorLogin != null && EF.Functions.Like(e.ActorLogin, pattern, "\\"))
                || (e.Changes != null && EF.Functions.Like(e.Changes, pattern, "\\")));
        }
        return query;
    }

    /// <summary>Midnight of a Paris day, as the instant the journal stores.</summary>
    private static DateTime Utc(DateOnly day) =>
        FamilyPortal.Web.Features.Calendar.Rules.ParisClock.ToInstant(day.ToDateTime(TimeOnly.MinValue), ParisClock.Zone).UtcDateTime;

    private DateOnly? ParseDate(string? text, string key)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        ModelState.AddModelError(key, "Saisissez une date au format jj/mm/aaaa.");
        return null;
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        var staff = await db.Users.AsNoTracking().Where(u => u.StaffMunicipalityId == current.Id)
            .OrderBy(u => u.LastName).ThenBy(u => u.FirstName)
            .Select(u => new { u.Id, u.UserName, u.FirstName, u.LastName }).ToListAsync(ct);
        Authors = [("", "Tous"), (AnyStaff, "Tout le personnel"), (Families, "Les familles (paniers validés)"),
            .. staff.Select(s => (s.Id, $"{s.FirstName} {s.LastName} ({s.UserName})"))];
        var recorded = await db.JournalEntries.AsNoTracking().Select(e => e.EntityType).Distinct().ToListAsync(ct);
        Kinds = [("", "Tous"), .. JournalLabels.Kinds.Keys.Union(recorded)
            .Select(t => (t, JournalLabels.LabelOf(t))).OrderBy(k => k.Item2, StringComparer.Create(FamilyPortal.Web.Features.Calendar.Rules.FrenchDates.Culture, true))];
    }
}
