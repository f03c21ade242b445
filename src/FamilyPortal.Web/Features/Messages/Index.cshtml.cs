using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Messages;

/// <summary>« Messagerie » of a family: its threads with the town hall, newest first, « non lu » on those with an unread reply.</summary>
[Authorize]
public class IndexModel(FamilyPortalDbContext db, CurrentMunicipality current) : PageModel
{
    public sealed record Row(int Id, string Subject, DateTime UpdatedAtUtc, ThreadStatus Status, bool Unread);

    public CurrentMunicipality Current => current;

    public IReadOnlyList<Row> Threads { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (current is not { IsParent: true, FamilyId: { } familyId })
        {
            return;
        }
        Threads = await db.Set<MessageThread>().AsNoTracking().Where(t => t.FamilyId == familyId)
            .OrderByDescending(t => t.UpdatedAtUtc).ThenByDescending(t => t.Id)
            .Select(t => new Row(t.Id, t.Subject, t.UpdatedAtUtc, t.Status,
                t.Messages.Any(m => m.AuthorSide == MessageSide.Staff && !m.IsInternalNote && m.ReadByFamilyAtUtc == null)))
            .ToListAsync(ct);
    }
}
