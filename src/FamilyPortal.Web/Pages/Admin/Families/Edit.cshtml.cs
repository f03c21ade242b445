using FamilyPortal.Web.Accounts;
using FamilyPortal.Web.Administration;
using FamilyPortal.Web.Data;
using FamilyPortal.Web.Domain;
using FamilyPortal.Web.Domain.Accounts;
using FamilyPortal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Pages.Admin.Families;

/// <summary>Creates or edits a family file. A save based on an older version than the stored one is refused.</summary>
public class EditModel(FamilyPortalDbContext db, AdhesionCodeVault vault, CurrentMunicipality current) : PageModel
{
    public const string ChangedMeanwhile = "Cette famille a été modifiée entre-temps par quelqu'un d'autre : voici les valeurs actuelles. Refaites vos modifications puis enregistrez.";

    public sealed class FamilyInput
    {
        public string? HouseholdName { get; set; }
        public string? Reference { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
        public int Version { get; set; }
    }

    [BindProperty]
    public FamilyInput Input { get; set; } = new();

    public int? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is null)
        {
            return Page();
        }
        var family = await db.Families.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
        if (family is null)
        {
            return NotFound();
        }
        Input = From(family);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        var family = id is null ? null : await db.Families.SingleOrDefaultAsync(f => f.Id == id, ct);
        if (id is not null && family is null)
        {
            return NotFound();
        }
        if (family is not null && family.Version != Input.Version)
        {
            return Refused(family);
        }
        var (household, reference, email, phone) = await ValidateAsync(id, ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (family is null)
        {
            family = new Family { MunicipalityId = current.Id!.Value, HouseholdName = household, Email = email };
            FamilyFiles.NewCode(family, vault);
            db.Families.Add(family);
        }
        else
        {
            // The version the editor saw is the one the update requires in the database.
            db.Entry(family).Property(f => f.Version).OriginalValue = Input.Version;
            family.Version = Input.Version + 1;
        }
        family.HouseholdName = household;
        family.Reference = reference;
        family.Email = email;
        family.Phone = phone;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await db.Entry(family).ReloadAsync(ct);
            return Refused(family);
        }
        TempData["Notice"] = id is null ? "La famille est créée avec un nouveau code d'adhésion." : "Les modifications sont enregistrées.";
        return RedirectToPage("Details", new { id = family.Id });
    }

    private PageResult Refused(Family family)
    {
        ModelState.Clear();
        ModelState.AddModelError(string.Empty, ChangedMeanwhile);
        Input = From(family);
        return Page();
    }

    private async Task<(string Household, string? Reference, string Email, string? Phone)> ValidateAsync(int? id, CancellationToken ct)
    {
        var household = Input.HouseholdName?.Trim() ?? "";
        if (household.Length is 0 or > 200)
        {
            ModelState.AddModelError("Input.HouseholdName", "Le nom du foyer est obligatoire (200 caractères au plus).");
        }
        var reference = string.IsNullOrWhiteSpace(Input.Reference) ? null : Input.Reference.Trim();
        if (reference is { Length: > 50 })
        {
            ModelState.AddModelError("Input.Reference", "La référence ne doit pas dépasser 50 caractères.");
        }
        else if (reference is not null && await db.Families.AnyAsync(f => f.Reference == reference && f.Id != id, ct))
        {
            ModelState.AddModelError("Input.Reference", "Cette référence est déjà celle d'une autre famille.");
        }
        var email = ContactDetails.NormalizeEmail(Input.Email);
        if (email is null)
        {
            ModelState.AddModelError("Input.Email", "Saisissez une adresse email valide, par exemple famille.dupond@exemple.fr.");
        }
        string? phone = null;
        if (!string.IsNullOrWhiteSpace(Input.Phone))
        {
            phone = FrenchPhone.Normalize(Input.Phone);
            if (phone is null)
            {
                ModelState.AddModelError("Input.Phone", "Saisissez un numéro de téléphone valide, par exemple 06 12 34 56 78.");
            }
        }
        return (household, reference, email ?? "", phone);
    }

    private static FamilyInput From(Family family) => new()
    {
        HouseholdName = family.HouseholdName, Reference = family.Reference, Email = family.Email,
        Phone = family.Phone is null ? null : FrenchPhone.Format(family.Phone), Version = family.Version,
    };
}
