using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.News.Admin;

/// <summary>Deleting an actualité, after a confirmation; a version changed since the confirmation page is refused.</summary>
public class DeleteModel(FamilyPortalDbContext db, CurrentMunicipality current, TimeProvider time, ILogger<DeleteModel> logger) : PageModel
{
    public const string ChangedMeanwhile = "Cette actualité a été modifiée entre-temps par quelqu'un d'autre : vérifiez-la avant de confirmer la suppression.";

    [BindProperty]
    public int Version { get; set; }

    public NewsItem? Item { get; private set; }

    public NewsStatus Status { get; private set; }

    public async Task<IActionResult> OnGetAsync(int newsId, CancellationToken ct)
    {
        Item = await db.NewsItems.AsNoTracking().SingleOrDefaultAsync(n => n.Id == newsId, ct);
        if (Item is null)
        {
            return NotFound();
        }
        Show(Item);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int newsId, CancellationToken ct)
    {
        var item = await db.NewsItems.SingleOrDefaultAsync(n => n.Id == newsId, ct);
        if (item is null)
        {
            return NotFound();
        }
        if (item.Version != Version)
        {
            return Refused(item);
        }
        db.NewsItems.Remove(item);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var stored = await db.NewsItems.AsNoTracking().SingleOrDefaultAsync(n => n.Id == newsId, ct);
            return stored is null ? RedirectToPage("Index") : Refused(stored);
        }
        logger.LogInformation("Actualité {NewsId} supprimée par le compte {AccountId}", newsId, current.AccountId);
        TempData["Notice"] = $"L'actualité « {item.Title} » est supprimée.";
        return RedirectToPage("Index");
    }

    private PageResult Refused(NewsItem item)
    {
        ModelState.AddModelError(string.Empty, ChangedMeanwhile);
        Item = item;
        Show(item);
        return Page();
    }

    private void Show(NewsItem item)
    {
        Version = item.Version;
        Status = item.StatusAt(time.GetUtcNow());
    }
}
