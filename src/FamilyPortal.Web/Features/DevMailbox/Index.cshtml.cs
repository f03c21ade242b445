using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.DevMailbox;

public sealed class IndexModel(FamilyPortalDbContext db, Email.DevMailbox mailbox) : DevMailboxPageModel(mailbox)
{
    public const int Shown = 200;

    public IReadOnlyList<OutboxMessage> Messages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Messages = await db.OutboxMessages.AsNoTracking()
            .OrderByDescending(m => m.CreatedAtUtc).ThenByDescending(m => m.Id)
            .Take(Shown)
            .ToListAsync(cancellationToken);
    }
}
