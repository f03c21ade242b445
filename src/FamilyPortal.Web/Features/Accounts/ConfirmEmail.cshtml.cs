using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyPortal.Web.Features.Accounts;

/// <summary>The link of email 1: confirms the address, releases the mail held for it, and opens the sign-in.</summary>
[AllowAnonymous]
public class ConfirmEmailModel(UserManager<PortalAccount> users, EmailOutbox outbox) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? compte, string? jeton, CancellationToken ct)
    {
        var account = string.IsNullOrEmpty(compte) || string.IsNullOrEmpty(jeton) || compte.Length > 64 || jeton.Length > 2000
            ? null
            : await users.FindByIdAsync(compte);
        if (account is null)
        {
            return Page();
        }
        if (!account.EmailConfirmed)
        {
            var result = await users.ConfirmEmailAsync(account, jeton!);
            if (!result.Succeeded)
            {
                return Page();
            }
            await outbox.ReleaseHeldAsync(account.Id, ct);
        }
        TempData["Notice"] = "Votre adresse email est confirmée. Vous pouvez vous connecter.";
        return RedirectToPage("SignIn", new { identifiant = account.UserName });
    }
}
