using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.News.Admin;

/// <summary>
/// Writes an actualité and its publication window (« publier du … au … », Paris time), or withdraws it now.
/// A save based on an older version than the stored one is refused.
/// </summary>
public class EditModel(FamilyPortalDbContext db, CurrentMunicipality current, TimeProvider time, ILogger<EditModel> logger) : PageModel
{
    public const string ChangedMeanwhile = "Cette actualité a été modifiée entre-temps par quelqu'un d'autre : voici les valeurs actuelles. Refaites vos modifications puis enregistrez.";

    public sealed class NewsInput
    {
        public string? Title { get; set; }
        public string? Body { get; set; }
        /// <summary>Paris date and time, empty for a draft.</summary>
        public string? PublishFrom { get; set; }
        /// <summary>Paris date and time, empty to stay published.</summary>
        public string? PublishUntil { get; set; }
        public int Version { get; set; }
    }

    [BindProperty]
    public NewsInput Input { get; set; } = new();

    public int? NewsId { get; private set; }

    /// <summary>The stored item's status, for the « Retirer maintenant » button.</summary>
    public NewsStatus? Status { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? newsId, CancellationToken ct)
    {
        NewsId = newsId;
        if (newsId is null)
        {
            return Page();
        }
        var item = await db.NewsItems.AsNoTracking().SingleOrDefaultAsync(n => n.Id == newsId, ct);
        if (item is null)
        {
            return NotFound();
        }
        Show(item);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? newsId, CancellationToken ct)
    {
        NewsId = newsId;
        var item = newsId is null ? null : await db.NewsItems.SingleOrDefaultAsync(n => n.Id == newsId, ct);
        if (newsId is not null && item is null)
        {
            return NotFound();
        }
        if (item is not null && item.Version != Input.Version)
        {
            return Refused(item);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var (title, body, from, until) = Validate(item, now);
        if (!ModelState.IsValid)
        {
            Status = item?.StatusAt(time.GetUtcNow());
            return Page();
        }
        if (item is null)
        {
            item = new NewsItem { MunicipalityId = current.Id!.Value, Title = title, Body = body, CreatedAtUtc = now };
            db.NewsItems.Add(item);
        }
        else
        {
            db.SaveOnlyOverVersion(item, Input.Version);
        }
        item.Title = title;
        item.Body = body;
        item.PublishFromUtc = from;
        item.PublishUntilUtc = until;
        item.UpdatedAtUtc = now;
        if (!await SaveAsync(item, ct))
        {
            return Refused(item);
        }
        logger.LogInformation("Actualité {NewsId} enregistrée par le compte {AccountId}", item.Id, current.AccountId);
        TempData["Notice"] = $"L'actualité « {item.Title} » est enregistrée : {NewsPublication.Label(item.StatusAt(time.GetUtcNow()))}.";
        return RedirectToPage("Index");
    }

    /// <summary>« Retirer maintenant »: families stop seeing it at once.</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(int newsId, CancellationToken ct)
    {
        NewsId = newsId;
        var item = await db.NewsItems.SingleOrDefaultAsync(n => n.Id == newsId, ct);
        if (item is null)
        {
            return NotFound();
        }
        if (item.Version != Input.Version)
        {
            return Refused(item);
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (NewsPublication.Withdrawn(item.PublishFromUtc, item.PublishUntilUtc, now) is not { } window)
        {
            ModelState.Clear();
            ModelState.AddModelError(string.Empty, "Cette actualité n'est pas publiée ni programmée : il n'y a rien à retirer.");
            Show(item);
            return Page();
        }
        db.SaveOnlyOverVersion(item, Input.Version);
        (item.PublishFromUtc, item.PublishUntilUtc) = window;
        item.UpdatedAtUtc = now;
        if (!await SaveAsync(item, ct))
        {
            return Refused(item);
        }
        logger.LogInformation("Actualité {NewsId} retirée par le compte {AccountId}", item.Id, current.AccountId);
        TempData["Notice"] = $"L'actualité « {item.Title} » est retirée : {NewsPublication.Label(item.StatusAt(time.GetUtcNow()))}.";
        return RedirectToPage("Index");
    }

    private async Task<bool> SaveAsync(NewsItem item, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            var entry = db.Entry(item);
            if (await entry.GetDatabaseValuesAsync(ct) is { } stored)
            {
                entry.OriginalValues.SetValues(stored);
                entry.CurrentValues.SetValues(stored);
            }
            return false;
        }
    }

    private (string Title, string Body, DateTime? From, DateTime? Until) Validate(NewsItem? stored, DateTime now)
    {
        var title = Input.Title?.Trim() ?? "";
        if (title.Length is 0 or > NewsItem.TitleMaxLength)
        {
            ModelState.AddModelError("Input.Title", $"Le titre est obligatoire ({NewsItem.TitleMaxLength} caractères au plus).");
        }
        var body = (Input.Body ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (body.Length is 0 or > NewsItem.BodyMaxLength)
        {
            ModelState.AddModelError("Input.Body", "Le texte est obligatoire (10 000 caractères au plus).");
        }
        if (!NewsTimes.TryParse(Input.PublishFrom, out var from))
        {
            ModelState.AddModelError("Input.PublishFrom", "Saisissez la date et l'heure de début, par exemple 16/11/2026 08:00, ou laissez vide pour un brouillon.");
        }
        if (!NewsTimes.TryParse(Input.PublishUntil, out var until))
        {
            ModelState.AddModelError("Input.PublishUntil", "Saisissez la date et l'heure de fin, par exemple 30/11/2026 18:00, ou laissez vide.");
        }
        else if (NewsPublication.Problem(from, until) is { } problem)
        {
            ModelState.AddModelError("Input.PublishUntil", problem);
        }
        else if (until is { } end && end <= now && end != stored?.PublishUntilUtc)
        {
            // A typing slip (the wrong year) would otherwise hide the actualité without anybody noticing.
            ModelState.AddModelError("Input.PublishUntil", "Cette date de fin est déjà passée : choisissez une date à venir, ou « Retirer maintenant » pour arrêter la publication.");
        }
        return (title, body, from, until);
    }

    private PageResult Refused(NewsItem item)
    {
        ModelState.Clear();
        ModelState.AddModelError(string.Empty, ChangedMeanwhile);
        Show(item);
        return Page();
    }

    private void Show(NewsItem item)
    {
        Input = new NewsInput
        {
            Title = item.Title,
            Body = item.Body,
            Version = item.Version,
            PublishFrom = NewsTimes.ForInput(item.PublishFromUtc),
            PublishUntil = NewsTimes.ForInput(item.PublishUntilUtc),
        };
        Status = item.StatusAt(time.GetUtcNow());
    }
}
