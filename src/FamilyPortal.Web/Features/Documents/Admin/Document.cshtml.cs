using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Documents.Admin;

/// <summary>
/// One deposited document: who, what, the viewer (a re-encoded image inline, a PDF only as a download), and
/// « Valider » / « Refuser » with the reason. Each opening of the content is journalled.
/// </summary>
public class DocumentModel(FamilyPortalDbContext db, SupportingDocuments documents, DocumentDecisions decisions) : PageModel
{
    public sealed record Details(int Id, string Type, string Household, int FamilyId, string? Child, DocumentStatus Status, string? RefusalReason,
        DateOnly? ExpiresOn, DateTime UploadedAtUtc, string FileName, string ContentType, long Size, string Sha256);

    public Details Document { get; private set; } = null!;

    public bool IsImage => UploadRules.IsImage(Document.ContentType);

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int documentId, CancellationToken ct) =>
        await LoadAsync(documentId, ct) ? Page() : NotFound();

    /// <summary>The re-encoded image, for the viewer's img element.</summary>
    public Task<IActionResult> OnGetImageAsync(int documentId, CancellationToken ct) =>
        ServeAsync(documentId, "affichée", (document, content) => DocumentDownload.InlineImage(Response, document, content), ct);

    public Task<IActionResult> OnGetDownloadAsync(int documentId, CancellationToken ct) =>
        ServeAsync(documentId, "téléchargée", (document, content) => DocumentDownload.Attachment(Response, document, content), ct);

    public async Task<IActionResult> OnPostValidateAsync(int documentId, CancellationToken ct) =>
        await DecidedAsync(documentId, await decisions.ValidateAsync(documentId, ct), "La pièce a été validée ; la famille est prévenue par courriel.", ct);

    public async Task<IActionResult> OnPostRefuseAsync(int documentId, CancellationToken ct) =>
        await DecidedAsync(documentId, await decisions.RefuseAsync(documentId, Reason, ct), "La pièce a été refusée ; la famille est prévenue par courriel avec le motif.", ct);

    private async Task<IActionResult> DecidedAsync(int documentId, string? problem, string notice, CancellationToken ct)
    {
        if (problem is null)
        {
            TempData["Notice"] = notice;
            return RedirectToPage("Index");
        }
        if (!await LoadAsync(documentId, ct))
        {
            return NotFound();
        }
        ModelState.AddModelError(nameof(Reason), problem);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<IActionResult> ServeAsync(int documentId, string how, Func<SupportingDocument, byte[], IActionResult> serve, CancellationToken ct)
    {
        if (await documents.OpenAsync(documentId, familyId: null, ct) is not { } opened)
        {
            return NotFound();
        }
        if (how == "affichée" && !UploadRules.IsImage(opened.Document.ContentType))
        {
            return NotFound();
        }
        await decisions.JournalViewAsync(opened.Document, how, ct);
        return serve(opened.Document, opened.Content);
    }

    private async Task<bool> LoadAsync(int documentId, CancellationToken ct)
    {
        var found = await (from d in db.Set<SupportingDocument>().AsNoTracking()
                           where d.Id == documentId
                           join f in db.Families on d.FamilyId equals f.Id
                           join c in db.Children on d.ChildId equals c.Id into children
                           from c in children.DefaultIfEmpty()
                           select new Details(d.Id, d.Type!.Name, f.HouseholdName, f.Id, c == null ? null : c.FirstName + " " + c.LastName, d.Status, d.RefusalReason,
                               d.ExpiresOn, d.UploadedAtUtc, d.FileName, d.ContentType, d.Size, d.Sha256))
            .SingleOrDefaultAsync(ct);
        if (found is not null)
        {
            Document = found;
        }
        return found is not null;
    }
}
