using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Messages;

/// <summary>« Écrire à la mairie »: a subject of the collectivité's list, the text, and a file if needed.</summary>
[Authorize]
[RequestSizeLimit(MessageForm.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = MessageForm.RequestLimit)]
public class WriteModel(Messaging messaging, CurrentMunicipality current, FamilyPortalDbContext db) : PageModel
{
    public CurrentMunicipality Current => current;

    public IReadOnlyList<string> Subjects { get; private set; } = [];

    [BindProperty]
    public string? Subject { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Subjects = await messaging.SubjectsAsync(ct);

    public async Task<IActionResult> OnPostAsync(IFormFile? upload, CancellationToken ct)
    {
        if (current is not { IsParent: true, FamilyId: { } familyId, Id: { } municipalityId, AccountId: { } accountId })
        {
            return NotFound();
        }
        Subjects = await messaging.SubjectsAsync(ct);
        var subject = Subjects.FirstOrDefault(s => s == Subject);
        if (subject is null)
        {
            ModelState.AddModelError(MessageForm.SubjectField, MessageRules.SubjectMissing);
        }
        var read = await MessageForm.ReadAsync(Request, Text, upload, ModelState, ct);
        if (read is not { } message || subject is null)
        {
            Response.StatusCode = MessageForm.RefusalStatus(Request);
            return Page();
        }
        var author = await ParentName.OfAsync(db, accountId, current.HouseholdName, ct);
        var id = await messaging.StartAsync(municipalityId, familyId, subject, new Messaging.Author(MessageSide.Parent, accountId, author), message.Text, message.File, ct);
        TempData["Notice"] = "Votre message a été envoyé à la mairie.";
        return Redirect(MessagesEmails.ThreadPath(id));
    }
}

/// <summary>A parent as their messages are signed: their name on the account, else the household's.</summary>
public static class ParentName
{
    public static async Task<string> OfAsync(FamilyPortalDbContext db, string accountId, string? household, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var account = await db.Users.AsNoTracking().Where(u => u.Id == accountId).Select(u => new { u.FirstName, u.LastName }).SingleOrDefaultAsync(ct);
        var name = $"{account?.FirstName} {account?.LastName}".Trim();
        return name.Length > 0 ? name : household ?? "Famille";
    }
}
