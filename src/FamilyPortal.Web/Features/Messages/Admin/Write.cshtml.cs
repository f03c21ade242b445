using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Messages.Admin;

/// <summary>« Écrire à la famille » from its file: a new thread started by the town hall; the family gets a mail with the link only.</summary>
[RequestSizeLimit(MessageForm.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = MessageForm.RequestLimit)]
public class WriteModel(Messaging messaging, CurrentMunicipality current, FamilyPortalDbContext db) : PageModel
{
    public string Family { get; private set; } = "";

    public int FamilyId { get; private set; }

    public IReadOnlyList<string> Subjects { get; private set; } = [];

    [BindProperty]
    public string? Subject { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    public async Task<IActionResult> OnGetAsync(int familyId, CancellationToken ct) =>
        await LoadAsync(familyId, ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(int familyId, CancellationToken ct)
    {
        var family = await db.Families.AsNoTracking().Where(f => f.Id == familyId).Select(f => f.HouseholdName).SingleOrDefaultAsync(ct);
        if (family is null)
        {
            return false;
        }
        Family = family;
        FamilyId = familyId;
        Subjects = await messaging.SubjectsAsync(ct);
        return true;
    }

    public async Task<IActionResult> OnPostAsync(int familyId, IFormFile? upload, CancellationToken ct)
    {
        if (!await LoadAsync(familyId, ct) || current is not { IsStaff: true, Id: { } municipalityId, AccountId: { } accountId })
        {
            return NotFound();
        }
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
        var name = await StaffName.OfAsync(db, accountId, ct);
        var id = await messaging.StartAsync(municipalityId, familyId, subject, new Messaging.Author(MessageSide.Staff, accountId, name), message.Text, message.File, ct);
        TempData["Notice"] = "Votre message a été envoyé ; la famille est prévenue par courriel.";
        return Redirect("/admin" + MessagesEmails.ThreadPath(id));
    }
}
