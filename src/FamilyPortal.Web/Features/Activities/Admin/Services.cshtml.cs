using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Activities.Admin;

/// <summary>« Services »: restauration scolaire, périscolaire… under which families choose an activity.</summary>
public class ServicesModel(FamilyPortalDbContext db, CurrentMunicipality current) : PageModel
{
    public sealed class NameInput
    {
        public string? Name { get; set; }
        /// <summary>« Service de restauration »: a checkbox, « true » when ticked.</summary>
        public string? IsCatering { get; set; }
    }

    public sealed record Row(int Id, string Name, int Activities, bool IsCatering);

    [BindProperty]
    public NameInput Input { get; set; } = new();

    [BindProperty]
    public NameInput Rename { get; set; } = new();

    /// <summary>« true » to mark a service as restauration scolaire, « false » to unmark it.</summary>
    [BindProperty]
    public string? Catering { get; set; }

    /// <summary>The service whose renaming failed: its row shows the typed name and the error.</summary>
    public int? RenamingId { get; private set; }

    public IReadOnlyList<Row> Services { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var name = await ValidateAsync("Input.Name", Input.Name, null, ct);
        if (Input.IsCatering is not (null or "true"))
        {
            ModelState.AddModelError("Input.IsCatering", "Cochez la case ou laissez-la vide.");
        }
        if (name is null || !ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        db.ServiceKinds.Add(new ServiceKind { MunicipalityId = current.Id!.Value, Name = name, IsCatering = Input.IsCatering == "true" });
        await db.SaveChangesAsync(ct);
        Notice = $"Le service {name} est créé.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRenameAsync(int serviceKindId, CancellationToken ct)
    {
        var service = await db.ServiceKinds.SingleOrDefaultAsync(s => s.Id == serviceKindId, ct);
        if (service is null)
        {
            return NotFound();
        }
        var name = await ValidateAsync("Rename.Name", Rename.Name, serviceKindId, ct);
        if (name is null)
        {
            RenamingId = serviceKindId;
            await LoadAsync(ct);
            return Page();
        }
        var old = service.Name;
        service.Name = name;
        await db.SaveChangesAsync(ct);
        Notice = $"Le service {old} s'appelle désormais {name}.";
        return RedirectToPage();
    }

    /// <summary>
    /// Marks a service as restauration scolaire, or no longer: its activities then stop (or may start) counting
    /// for the attestation fiscale, so marking it also clears their « éligible » box.
    /// </summary>
    public async Task<IActionResult> OnPostCateringAsync(int serviceKindId, CancellationToken ct)
    {
        var service = await db.ServiceKinds.SingleOrDefaultAsync(s => s.Id == serviceKindId, ct);
        if (service is null)
        {
            return NotFound();
        }
        if (Catering is not ("true" or "false"))
        {
            return BadRequest();
        }
        service.IsCatering = Catering == "true";
        if (service.IsCatering)
        {
            foreach (var activity in await db.Activities.Where(a => a.ServiceKindId == serviceKindId && a.TaxCreditEligible).ToListAsync(ct))
            {
                activity.TaxCreditEligible = false;
            }
        }
        await db.SaveChangesAsync(ct);
        Notice = service.IsCatering ? $"Le service {service.Name} est un service de restauration : ses prestations ne sont jamais éligibles à l'attestation fiscale." : $"Le service {service.Name} n'est plus un service de restauration.";
        return RedirectToPage();
    }

    private async Task<string?> ValidateAsync(string key, string? typed, int? exceptId, CancellationToken ct)
    {
        var name = typed?.Trim() ?? "";
        if (name.Length is 0 or > 100)
        {
            ModelState.AddModelError(key, "Le nom du service est obligatoire (100 caractères au plus).");
            return null;
        }
        if (await db.ServiceKinds.AnyAsync(s => s.Name == name && s.Id != exceptId, ct))
        {
            ModelState.AddModelError(key, "Un service porte déjà ce nom.");
            return null;
        }
        return name;
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Services = await db.ServiceKinds.AsNoTracking().OrderBy(s => s.Name)
            .Select(s => new Row(s.Id, s.Name, db.Activities.Count(a => a.ServiceKindId == s.Id), s.IsCatering))
            .ToListAsync(ct);
}
