using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Families.Admin;

/// <summary>
/// « Importer des familles »: the file's columns, an example to download, and the upload. The file is
/// kept on the server and previewed; nothing is imported before the staff member confirms.
/// </summary>
[RequestSizeLimit(RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
public class ImportModel(FamilyImporter importer, FamilyPortalDbContext db) : PageModel
{
    /// <summary>Above the file limit, so a file a little too large gets the French message rather than an error page.</summary>
    private const int RequestLimit = 4 * FamilyImporter.MaxBytes;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public static IReadOnlyList<ImportColumn> Columns => FamilyImportColumns.All;

    public void OnGet()
    {
    }

    /// <summary>An example file with this collectivité's site names.</summary>
    public async Task<IActionResult> OnGetExampleAsync(CancellationToken ct)
    {
        var sites = await db.Sites.AsNoTracking().Where(s => !s.IsArchived).OrderBy(s => s.Name).Select(s => s.Name).Take(2).ToListAsync(ct);
        var first = sites.Count > 0 ? sites[0] : "Groupe scolaire";
        var second = sites.Count > 1 ? sites[1] : first;
        return File(FamilyImportColumns.Example(first, second), "text/csv; charset=utf-8", "exemple-import-familles.csv");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null)
        {
            ModelState.AddModelError(nameof(Upload), "Choisissez le fichier CSV à importer.");
            return Page();
        }
        byte[] bytes = [];
        if (Upload.Length is > 0 and <= FamilyImporter.MaxBytes)
        {
            using var buffer = new MemoryStream((int)Upload.Length);
            await Upload.CopyToAsync(buffer, ct);
            bytes = buffer.ToArray();
        }
        if (FamilyImporter.CheckUpload(Upload.Length, bytes) is { } problem)
        {
            ModelState.AddModelError(nameof(Upload), problem);
            return Page();
        }
        var id = await importer.KeepAsync(Upload.FileName, bytes, ct);
        return RedirectToPage("ImportReview", new { draftId = id });
    }
}
