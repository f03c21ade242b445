using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Messages.Admin;

/// <summary>
/// The collectivité's inbox: threads by last message, filtered by status, searched in the subject, the family's
/// name and the messages' text; « non lu » on those with a family's message nobody has opened yet.
/// </summary>
public class IndexModel(FamilyPortalDbContext db) : PageModel
{
    public const int PageSize = 100;

    public sealed record Row(int Id, string Subject, string Family, ThreadStatus Status, string? Assigned, DateTime UpdatedAtUtc, bool Unread);

    [BindProperty(SupportsGet = true, Name = "statut")]
    public string? StatusFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    public IReadOnlyList<Row> Threads { get; private set; } = [];

    public IReadOnlyDictionary<ThreadStatus, int> Counts { get; private set; } = new Dictionary<ThreadStatus, int>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var threads = db.Set<MessageThread>().AsNoTracking();
        Counts = await threads.GroupBy(t => t.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        if (ThreadStatuses.Parse(StatusFilter) is { } status)
        {
            threads = threads.Where(t => t.Status == status);
        }
        var search = Search?.Trim();
        if (!string.IsNullOrEmpty(search) && search.Length <= 100)
        {
            var pattern = $"%{search.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)}%";
            threads = threads.Where(t => EF.Functions.Like(t.Subject, pattern, "\\")
                || db.Families.Any(f => f.Id == t.FamilyId && EF.Functions.Like(f.HouseholdName, pattern, "\\"))
                || t.Messages.Any(m => EF.Functions.Like(m.Text, pattern, "\\")));
        }
        Threads = await (from t in threads
                         join f in db.Families on t.FamilyId equals f.Id
                         join u in db.Users on t.AssignedAccountId equals u.Id into assigned
                         from u in assigned.DefaultIfEmpty()
                         orderby t.UpdatedAtUtc descending, t.Id descending
                         select new Row(t.Id, t.Subject, f.HouseholdName, t.Status, u == null ? null : u.FirstName + " " + u.LastName, t.UpdatedAtUtc,
                             t.Messages.Any(m => m.AuthorSide == MessageSide.Parent && m.ReadByStaffAtUtc == null)))
            .Take(PageSize).ToListAsync(ct);
    }
}
