using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyPortal.Web.Features.Accounts;

/// <summary>The link of email 1 (or of « Renvoyer le lien de confirmation »): confirms the address, releases the mail held for it, and opens the sign-in.</summary>
[AllowAnonymous]
public class ConfirmEmailModel(UserManager<PortalAccount> users, EmailOutbox outbox, FamilyPortalDbContext db) : PageModel
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
            var confirmed = await db.InTransactionAsync(async token =>
            {
                var result = await users.ConfirmEmailAsync(account, jeton!);
                if (!result.Succeeded)
                {
                    return false;
                }
                await outbox.ReleaseHeldAsync(account.Id, account.Email!, token);
                return true;
            }, ct);
            if (!confirmed)
            {
                return Page();
            }
        }
        TempData["Notice"] = "Votre adresse email est confirmée. Vous pouvez vous connecter.";
        return RedirectToPage("SignIn", new { identifiant = account.UserName });
    }
}
