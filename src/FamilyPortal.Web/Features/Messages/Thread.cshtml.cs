using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Messages;

/// <summary>
/// A family's thread with the town hall: the messages (never the internal notes), marked read as the page shows
/// them, the reply, and the attachments as downloads. Another family's thread answers 404.
/// </summary>
[Authorize]
[RequestSizeLimit(MessageForm.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = MessageForm.RequestLimit)]
public class ThreadModel(Messaging messaging, CurrentMunicipality current, FamilyPortalDbContext db) : PageModel
{
    public ThreadView Thread { get; private set; } = null!;

    [BindProperty]
    public string? Text { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int threadId, CancellationToken ct)
    {
        if (!await LoadAsync(threadId, ct))
        {
            return NotFound();
        }
        await messaging.MarkReadAsync(threadId, MessageSide.Parent, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(int threadId, CancellationToken ct)
    {
        if (current is not { IsParent: true, FamilyId: { } familyId })
        {
            return false;
        }
        var thread = await ThreadView.LoadAsync(db, threadId, familyId, $"Mairie – {current.Name}", ct);
        Thread = thread!;
        return thread is not null;
    }

    public async Task<IActionResult> OnPostReplyAsync(int threadId, IFormFile? upload, CancellationToken ct)
    {
        if (current is not { IsParent: true, FamilyId: { } familyId, AccountId: { } accountId })
        {
            return NotFound();
        }
        var thread = await db.Set<MessageThread>().SingleOrDefaultAsync(t => t.Id == threadId && t.FamilyId == familyId, ct);
        if (thread is null)
        {
            return NotFound();
        }
        var read = await MessageForm.ReadAsync(Request, Text, upload, ModelState, ct);
        if (read is not { } message)
        {
            await LoadAsync(threadId, ct);
            Response.StatusCode = MessageForm.RefusalStatus(Request);
            return Page();
        }
        var author = await ParentName.OfAsync(db, accountId, current.HouseholdName, ct);
        await messaging.AddAsync(thread, new Messaging.Author(MessageSide.Parent, accountId, author), message.Text, internalNote: false, message.File, ct);
        Notice = "Votre réponse a été envoyée à la mairie.";
        return Redirect(MessagesEmails.ThreadPath(threadId));
    }

    public async Task<IActionResult> OnGetAttachmentAsync(int threadId, int messageId, CancellationToken ct)
    {
        if (current is not { IsParent: true, FamilyId: { } familyId })
        {
            return NotFound();
        }
        var found = await messaging.AttachmentAsync(threadId, messageId, familyId, ct);
        return found is { } file ? DocumentDownload.Attachment(Response, file.Name, file.Content) : NotFound();
    }
}
