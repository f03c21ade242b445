using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Families.Admin;

/// <summary>
/// The preview of a kept file (every line's errors, or what would be created and updated), its
/// confirmation (all or nothing), then the result. Only the staff member who sent the file, in their
/// collectivité, for an hour; anyone else's id answers 404.
/// </summary>
public class ImportReviewModel(FamilyImporter importer, FamilyPortalDbContext db) : PageModel
{
    public const string Expired = "Cet aperçu a expiré (au bout d'une heure) : envoyez le fichier à nouveau.";

    public FamilyImportDraft Draft { get; private set; } = null!;

    public FamilyImporter.Review? Review { get; private set; }

    public ImportResult? Result { get; private set; }

    public IReadOnlyList<(int Id, string Reference, string HouseholdName)> Created { get; private set; } = [];

    /// <summary>What the staff member saw: the import goes ahead only if the file still reads the same.</summary>
    [BindProperty]
    public string? Fingerprint { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid draftId, CancellationToken ct)
    {
        var (draft, otherAnswer) = await OpenAsync(draftId, ct);
        if (draft is null)
        {
            return otherAnswer!;
        }
        Draft = draft;
        if (FamilyImporter.ResultOf(draft) is { } result)
        {
            Result = result;
            var references = result.CreatedReferences.ToList();
            var created = await db.Families.AsNoTracking().Where(f => f.Reference != null && references.Contains(f.Reference))
                .OrderBy(f => f.HouseholdName).Select(f => new { f.Id, f.Reference, f.HouseholdName }).ToListAsync(ct);
            Created = created.Select(f => (f.Id, f.Reference!, f.HouseholdName)).ToList();
            return Page();
        }
        Review = await importer.ReviewAsync(draft.Content, tracked: false, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid draftId, CancellationToken ct)
    {
        var (draft, otherAnswer) = await OpenAsync(draftId, ct);
        if (draft is null)
        {
            return otherAnswer!;
        }
        if (draft.ImportedAtUtc is not null)
        {
            // A second click on « Importer »: already done, show the result.
            return RedirectToPage(new { draftId });
        }
        var (review, result, refusal) = await importer.ImportAsync(draft, Fingerprint, ct);
        if (result is null)
        {
            Draft = draft;
            Review = review;
            if (refusal is not null)
            {
                ModelState.AddModelError(string.Empty, refusal);
            }
            return Page();
        }
        return RedirectToPage(new { draftId });
    }

    /// <summary>The staff member's own draft still in its hour, or the answer to give instead (404, or back to the upload).</summary>
    private async Task<(FamilyImportDraft? Draft, IActionResult? OtherAnswer)> OpenAsync(Guid draftId, CancellationToken ct)
    {
        var draft = await importer.FindAsync(draftId, ct);
        if (draft is null)
        {
            return (null, NotFound());
        }
        if (importer.IsExpired(draft))
        {
            TempData["Notice"] = Expired;
            return (null, RedirectToPage("Import"));
        }
        return (draft, null);
    }

    public static string Describe(FamilyOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";
        if (outcome.Action == ImportAction.Create)
        {
            return $"{Count(outcome.AdultsAdded, "responsable", "responsables")}, {Count(outcome.ChildrenAdded, "enfant", "enfants")}";
        }
        var parts = new List<string>();
        if (outcome.AdultsAdded > 0)
        {
            parts.Add(Count(outcome.AdultsAdded, "responsable ajouté", "responsables ajoutés"));
        }
        if (outcome.AdultsUpdated > 0)
        {
            parts.Add(Count(outcome.AdultsUpdated, "responsable modifié", "responsables modifiés"));
        }
        if (outcome.ChildrenAdded > 0)
        {
            parts.Add(Count(outcome.ChildrenAdded, "enfant ajouté", "enfants ajoutés"));
        }
        if (outcome.ChildrenUpdated > 0)
        {
            parts.Add(Count(outcome.ChildrenUpdated, "enfant modifié", "enfants modifiés"));
        }
        return parts.Count == 0
            ? outcome.Action == ImportAction.Update ? "informations de la famille modifiées" : "aucun changement"
            : string.Join(", ", parts);
    }

    public static string Label(ImportAction action) => action switch
    {
        ImportAction.Create => "Création",
        ImportAction.Update => "Mise à jour",
        _ => "Inchangée",
    };
}
