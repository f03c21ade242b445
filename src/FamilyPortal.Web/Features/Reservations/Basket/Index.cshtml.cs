using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyPortal.Web.Features.Reservations.Basket;

/// <summary>The panier on its own page, and its actions: « Valider », « Vider », the bin of a line.</summary>
[Authorize]
public class IndexModel(CurrentMunicipality current, BasketReader baskets, BasketService basket, BasketValidator validator) : PageModel
{
    [BindProperty(Name = "retour")]
    public string? ReturnUrl { get; set; }

    public BasketView Basket { get; private set; } = new([], []);

    [TempData] public string? Flash { get; set; }

    private ParentScope? Scope => ParentScope.Of(current);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Scope is not { } scope)
        {
            return Redirect("/reservations");
        }
        Basket = await baskets.ReadAsync(scope, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostValidateAsync(CancellationToken ct)
    {
        if (Scope is not { } scope)
        {
            return Redirect("/reservations");
        }
        var outcome = await validator.ValidateAsync(scope, ct);
        if (outcome.ValidationId is not { } id)
        {
            // Nothing left to apply: a second click, or the back button after the first « Valider ».
            Flash = "Votre panier est vide : rien à valider.";
            return LocalRedirect(Back());
        }
        return RedirectToPage("Summary", new { id });
    }

    public async Task<IActionResult> OnPostClearAsync(CancellationToken ct)
    {
        if (Scope is { } scope)
        {
            await basket.ClearAsync(scope, ct);
            Flash = "Le panier a été vidé.";
        }
        return LocalRedirect(Back());
    }

    public async Task<IActionResult> OnPostRemoveAsync(long? ligne, CancellationToken ct)
    {
        if (Scope is { } scope && ligne is { } id && await basket.RemoveLineAsync(scope, id, ct) == 1)
        {
            Flash = "La ligne a été retirée du panier.";
            return LocalRedirect(Back());
        }
        return NotFound();
    }

    private string Back() => Url.IsLocalUrl(ReturnUrl) && ReturnUrl!.StartsWith("/reservations", StringComparison.Ordinal) ? ReturnUrl : "/reservations";
}
