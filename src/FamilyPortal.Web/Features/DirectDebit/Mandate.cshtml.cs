using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyPortal.Web.Features.DirectDebit;

/// <summary>
/// The parent's mandate, signed or revoked from the « Prélèvement automatique » block of « Mes factures »; the page
/// itself shows the block again when the form has a mistake.
/// </summary>
[Authorize]
public class MandateModel(CurrentMunicipality current, DebitMandates mandates, TimeProvider time) : PageModel
{
    [BindProperty] public MandateInput Input { get; set; } = new();

    public MandateBlock? Block { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostSignAsync(CancellationToken ct)
    {
        // Like « Payer en ligne »: the families' own space, staff have nothing to sign here.
        if (current is not { IsParent: true, FamilyId: { } familyId, Id: { } municipalityId } || current.AccountId is not { } accountId)
        {
            return BadRequest();
        }
        var terms = await mandates.TermsAsync(municipalityId, ct);
        if (!terms.Offered)
        {
            return NotFound();
        }
        var input = Input.Check((field, message) => ModelState.AddModelError(field, message));
        if (Input.Accept != "true")
        {
            ModelState.AddModelError("Input.Accept", "Cochez la case pour accepter le mandat de prélèvement.");
        }
        if (input is null || !ModelState.IsValid)
        {
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var today = ParisClock.Today(time.GetUtcNow(), ParisClock.Zone);
        if (await mandates.SignAsync(municipalityId, familyId, input, today, MandateSource.Parent, accountId, ct) is null)
        {
            ModelState.AddModelError("Input.Iban", "Votre famille a déjà un mandat actif : révoquez-le avant d'en signer un autre.");
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        TempData[MandateBlock.NoticeKey] = "Votre mandat de prélèvement est enregistré : vos prochaines factures seront prélevées.";
        return Redirect("/factures#prelevement");
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        if (current is not { IsParent: true, FamilyId: { } familyId } || current.AccountId is not { } accountId)
        {
            return BadRequest();
        }
        if (!await mandates.RevokeAsync(familyId, accountId, ct))
        {
            return NotFound();
        }
        TempData[MandateBlock.NoticeKey] = "Votre mandat est révoqué : les factures suivantes ne seront plus prélevées.";
        return Redirect("/factures#prelevement");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (current is { IsParent: true, FamilyId: { } familyId, Id: { } municipalityId })
        {
            var terms = await mandates.TermsAsync(municipalityId, ct);
            var active = await mandates.ActiveAsync(familyId, ct);
            if (terms.Offered || active is not null)
            {
                Block = new MandateBlock(terms, active, Input, null, ParisClock.Today(time.GetUtcNow(), ParisClock.Zone));
            }
        }
    }
}
