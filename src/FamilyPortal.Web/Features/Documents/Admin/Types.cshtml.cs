using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Documents.Admin;

/// <summary>
/// « Types de pièces »: what the collectivité asks families to deposit. Agents read the list; administrators
/// add, change and delete (a type with documents is made inactive rather than deleted), and choose how many
/// days before its expiry a family is reminded of a validated document.
/// </summary>
[AdministratorHandlers("Save", "Delete", "Reminder")]
public class TypesModel(FamilyPortalDbContext db, CurrentMunicipality current) : PageModel
{
    public const int MinReminderDays = 1;
    public const int MaxReminderDays = 180;

    public sealed class TypeInput
    {
        public int? Id { get; set; }
        public string? Name { get; set; }
        public bool PerChild { get; set; }
        public int? ValidityMonths { get; set; }
        public bool IsActive { get; set; } = true;
        public bool IsPaiDocument { get; set; }
        public List<int> ServiceKindIds { get; set; } = [];
    }

    public IReadOnlyList<SupportingDocumentType> Types { get; private set; } = [];

    public IReadOnlyList<ServiceKind> Services { get; private set; } = [];

    [BindProperty]
    public TypeInput Input { get; set; } = new();

    /// <summary>Days before expiry of the reminder, as typed (a wrong value is shown again with its message).</summary>
    [BindProperty]
    public string? ReminderDays { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public string ServicesOf(SupportingDocumentType type) => type.ServiceKindIds.Count == 0
        ? "tous"
        : string.Join(", ", Services.Where(s => type.ServiceKindIds.Contains(s.Id)).Select(s => s.Name));

    public async Task<IActionResult> OnGetAsync(int? modifier, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (modifier is { } id)
        {
            var type = Types.FirstOrDefault(t => t.Id == id);
            if (type is null)
            {
                return NotFound();
            }
            Input = new TypeInput { Id = type.Id, Name = type.Name, PerChild = type.PerChild, ValidityMonths = type.ValidityMonths, IsActive = type.IsActive, IsPaiDocument = type.IsPaiDocument, ServiceKindIds = [.. type.ServiceKindIds] };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Input.Id is { } editedId && Types.All(t => t.Id != editedId))
        {
            return NotFound();
        }
        var name = Input.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            ModelState.AddModelError("Input.Name", "Indiquez le nom de la pièce.");
        }
        else if (name.Length > SupportingDocumentType.NameMaxLength)
        {
            ModelState.AddModelError("Input.Name", $"Le nom ne doit pas dépasser {SupportingDocumentType.NameMaxLength} caractères.");
        }
        else if (Types.Any(t => t.Id != Input.Id && string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            ModelState.AddModelError("Input.Name", "Une pièce porte déjà ce nom.");
        }
        if (Input.ValidityMonths is < 1 or > 120)
        {
            ModelState.AddModelError("Input.ValidityMonths", "La validité se compte en mois, de 1 à 120 (laissez vide si la pièce n'expire pas).");
        }
        if (Input.IsPaiDocument && !Input.PerChild)
        {
            ModelState.AddModelError("Input.IsPaiDocument", "Le document du PAI se dépose pour chaque enfant concerné : cochez aussi « Une pièce par enfant ».");
        }
        else if (Input.IsPaiDocument && Types.FirstOrDefault(t => t.IsPaiDocument && t.Id != Input.Id) is { } other)
        {
            ModelState.AddModelError("Input.IsPaiDocument", $"La pièce « {other.Name} » est déjà le document du PAI.");
        }
        if (Input.ServiceKindIds.Any(id => Services.All(s => s.Id != id)))
        {
            ModelState.AddModelError("Input.ServiceKindIds", "Choisissez parmi les services de la collectivité.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var type = Input.Id is { } id ? await db.Set<SupportingDocumentType>().SingleOrDefaultAsync(t => t.Id == id, ct) : null;
        if (Input.Id is not null && type is null)
        {
            return NotFound();
        }
        if (type is null)
        {
            type = new SupportingDocumentType { MunicipalityId = db.CurrentMunicipalityId!.Value, Name = name };
            db.Add(type);
        }
        type.Name = name;
        type.PerChild = Input.PerChild;
        type.ValidityMonths = Input.ValidityMonths;
        type.IsActive = Input.IsActive;
        type.IsPaiDocument = Input.IsPaiDocument;
        type.ServiceKindIds = [.. Input.ServiceKindIds.Distinct().Order()];
        await db.SaveChangesAsync(ct);
        Notice = $"La pièce « {name} » est enregistrée.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int typeId, CancellationToken ct)
    {
        var type = await db.Set<SupportingDocumentType>().SingleOrDefaultAsync(t => t.Id == typeId, ct);
        if (type is null)
        {
            return NotFound();
        }
        if (await db.Set<SupportingDocument>().AnyAsync(d => d.TypeId == typeId, ct))
        {
            type.IsActive = false;
            Notice = $"Des familles ont déposé « {type.Name} » : la pièce n'est plus demandée, les documents sont conservés.";
        }
        else
        {
            db.Remove(type);
            Notice = $"La pièce « {type.Name} » est supprimée.";
        }
        await db.SaveChangesAsync(ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostReminderAsync(CancellationToken ct)
    {
        if (!int.TryParse(ReminderDays?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days)
            || days is < MinReminderDays or > MaxReminderDays)
        {
            await LoadAsync(ct);
            ModelState.AddModelError(nameof(ReminderDays), $"Indiquez un nombre de jours entre {MinReminderDays} et {MaxReminderDays}.");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var municipality = await db.Municipalities.SingleAsync(m => m.Id == current.Id, ct);
        municipality.DocumentReminderDays = days;
        await db.SaveChangesAsync(ct);
        Notice = $"Les familles seront prévenues {days} jours avant l'expiration d'une pièce validée.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        ReminderDays ??= (await db.Municipalities.AsNoTracking().Where(m => m.Id == current.Id).Select(m => m.DocumentReminderDays).SingleAsync(ct))
            .ToString(CultureInfo.InvariantCulture);
        Types = await db.Set<SupportingDocumentType>().AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
        Services = await db.ServiceKinds.AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct);
    }
}
