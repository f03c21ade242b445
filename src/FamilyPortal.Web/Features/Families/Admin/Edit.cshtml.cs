using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Families.Admin;

/// <summary>
/// Creates or edits a family file and its responsables légaux. A save based on an older version than the
/// stored one is refused; every save raises the family's version, adults included.
/// </summary>
public class EditModel(FamilyPortalDbContext db, AdhesionCodeVault vault, CurrentMunicipality current) : PageModel
{
    public const string ChangedMeanwhile = "Cette famille a été modifiée entre-temps par quelqu'un d'autre : voici les valeurs actuelles. Refaites vos modifications puis enregistrez.";
    public const string NoAdult = "Indiquez au moins un responsable légal (nom et prénom).";
    public const int MaxAdults = 6;

    public sealed class FamilyInput
    {
        public string? HouseholdName { get; set; }
        public string? Reference { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
        public int Version { get; set; }
        public List<AdultInput> Adults { get; set; } = [];
    }

    /// <summary>A responsable légal on the form: Id 0 for a new one; an empty new block is ignored.</summary>
    public sealed class AdultInput
    {
        public int Id { get; set; }
        public string? Civility { get; set; }
        public string? LastName { get; set; }
        public string? FirstName { get; set; }
        public string? Relationship { get; set; }
        public string? Email { get; set; }
        public string? MobilePhone { get; set; }
        public string? HomePhone { get; set; }
        public string? WorkPhone { get; set; }
        public bool Remove { get; set; }

        public AdultFields Fields => new(Civility, LastName, FirstName, Relationship, Email, MobilePhone, HomePhone, WorkPhone);
    }

    [BindProperty]
    public FamilyInput Input { get; set; } = new();

    public int? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is null)
        {
            Input.Adults.Add(new AdultInput());
            return Page();
        }
        var family = await db.Families.AsNoTracking().Include(f => f.Adults).SingleOrDefaultAsync(f => f.Id == id, ct);
        if (family is null)
        {
            return NotFound();
        }
        Input = From(family);
        return Page();
    }

    /// <summary>« Ajouter un responsable »: the same form with one more empty block; nothing is saved.</summary>
    public async Task<IActionResult> OnPostAddAdultAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is not null && !await db.Families.AnyAsync(f => f.Id == id, ct))
        {
            return NotFound();
        }
        ModelState.Clear();
        if (Input.Adults.Count < MaxAdults)
        {
            Input.Adults.Add(new AdultInput());
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        var family = id is null ? null : await db.Families.Include(f => f.Adults).SingleOrDefaultAsync(f => f.Id == id, ct);
        if (id is not null && family is null)
        {
            return NotFound();
        }
        if (family is not null && family.Version != Input.Version)
        {
            return Refused(family);
        }
        if (Input.Adults.Any(a => a.Id != 0 && family?.Adults.Any(stored => stored.Id == a.Id) != true))
        {
            // Only a forged form names an adult of another family.
            return NotFound();
        }
        var (household, reference, email, phone) = await ValidateAsync(id, ct);
        var adults = ValidateAdults();
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
            db.SaveOnlyOverVersion(family, Input.Version);
        }
        family.HouseholdName = household;
        family.Reference = reference;
        family.Email = email;
        family.Phone = phone;
        ApplyAdults(family, adults);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var stored = await db.Families.AsNoTracking().Include(f => f.Adults).SingleOrDefaultAsync(f => f.Id == id, ct);
            return stored is null ? NotFound() : Refused(stored);
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

    /// <summary>The adults to keep, by their place on the form (removed and empty new blocks are left out).</summary>
    private List<(AdultInput Input, AdultValues Values)> ValidateAdults()
    {
        var kept = new List<(AdultInput, AdultValues)>();
        for (var i = 0; i < Input.Adults.Count; i++)
        {
            var adult = Input.Adults[i];
            if (adult.Remove || (adult.Id == 0 && adult.Fields.IsBlank))
            {
                continue;
            }
            var prefix = $"Input.Adults[{i}].";
            var values = adult.Fields.Validate((field, message) => ModelState.AddModelError(prefix + field, message));
            if (values is not null)
            {
                kept.Add((adult, values));
            }
        }
        var remaining = Input.Adults.Count(a => !a.Remove && !(a.Id == 0 && a.Fields.IsBlank));
        if (remaining == 0)
        {
            ModelState.AddModelError("Input.Adults", NoAdult);
        }
        else if (remaining > MaxAdults)
        {
            ModelState.AddModelError("Input.Adults", $"Une famille compte au plus {MaxAdults} responsables légaux.");
        }
        return kept;
    }

    private void ApplyAdults(Family family, List<(AdultInput Input, AdultValues Values)> kept)
    {
        foreach (var removed in Input.Adults.Where(a => a.Remove && a.Id != 0))
        {
            var adult = family.Adults.Single(a => a.Id == removed.Id);
            family.Adults.Remove(adult);
            db.ResponsibleAdults.Remove(adult);
        }
        var position = 1;
        foreach (var (input, values) in kept)
        {
            var adult = input.Id == 0 ? null : family.Adults.Single(a => a.Id == input.Id);
            if (adult is null)
            {
                adult = new ResponsibleAdult { MunicipalityId = family.MunicipalityId, LastName = values.LastName, FirstName = values.FirstName };
                family.Adults.Add(adult);
            }
            values.CopyTo(adult);
            adult.Position = position++;
        }
    }

    private static FamilyInput From(Family family) => new()
    {
        HouseholdName = family.HouseholdName,
        Reference = family.Reference,
        Email = family.Email,
        Phone = family.Phone is null ? null : FrenchPhone.Format(family.Phone),
        Version = family.Version,
        Adults = family.Adults.Count == 0
            ? [new AdultInput()]
            : family.Adults.OrderBy(a => a.Position).ThenBy(a => a.Id).Select(a => new AdultInput
            {
                Id = a.Id,
                Civility = a.Civility,
                LastName = a.LastName,
                FirstName = a.FirstName,
                Relationship = a.Relationship,
                Email = a.Email,
                MobilePhone = Phone(a.MobilePhone),
                HomePhone = Phone(a.HomePhone),
                WorkPhone = Phone(a.WorkPhone),
            }).ToList(),
    };

    private static string? Phone(string? normalized) => normalized is null ? null : FrenchPhone.Format(normalized);
}
