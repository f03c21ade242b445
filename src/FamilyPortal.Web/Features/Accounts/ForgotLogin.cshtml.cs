using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace FamilyPortal.Web.Features.Accounts;

/// <summary>« Identifiant oublié »: an email listing the identifiants of an address, with a neutral answer.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimiting.Recovery)]
public class ForgotLoginModel(AccountRecovery recovery) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var email = ContactDetails.NormalizeEmail(Email);
        if (email is null)
        {
            ModelState.AddModelError(nameof(Email), "Saisissez une adresse email valide, par exemple nom@exemple.fr.");
            return Page();
        }
        await recovery.SendIdentifiantsAsync(email, ct);
        Sent = true;
        return Page();
    }
}
