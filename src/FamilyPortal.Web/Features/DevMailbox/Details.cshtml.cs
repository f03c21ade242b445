using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.DevMailbox;

public sealed class DetailsModel(FamilyPortalDbContext db, OutboxMimeBuilder mime, Email.DevMailbox mailbox) : DevMailboxPageModel(mailbox)
{
    public OutboxMessage Message { get; private set; } = null!;

    public string From => mime.From.ToString();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var message = await FindAsync(id, cancellationToken);
        if (message is null)
        {
            return NotFound();
        }
        Message = message;
        return Page();
    }

    /// <summary>The message exactly as it is (or would be) sent, to open in a mail client.</summary>
    public async Task<IActionResult> OnGetEmlAsync(long id, CancellationToken cancellationToken)
    {
        var message = await FindAsync(id, cancellationToken);
        if (message is null)
        {
            return NotFound();
        }
        using var stream = new MemoryStream();
        await mime.Build(message).WriteToAsync(stream, cancellationToken);
        return File(stream.ToArray(), "message/rfc822", $"courriel-{message.Id}.eml");
    }

    private Task<OutboxMessage?> FindAsync(long id, CancellationToken cancellationToken) =>
        db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
}
