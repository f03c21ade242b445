using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace FamilyPortal.Web.Features.Accounts;

/// <summary>« Mot de passe oublié »: identifiant or email, then the same answer whether or not it exists.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimiting.Recovery)]
public class ForgotPasswordModel(AccountRecovery recovery) : PageModel
{
    [BindProperty]
    public string? Login { get; set; }

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var login = Login?.Trim();
        if (string.IsNullOrEmpty(login) || login.Length > 254 || login.Any(char.IsControl))
        {
            ModelState.AddModelError(nameof(Login), "Saisissez votre identifiant ou votre adresse email.");
            return Page();
        }
        await recovery.RequestPasswordResetAsync(login, ct);
        Sent = true;
        return Page();
    }
}
