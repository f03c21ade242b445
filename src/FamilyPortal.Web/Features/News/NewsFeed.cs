using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.News;

/// <summary>
/// « Actualités » of a parent: the current collectivité's actualités whose publication window contains
/// now, newest first. Showing them marks them read for the account.
/// </summary>
public sealed class NewsFeed(FamilyPortalDbContext db, TimeProvider time, ILogger<NewsFeed> logger)
{
    public const int MaxShown = 50;

    /// <param name="IsNew">Not shown to this account before this display.</param>
    public sealed record Entry(int Id, string Title, IReadOnlyList<NewsParagraph> Paragraphs, DateTime PublishedFromUtc, bool IsNew);

    public async Task<IReadOnlyList<Entry>> ShowAsync(int municipalityId, string accountId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var rows = await db.NewsItems.AsNoTracking()
            .Where(n => n.PublishFromUtc != null && n.PublishFromUtc <= now && (n.PublishUntilUtc == null || n.PublishUntilUtc > now))
            .OrderByDescending(n => n.PublishFromUtc).ThenByDescending(n => n.Id)
            .Take(MaxShown)
            .Select(n => new
            {
                n.Id,
                n.Title,
                n.Body,
                From = n.PublishFromUtc!.Value,
                Read = db.NewsReads.Any(r => r.NewsItemId == n.Id && r.AccountId == accountId),
            })
            .ToListAsync(ct);
        var unread = rows.Where(r => !r.Read).Select(r => r.Id).ToList();
        if (unread.Count > 0)
        {
            await MarkReadAsync(municipalityId, accountId, unread, now, ct);
        }
        return rows.Select(r => new Entry(r.Id, r.Title, NewsText.Parse(r.Body), r.From, !r.Read)).ToList();
    }

    private async Task MarkReadAsync(int municipalityId, string accountId, IReadOnlyList<int> ids, DateTime now, CancellationToken ct)
    {
        var reads = ids.Select(id => new NewsRead { MunicipalityId = municipalityId, NewsItemId = id, AccountId = accountId, ReadAtUtc = now }).ToList();
        db.NewsReads.AddRange(reads);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another tab of the same account marked them first: they are read either way.
            logger.LogInformation("Actualités déjà marquées lues pour le compte {AccountId}", accountId);
        }
        finally
        {
            foreach (var read in reads)
            {
                db.Entry(read).State = EntityState.Detached;
            }
        }
    }
}
