using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Families.Admin;

/// <summary>A family file: its responsables légaux, its children, the accounts linked to it, and its adhesion code.</summary>
public class DetailsModel(FamilyPortalDbContext db, FamilyFiles files, AdhesionCodeVault vault) : PageModel
{
    public sealed record LinkedAccount(int MembershipId, string Login, string Name, string? Email, DateTime Since);

    public Family Family { get; private set; } = null!;

    public string Code { get; private set; } = "";

    public IReadOnlyList<(Child Child, string? Site)> Children { get; private set; } = [];

    public IReadOnlyList<ResponsibleAdult> Adults { get; private set; } = [];

    public IReadOnlyList<LinkedAccount> Accounts { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRegenerateAsync(int id, CancellationToken ct)
    {
        var family = await db.Families.SingleOrDefaultAsync(f => f.Id == id, ct);
        if (family is null)
        {
            return NotFound();
        }
        FamilyFiles.NewCode(family, vault);
        family.Version++;
        await db.SaveChangesAsync(ct);
        Notice = "Un nouveau code d'adhésion a été créé : l'ancien ne fonctionne plus.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostEmailCodeAsync(int id, CancellationToken ct)
    {
        var family = await db.Families.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
        if (family is null)
        {
            return NotFound();
        }
        await files.EmailCodeAsync(family, ct);
        await db.SaveChangesAsync(ct);
        Notice = $"Le code d'adhésion a été envoyé à {family.Email}.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostUnlinkAsync(int id, int membershipId, CancellationToken ct)
    {
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.Id == membershipId && m.FamilyId == id, ct);
        if (membership is null)
        {
            return NotFound();
        }
        db.Memberships.Remove(membership);
        await db.SaveChangesAsync(ct);
        Notice = "Le compte n'est plus rattaché à cette famille.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var family = await db.Families.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
        if (family is null)
        {
            return false;
        }
        Family = family;
        Code = files.Reveal(family);
        Adults = await db.ResponsibleAdults.AsNoTracking().Where(a => a.FamilyId == id)
            .OrderBy(a => a.Position).ThenBy(a => a.Id).ToListAsync(ct);
        var children = await db.Children.AsNoTracking().Where(c => c.FamilyId == id)
            .OrderBy(c => c.FirstName).Select(c => new { Child = c, Site = c.Site == null ? null : c.Site.Name }).ToListAsync(ct);
        Children = children.Select(c => (c.Child, c.Site)).ToList();
        Accounts = await (from m in db.Memberships.AsNoTracking()
                          where m.FamilyId == id
                          join u in db.Users on m.AccountId equals u.Id
                          orderby m.CreatedAtUtc
                          select new LinkedAccount(m.Id, u.UserName!, u.FirstName + " " + u.LastName, u.Email, m.CreatedAtUtc))
            .ToListAsync(ct);
        return true;
    }
}
