using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyPortal.Web.Features.Families.MyFile;

/// <summary>
/// « Mon dossier famille », part « Famille »: address, allocataire, situation, the responsables' contact
/// details and the family's contacts. Each change goes to the collectivité as a demande de modification.
/// </summary>
[Authorize]
public class IndexModel(
    CurrentMunicipality current, FamilyFileReader reader, FamilyChangeRequests requests,
    FileConfirmations confirmations, ChangePayloads payloads) : PageModel
{
    public CurrentMunicipality Current => current;

    [BindProperty]
    public FamilyInput Input { get; set; } = new();

    [BindProperty]
    public List<ContactInput> Contacts { get; set; } = [];

    public Family? Family { get; private set; }
    public FileNav Nav { get; private set; } = new([], null);
    public IReadOnlyList<(int Id, string Name)> Children { get; private set; } = [];
    public HashSet<string> PendingFields { get; private set; } = [];
    public bool ContactsPending { get; private set; }
    public SchoolYear? YearToConfirm { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } family)
        {
            return Page();
        }
        Input = FamilyInput.From(requests.Shown(await PendingAsync(family, ct), ChangeSection.Family, null, FamilyFileReader.ValuesOf(family)));
        var contacts = await reader.ContactsAsync(family.Id, ct);
        Contacts = [.. requests.Shown(await requests.PendingAsync(family.Id, ct), ChangeSection.Contacts, null, contacts).Select(ContactInput.From), new ContactInput()];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } family)
        {
            return NotFound();
        }
        await PendingAsync(family, ct);
        var values = Input.Validate(FamilyFileReader.ValuesOf(family), (field, message) => ModelState.AddModelError($"Input.{field}", message));
        if (values is null)
        {
            Contacts = [.. (await reader.ContactsAsync(family.Id, ct)).Select(ContactInput.From), new ContactInput()];
            return Invalid();
        }
        Notice = Said(await requests.SubmitFamilyAsync(family, values, ct));
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostContactsAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } family)
        {
            return NotFound();
        }
        var pending = await PendingAsync(family, ct);
        var stored = await reader.ContactsAsync(family.Id, ct);
        var shown = requests.Shown(pending, ChangeSection.Contacts, null, stored);
        // Only a forged form names a contact the family does not have.
        if (Contacts.Any(c => c.Id != 0 && shown.All(s => s.Id != c.Id)))
        {
            return NotFound();
        }
        var values = ContactInput.Validate(Contacts, Children.Select(c => c.Id).ToList(), (field, message) => ModelState.AddModelError(field, message));
        if (values is null)
        {
            Input = FamilyInput.From(requests.Shown(pending, ChangeSection.Family, null, FamilyFileReader.ValuesOf(family)));
            return Invalid();
        }
        var names = Children.ToDictionary(c => c.Id, c => c.Name);
        Notice = Said(await requests.SubmitContactsAsync(family, stored, values, names, ct));
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostConfirmAsync(bool certify, CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } family || YearToConfirm is null)
        {
            return NotFound();
        }
        if (!certify)
        {
            ModelState.AddModelError("certify", "Cochez « Je certifie l'exactitude des informations » pour confirmer votre dossier.");
            await OnGetAsync(ct);
            return Invalid();
        }
        await confirmations.ConfirmAsync(family.Id, YearToConfirm.Id, ct);
        Notice = $"Merci : votre dossier est confirmé pour l'année {YearToConfirm.Label}. Vous pouvez réserver.";
        return RedirectToPage();
    }

    /// <summary>The form again with its French messages: 422, nothing written.</summary>
    private PageResult Invalid()
    {
        var page = Page();
        page.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return page;
    }

    private async Task<Family?> LoadAsync(CancellationToken ct)
    {
        if (current is not { IsParent: true, FamilyId: { } familyId })
        {
            return null;
        }
        Family = await reader.FamilyAsync(familyId, ct);
        if (Family is null)
        {
            return null;
        }
        Children = Family.Children.OrderBy(c => c.FirstName).Select(c => (c.Id, c.FirstName)).ToList();
        Nav = new FileNav(Children, null);
        YearToConfirm = await confirmations.YearToConfirmAsync(familyId, ct);
        return Family;
    }

    private async Task<List<ChangeRequest>> PendingAsync(Family family, CancellationToken ct)
    {
        var pending = await requests.PendingAsync(family.Id, ct);
        var names = new Dictionary<int, string>();
        PendingFields = pending.Where(r => r.Section == ChangeSection.Family)
            .SelectMany(r => payloads.ChangesOf(r, names)).Select(c => c.Field).ToHashSet();
        ContactsPending = pending.Any(r => r.Section == ChangeSection.Contacts);
        return pending;
    }

    public static string? Said(FamilyChangeRequests.Outcome outcome) => outcome switch
    {
        FamilyChangeRequests.Outcome.Requested => "Votre demande de modification est envoyée à la collectivité : les champs modifiés sont en attente de validation.",
        FamilyChangeRequests.Outcome.Withdrawn => "Votre demande de modification est retirée : le dossier reste tel que la collectivité l'a validé.",
        FamilyChangeRequests.Outcome.Applied => "Vos nouvelles coordonnées sont enregistrées.",
        _ => "Aucune modification à envoyer.",
    };
}
