using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Documents;

/// <summary>
/// « Pièces justificatives » of « Mon dossier famille »: what the collectivité asks of the family and of each
/// child, where each stands, « Déposer » a PDF or a photo, and the download of the family's own documents.
/// </summary>
[Authorize]
[RequestSizeLimit(RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
public class PiecesModel(SupportingDocuments documents, CurrentMunicipality current, FamilyPortalDbContext db) : PageModel
{
    /// <summary>Above the file limit, so that a file a little too large gets the French message, not a bare 413.</summary>
    public const int RequestLimit = 16 * 1024 * 1024;

    public CurrentMunicipality Current => current;

    public IReadOnlyList<SupportingDocuments.Requirement> Requirements { get; private set; } = [];

    public Families.MyFile.FileNav Nav { get; private set; } = new([], null, Documents: true);

    [TempData]
    public string? Notice { get; set; }

    /// <summary>The row whose deposit was refused, to show its message next to its field.</summary>
    public string? RefusedRow { get; private set; }

    public static string RowKey(int typeId, int? childId) => childId is { } id ? $"{typeId}-{id}" : $"{typeId}";

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (current is { IsParent: true, FamilyId: { } familyId })
        {
            await LoadAsync(familyId, ct);
        }
    }

    private async Task LoadAsync(int familyId, CancellationToken ct)
    {
        Requirements = await documents.RequirementsAsync(familyId, ct);
        var children = await db.Children.AsNoTracking().Where(c => c.FamilyId == familyId).OrderBy(c => c.FirstName)
            .Select(c => new { c.Id, c.FirstName }).ToListAsync(ct);
        Nav = new Families.MyFile.FileNav(children.Select(c => (c.Id, c.FirstName)).ToList(), null, Documents: true);
    }

    public async Task<IActionResult> OnPostDepositAsync(int typeId, int? childId, IFormFile? upload, CancellationToken ct)
    {
        if (current is not { IsParent: true, FamilyId: { } familyId, Id: { } municipalityId, AccountId: { } accountId })
        {
            return NotFound();
        }
        if (!await documents.TargetExistsAsync(familyId, typeId, childId, ct))
        {
            return NotFound();
        }
        // Kestrel answers a larger post 413 itself (the error page says why in French); a server that lets it
        // through (the test host) has its form cut at the multipart limit: the same answer here.
        var tooLarge = Request.ContentLength > RequestLimit;
        var (file, problem) = tooLarge ? (null, UploadRules.TooLarge) : await DocumentFiles.PrepareAsync(upload, ct);
        if (file is not null)
        {
            problem = await documents.DepositAsync(municipalityId, familyId, typeId, childId, file, accountId, ct);
        }
        if (problem == SupportingDocuments.NotFound)
        {
            return NotFound();
        }
        if (problem is not null)
        {
            ModelState.AddModelError("Upload", problem);
            RefusedRow = RowKey(typeId, childId);
            await LoadAsync(familyId, ct);
            Response.StatusCode = tooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        Notice = "Votre pièce a été déposée. La collectivité va la vérifier.";
        return RedirectToPage();
    }

    /// <summary>One of the family's documents, always as a download.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(int id, CancellationToken ct)
    {
        if (current is not { IsParent: true, FamilyId: { } familyId })
        {
            return NotFound();
        }
        var opened = await documents.OpenAsync(id, familyId, ct);
        return opened is { } found ? DocumentDownload.Attachment(Response, found.Document, found.Content) : NotFound();
    }
}
