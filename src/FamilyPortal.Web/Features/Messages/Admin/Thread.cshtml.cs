using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Messages.Admin;

/// <summary>
/// A thread for the town hall: every message and internal note, marked read as the page shows them; the reply
/// (mailed to the family as a bare link) or the internal note; the status and the agent in charge.
/// </summary>
[RequestSizeLimit(MessageForm.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = MessageForm.RequestLimit)]
public class ThreadModel(Messaging messaging, CurrentMunicipality current, FamilyPortalDbContext db) : PageModel
{
    public const string UnknownAgent = "Choisissez un agent de la collectivité.";
    public const string UnknownStatus = "Choisissez un état de la liste.";

    public ThreadView Thread { get; private set; } = null!;

    /// <summary>The collectivité's active staff, for « chargé ».</summary>
    public IReadOnlyList<(string Id, string Name)> Agents { get; private set; } = [];

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public bool InternalNote { get; set; }

    [BindProperty]
    public string? Status { get; set; }

    [BindProperty]
    public string? AssignedAccountId { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int threadId, CancellationToken ct)
    {
        if (!await LoadAsync(threadId, ct))
        {
            return NotFound();
        }
        await messaging.MarkReadAsync(threadId, MessageSide.Staff, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(int threadId, CancellationToken ct)
    {
        var thread = await ThreadView.LoadAsync(db, threadId, familyId: null, "", ct);
        if (thread is null)
        {
            return false;
        }
        Thread = thread;
        Agents = (await db.Users.AsNoTracking()
                .Where(u => u.StaffMunicipalityId == current.Id && u.SuspendedAtUtc == null)
                .OrderBy(u => u.LastName).ThenBy(u => u.FirstName)
                .Select(u => new { u.Id, u.FirstName, u.LastName, u.UserName }).ToListAsync(ct))
            .Select(u => (u.Id, $"{u.FirstName} {u.LastName}".Trim() is { Length: > 0 } name ? name : u.UserName ?? u.Id)).ToList();
        Status ??= ThreadStatuses.Slug(thread.Status);
        AssignedAccountId ??= thread.AssignedAccountId;
        return true;
    }

    public async Task<IActionResult> OnPostReplyAsync(int threadId, IFormFile? upload, CancellationToken ct)
    {
        var thread = await db.Set<MessageThread>().SingleOrDefaultAsync(t => t.Id == threadId, ct);
        if (thread is null || current is not { IsStaff: true, AccountId: { } accountId })
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
        var name = await StaffName.OfAsync(db, accountId, ct);
        await messaging.AddAsync(thread, new Messaging.Author(MessageSide.Staff, accountId, name), message.Text, InternalNote, message.File, ct);
        Notice = InternalNote ? "La note interne a été enregistrée." : "Votre réponse a été envoyée ; la famille est prévenue par courriel.";
        return Redirect("/admin" + MessagesEmails.ThreadPath(threadId));
    }

    public async Task<IActionResult> OnPostManageAsync(int threadId, CancellationToken ct)
    {
        var thread = await db.Set<MessageThread>().SingleOrDefaultAsync(t => t.Id == threadId, ct);
        if (thread is null)
        {
            return NotFound();
        }
        var status = ThreadStatuses.Parse(Status);
        if (status is null)
        {
            ModelState.AddModelError(nameof(Status), UnknownStatus);
        }
        var assigned = string.IsNullOrEmpty(AssignedAccountId) ? null : AssignedAccountId;
        if (assigned is not null && !await db.Users.AnyAsync(u => u.Id == assigned && u.StaffMunicipalityId == current.Id && u.SuspendedAtUtc == null, ct))
        {
            ModelState.AddModelError(nameof(AssignedAccountId), UnknownAgent);
        }
        if (status is null || !ModelState.IsValid)
        {
            await LoadAsync(threadId, ct);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        if (thread.Status != status || thread.AssignedAccountId != assigned)
        {
            thread.Status = status.Value;
            thread.AssignedAccountId = assigned;
            await db.SaveChangesAsync(ct);
        }
        Notice = "La conversation a été mise à jour.";
        return Redirect("/admin" + MessagesEmails.ThreadPath(threadId));
    }

    public async Task<IActionResult> OnGetAttachmentAsync(int threadId, int messageId, CancellationToken ct)
    {
        var found = await messaging.AttachmentAsync(threadId, messageId, familyId: null, ct);
        return found is { } file ? DocumentDownload.Attachment(Response, file.Name, file.Content) : NotFound();
    }
}

/// <summary>A staff member as their messages are signed: their name, else their identifiant.</summary>
public static class StaffName
{
    public static async Task<string> OfAsync(FamilyPortalDbContext db, string accountId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var account = await db.Users.AsNoTracking().Where(u => u.Id == accountId).Select(u => new { u.FirstName, u.LastName, u.UserName }).SingleAsync(ct);
        var name = $"{account.FirstName} {account.LastName}".Trim();
        return name.Length > 0 ? name : account.UserName ?? "Mairie";
    }
}
