using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Families.Admin;

/// <summary>Adds or edits a child of a family. A save based on an older version than the stored one is refused.</summary>
public class ChildModel(FamilyPortalDbContext db, TimeProvider time) : PageModel
{
    public const string ChangedMeanwhile = "Cette fiche enfant a été modifiée entre-temps par quelqu'un d'autre : voici les valeurs actuelles. Refaites vos modifications puis enregistrez.";

    public sealed class ChildInput
    {
        public string? FirstName { get; set; }
        public string? LastName { get; set; }
        public string? BirthDate { get; set; }
        public int? SiteId { get; set; }
        public string? SchoolClass { get; set; }
        public int Version { get; set; }
    }

    [BindProperty]
    public ChildInput Input { get; set; } = new();

    public int FamilyId { get; private set; }
    public int? ChildId { get; private set; }
    public string HouseholdName { get; private set; } = "";
    public IReadOnlyList<(int Id, string Name)> Sites { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int familyId, int? childId, CancellationToken ct)
    {
        if (!await LoadAsync(familyId, childId, ct))
        {
            return NotFound();
        }
        if (childId is not null)
        {
            var child = await db.Children.AsNoTracking().SingleOrDefaultAsync(c => c.Id == childId && c.FamilyId == familyId, ct);
            if (child is null)
            {
                return NotFound();
            }
            Input = From(child);
        }
        else
        {
            Input.LastName = HouseholdName;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int familyId, int? childId, CancellationToken ct)
    {
        if (!await LoadAsync(familyId, childId, ct))
        {
            return NotFound();
        }
        var child = childId is null ? null : await db.Children.SingleOrDefaultAsync(c => c.Id == childId && c.FamilyId == familyId, ct);
        if (childId is not null && child is null)
        {
            return NotFound();
        }
        if (child is not null && child.Version != Input.Version)
        {
            return Refused(child);
        }
        var first = Input.FirstName?.Trim() ?? "";
        var last = Input.LastName?.Trim() ?? "";
        if (first.Length is 0 or > 100)
        {
            ModelState.AddModelError("Input.FirstName", "Le prénom est obligatoire (100 caractères au plus).");
        }
        if (last.Length is 0 or > 100)
        {
            ModelState.AddModelError("Input.LastName", "Le nom est obligatoire (100 caractères au plus).");
        }
        DateOnly? birth = null;
        if (!string.IsNullOrWhiteSpace(Input.BirthDate))
        {
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            if (!DateOnly.TryParseExact(Input.BirthDate.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                || parsed > today || parsed < today.AddYears(-25))
            {
                ModelState.AddModelError("Input.BirthDate", "Saisissez une date de naissance valide, au format jj/mm/aaaa.");
            }
            else
            {
                birth = parsed;
            }
        }
        if (Input.SiteId is { } siteId && Sites.All(s => s.Id != siteId))
        {
            ModelState.AddModelError("Input.SiteId", "Choisissez un site de la liste.");
        }
        var schoolClass = string.IsNullOrWhiteSpace(Input.SchoolClass) ? null : Input.SchoolClass.Trim();
        if (schoolClass is { Length: > 50 })
        {
            ModelState.AddModelError("Input.SchoolClass", "La classe ne doit pas dépasser 50 caractères.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (child is null)
        {
            child = new Child { MunicipalityId = (await db.Families.SingleAsync(f => f.Id == familyId, ct)).MunicipalityId, FamilyId = familyId, FirstName = first, LastName = last };
            db.Children.Add(child);
        }
        else
        {
            db.SaveOnlyOverVersion(child, Input.Version);
        }
        child.FirstName = first;
        child.LastName = last;
        child.BirthDate = birth;
        child.SiteId = Input.SiteId;
        child.SchoolClass = schoolClass;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await db.Entry(child).ReloadAsync(ct);
            return Refused(child);
        }
        TempData["Notice"] = childId is null ? $"{first} est ajouté(e) à la famille." : "La fiche de l'enfant est enregistrée.";
        return RedirectToPage("Details", new { id = familyId });
    }

    private PageResult Refused(Child child)
    {
        ModelState.Clear();
        ModelState.AddModelError(string.Empty, ChangedMeanwhile);
        Input = From(child);
        return Page();
    }

    private async Task<bool> LoadAsync(int familyId, int? childId, CancellationToken ct)
    {
        FamilyId = familyId;
        ChildId = childId;
        var household = await db.Families.Where(f => f.Id == familyId).Select(f => f.HouseholdName).SingleOrDefaultAsync(ct);
        if (household is null)
        {
            return false;
        }
        HouseholdName = household;
        var sites = await db.Sites.AsNoTracking().Where(s => !s.IsArchived).OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        Sites = sites.Select(s => (s.Id, s.Name)).ToList();
        return true;
    }

    private static ChildInput From(Child child) => new()
    {
        FirstName = child.FirstName,
        LastName = child.LastName,
        BirthDate = child.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        SiteId = child.SiteId,
        SchoolClass = child.SchoolClass,
        Version = child.Version,
    };
}
