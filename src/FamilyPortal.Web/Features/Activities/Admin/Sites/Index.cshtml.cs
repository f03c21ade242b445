using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Activities.Admin.Sites;

/// <summary>
/// « Sites »: the school groups and centres of the collectivité, with the prefix shown before their
/// activities (« GJ - … »). A site in use is archived rather than deleted.
/// </summary>
public class IndexModel(FamilyPortalDbContext db, CurrentMunicipality current) : PageModel
{
    public sealed record Row(int Id, string Name, string Prefix, bool IsArchived, int Activities, int Children);

    public sealed class SiteInput
    {
        public string? Name { get; set; }
        public string? Prefix { get; set; }
    }

    [BindProperty]
    public SiteInput Input { get; set; } = new();

    public IReadOnlyList<Row> Sites { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var name = Input.Name?.Trim() ?? "";
        var prefix = Input.Prefix?.Trim().ToUpperInvariant() ?? "";
        if (name.Length is 0 or > 200)
        {
            ModelState.AddModelError("Input.Name", "Le nom du site est obligatoire (200 caractères au plus).");
        }
        else if (await db.Sites.AnyAsync(s => s.Name == name, ct))
        {
            ModelState.AddModelError("Input.Name", "Un site porte déjà ce nom.");
        }
        if (prefix.Length is 0 or > 10 || !prefix.All(char.IsAsciiLetterOrDigit))
        {
            ModelState.AddModelError("Input.Prefix", "Le préfixe est obligatoire : 1 à 10 lettres ou chiffres, par exemple GJ.");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        db.Sites.Add(new Site { MunicipalityId = current.Id!.Value, Name = name, Prefix = prefix });
        await db.SaveChangesAsync(ct);
        Notice = $"Le site {name} est créé.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostArchiveAsync(int siteId, bool archived, CancellationToken ct)
    {
        var site = await db.Sites.SingleOrDefaultAsync(s => s.Id == siteId, ct);
        if (site is null)
        {
            return NotFound();
        }
        site.IsArchived = archived;
        await db.SaveChangesAsync(ct);
        Notice = archived ? $"Le site {site.Name} est archivé : il n'est plus proposé." : $"Le site {site.Name} est de nouveau actif.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int siteId, CancellationToken ct)
    {
        var site = await db.Sites.SingleOrDefaultAsync(s => s.Id == siteId, ct);
        if (site is null)
        {
            return NotFound();
        }
        var activities = await db.Activities.CountAsync(a => a.SiteId == siteId, ct);
        var children = await db.Children.CountAsync(c => c.SiteId == siteId, ct);
        if (activities + children > 0)
        {
            ModelState.AddModelError(string.Empty,
                $"Le site {site.Name} ne peut pas être supprimé : il a {activities} prestation(s) et {children} enfant(s). Archivez-le plutôt.");
            await LoadAsync(ct);
            return Page();
        }
        db.Sites.Remove(site);
        await db.SaveChangesAsync(ct);
        Notice = $"Le site {site.Name} est supprimé.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Sites = await db.Sites.AsNoTracking().OrderBy(s => s.IsArchived).ThenBy(s => s.Name)
            .Select(s => new Row(s.Id, s.Name, s.Prefix, s.IsArchived,
                db.Activities.Count(a => a.SiteId == s.Id), db.Children.Count(c => c.SiteId == s.Id)))
            .ToListAsync(ct);
}
