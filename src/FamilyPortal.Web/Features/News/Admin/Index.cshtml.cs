using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.News.Admin;

/// <summary>« Actualités » of the collectivité, drafts included, each with its status in words.</summary>
public class IndexModel(FamilyPortalDbContext db, TimeProvider time) : PageModel
{
    public sealed record Row(int Id, string Title, NewsStatus Status, DateTime? FromUtc, DateTime? UntilUtc);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var items = await db.NewsItems.AsNoTracking()
            .OrderByDescending(n => n.PublishFromUtc ?? n.UpdatedAtUtc).ThenByDescending(n => n.Id)
            .Select(n => new { n.Id, n.Title, n.PublishFromUtc, n.PublishUntilUtc })
            .ToListAsync(ct);
        Rows = items.Select(n => new Row(n.Id, n.Title, NewsPublication.StatusOf(n.PublishFromUtc, n.PublishUntilUtc, now.UtcDateTime),
            n.PublishFromUtc, n.PublishUntilUtc)).ToList();
    }
}
